package org.mineralsetl.support;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the records of a delegate reader in blocks of up to {@code size}, one block per item, so that the
 * per-item work of a chunk-oriented step (scoped proxies, listeners, bookkeeping) is paid once per block
 * rather than once per line of a file of millions of lines.
 * <p>
 * With {@code prefetch > 0} a background thread reads up to that many blocks ahead, so that the file is read
 * while the step writes the previous chunk to the database (the two then run on two cores instead of taking
 * turns). Restart state stays exact: the delegate's saved count ({@code <name>.read.count}) is the number of
 * records handed to the step, never the number read ahead, and a chunk holds whole blocks, so a restart
 * resumes right after the last committed record. A read error is raised where the step reaches it.
 */
public class BlockItemReader<T> implements ItemStreamReader<List<T>> {

    private record Block<T>(List<T> items, int countAfter, Exception error, boolean last) {
    }

    private final AbstractItemCountingItemStreamItemReader<T> delegate;
    private final int size;
    private final int prefetch;
    private BlockingQueue<Block<T>> queue;
    private Thread worker;
    private volatile boolean stopping;
    private int consumed;
    private boolean exhausted;

    public BlockItemReader(AbstractItemCountingItemStreamItemReader<T> delegate, int size, int prefetch) {
        if (size < 1 || prefetch < 0) {
            throw new IllegalArgumentException("block size " + size + " / prefetch " + prefetch + " out of range");
        }
        this.delegate = delegate;
        this.size = size;
        this.prefetch = prefetch;
    }

    @Override
    public List<T> read() throws Exception {
        if (exhausted) {
            return null;
        }
        Block<T> block = prefetch == 0 ? readBlock() : queue.take();
        if (block.error() != null) {
            exhausted = true;
            throw block.error();
        }
        consumed = block.countAfter();
        // the delegate is not asked again after its end: its count includes exactly one end-of-file read
        exhausted = block.last();
        return block.items().isEmpty() ? null : block.items();
    }

    private Block<T> readBlock() throws Exception {
        List<T> items = new ArrayList<>(size);
        while (items.size() < size) {
            T item = delegate.read();
            if (item == null) {
                return new Block<>(items, delegate.getCurrentItemCount(), null, true);
            }
            items.add(item);
        }
        return new Block<>(items, delegate.getCurrentItemCount(), null, false);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        exhausted = false;
        delegate.open(executionContext);
        consumed = delegate.getCurrentItemCount();
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
                Block<T> block;
                try {
                    block = readBlock();
                } catch (Exception e) {
                    block = new Block<>(List.of(), consumed, e, true);
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
