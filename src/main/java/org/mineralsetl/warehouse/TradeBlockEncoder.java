package org.mineralsetl.warehouse;

import org.mineralsetl.support.BinaryRows;
import org.mineralsetl.support.BlockItemReader;
import org.mineralsetl.support.RejectRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Makes a {@link TradeBlock} of a block of source records: each record through the source's pure processor,
 * then its rows encoded for the binary COPY. Runs where the block is read (on the read-ahead thread of a
 * {@link BlockItemReader} with prefetch), so the step's thread only streams bytes and the rows waiting for it are
 * compact bytes, not objects the garbage collector must copy. It also cuts the block's rows into runs of one key
 * group ({@link TradeBlock.Run}), from which the merge proves the load's keys unique without sorting its rows.
 */
public final class TradeBlockEncoder<T> implements BlockItemReader.BlockProcessor<T, TradeBlock> {

    private final ItemProcessor<T, Processed<TradeRow>> processor;
    private final long loadId;
    private final TradeRow.Defaults defaults;

    /**
     * @param defaults the values every row of the load shares (left out of the COPY), or null when rows differ;
     *                 asked for here, where the block is read, so that a file whose name lacks them fails the
     *                 step with its own message
     */
    public TradeBlockEncoder(ItemProcessor<T, Processed<TradeRow>> processor, LoadContext load,
                             Supplier<TradeRow.Defaults> defaults) {
        this.processor = processor;
        this.loadId = load.loadId();
        this.defaults = defaults.get();
    }

    @Override
    public TradeBlock process(List<T> records) throws Exception {
        Block block = new Block(records.size());
        for (T record : records) {
            Processed<TradeRow> item = processor.process(record);
            if (item != null) {
                for (TradeRow row : item.rows()) {
                    block.add(row);
                }
                block.rejects.addAll(item.rejects());
            }
        }
        return block.done();
    }

    /** A block being encoded: kept out of the loop over records, so that each piece compiles on its own. */
    private final class Block {
        private final BinaryRows flows;
        private final int size;
        private BinaryRows details;
        private final List<RejectRow> rejects = new ArrayList<>();
        private final Set<Integer> years = new TreeSet<>();
        private final List<TradeBlock.Run> runs = new ArrayList<>();
        private TradeRow first;
        private TradeRow previous;
        private boolean ascending;

        Block(int size) {
            this.size = size;
            this.flows = new BinaryRows(size * 128);
        }

        void add(TradeRow row) {
            row.writeFlow(flows, defaults);
            if (previous != null && previous.sameGroup(row)) {
                ascending &= row.hsCode().compareTo(previous.hsCode()) > 0;
            } else {
                endRun();
                first = row;
                ascending = true;
                years.add(row.year());
            }
            previous = row;
            if (row.hasDetail()) {
                if (details == null) {
                    details = new BinaryRows(size * 96);
                }
                row.writeDetail(details, loadId);
            }
        }

        private void endRun() {
            if (first != null) {
                runs.add(new TradeBlock.Run(first.groupKey(), first.hsCode(), previous.hsCode(), ascending));
            }
        }

        TradeBlock done() {
            endRun();
            return new TradeBlock(flows, details, rejects, years, runs, defaults);
        }
    }
}
