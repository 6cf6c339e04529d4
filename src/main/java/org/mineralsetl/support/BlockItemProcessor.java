package org.mineralsetl.support;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;

/** Applies a record processor to each record of a block read by {@link BlockItemReader}; records it filters out (null) are dropped. */
public class BlockItemProcessor<I, O> implements ItemProcessor<List<I>, List<O>> {

    private final ItemProcessor<I, O> delegate;

    public BlockItemProcessor(ItemProcessor<I, O> delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<O> process(List<I> block) throws Exception {
        List<O> out = new ArrayList<>(block.size());
        for (I item : block) {
            O o = delegate.process(item);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }
}
