package org.mineralsetl.support;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Reads the records of a delegate reader in blocks of up to {@code size} and turns each block into one step
 * item with a {@link BlockProcessor} (typically: each record through a pure record processor, then the block
 * encoded for the writer), so that the per-item work of a chunk-oriented step (scoped proxies, listeners,
 * bookkeeping) is paid once per block rather than once per line of a file of millions of lines.
 * <p>
 * With {@code prefetch > 0} a background thread reads and processes up to that many blocks ahead, so that the
 * file is parsed while the step writes the previous chunk to the database: the two run on two cores instead of
 * taking turns (the writer streams, the server stores). What waits in the queue is the processed block, so a
 * block processor that encodes its block compactly keeps the memory of the read-ahead small. Restart state stays exact: the delegate's saved count
 * ({@code <name>.read.count}) is the number of records handed to the step, never the number read ahead, and
 * a chunk holds whole blocks, so a restart resumes right after the last committed record. An error (reading,
 * or making the processor) is raised where the step reaches it.
 */
public class BlockItemReader<T, B> implements ItemStreamReader<B> {

    /** Turns the records of one block, in file order, into one step item. Called on one thread at a time. */
    @FunctionalInterface
    public interface BlockProcessor<T, B> {
        B process(List<T> records) throws Exception;
    }

    /**
     * The block processor that runs each record through a record processor (a pure function) and keeps the
     * results in order, dropping the records it filters out (null).
     */
    public static <T, O> BlockProcessor<T, List<O>> perRecord(ItemProcessor<T, O> processor) {
        return records -> {
            List<O> items = new ArrayList<>(records.size());
            for (T record : records) {
                O item = processor.process(record);
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        };
    }

    private record Block<B>(B item, int records, int countAfter, Exception error, boolean last) {
    }

    private final AbstractItemCountingItemStreamItemReader<T> delegate;
    private final Supplier<BlockProcessor<T, B>> processorOfStep;
    private final int size;
    private final int prefetch;
    private BlockProcessor<T, B> processor;
    private RuntimeException processorError;
    private BlockingQueue<Block<B>> queue;
    private Thread worker;
    private volatile boolean stopping;
    private int consumed;
    private boolean exhausted;

    /**
     * @param processor made when the reader opens, on the step's thread before any chunk (so that the reference
     *                  data it loads does not wait for a connection the step's chunk holds); one that cannot be
     *                  made (a file name that lacks what it needs) fails the step with its own message where the
     *                  step reads
     */
    public BlockItemReader(AbstractItemCountingItemStreamItemReader<T> delegate, Supplier<BlockProcessor<T, B>> processor,
                           int size, int prefetch) {
        if (size < 1 || prefetch < 0) {
            throw new IllegalArgumentException("block size " + size + " / prefetch " + prefetch + " out of range");
        }
        this.delegate = delegate;
        this.processorOfStep = processor;
        this.size = size;
        this.prefetch = prefetch;
    }

    @Override
    public B read() throws Exception {
        if (exhausted) {
            return null;
        }
        Block<B> block = prefetch == 0 ? readBlock() : queue.take();
        if (block.error() != null) {
            exhausted = true;
            throw block.error();
        }
        consumed = block.countAfter();
        // the delegate is not asked again after its end: its count includes exactly one end-of-file read
        exhausted = block.last();
        return block.records() == 0 && block.last() ? null : block.item();
    }

    private Block<B> readBlock() throws Exception {
        if (processorError != null) {
            throw processorError;
        }
        List<T> records = new ArrayList<>(size);
        boolean last = false;
        while (records.size() < size) {
            T record = delegate.read();
            if (record == null) {
                last = true;
                break;
            }
            records.add(record);
        }
        B item = records.isEmpty() ? null : processor.process(records);
        return new Block<>(item, records.size(), delegate.getCurrentItemCount(), null, last);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        exhausted = false;
        delegate.open(executionContext);
        consumed = delegate.getCurrentItemCount();
        try {
            processor = processorOfStep.get();
            processorError = null;
        } catch (RuntimeException e) {
            processorError = e;
        }
        if (prefetch > 0) {
            queue = new ArrayBlockingQueue<>(prefetch);
            stopping = false;
            worker = new Thread(this::readAhead, delegate.getName() + "-read-ahead");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void readAhead() {
        try {
            while (!stopping) {
                Block<B> block;
                try {
                    block = readBlock();
                } catch (Exception e) {
                    block = new Block<>(null, 0, 0, e, true);
                }
                queue.put(block);
                if (block.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (delegate.isSaveState()) {
            executionContext.putInt(delegate.getExecutionContextKey("read.count"), consumed);
        }
    }

    @Override
    public void close() {
        if (worker != null) {
            stopping = true;
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("interrupted while stopping the read-ahead of " + delegate.getName(), e);
            }
            worker = null;
        }
        delegate.close();
    }
}
