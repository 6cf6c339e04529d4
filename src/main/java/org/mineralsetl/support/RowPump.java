package org.mineralsetl.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns a push parser (POI's SAX and HSSF event readers call us back) into a pull source for a Spring
 * Batch reader: the parser runs on its own thread and hands rows over in batches through a small bounded
 * queue, so memory stays flat whatever the file size. Closing stops the parser at its next row.
 */
final class RowPump<R> implements AutoCloseable {

    /** The parser: pushes rows with {@code sink.push(row)} until the file ends. */
    @FunctionalInterface
    interface Producer<R> {
        void run(RowPump<R> sink) throws Exception;
    }

    /** Thrown into the parser when the reader was closed: it unwinds the parse, nothing is reported. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private static final int BATCH = 512;
    private static final Object END = new Object();

    private record Failure(Throwable cause) {
    }

    /**
     * Batches the parser may run ahead (8 x 512 rows, some 2 MB of cells). A consumer that writes whole chunks
     * between reads keeps its own read-ahead (the workbook import maps blocks ahead, see BlockItemReader); rows
     * buffered twice only stay alive longer, and every young collection copies them again (64 batches here cost
     * a million-row import seconds of GC pauses).
     */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private List<R> batch = new ArrayList<>(BATCH);
    private Iterator<R> current = Collections.emptyIterator();
    private volatile boolean closed;
    private boolean ended;

    RowPump(String threadName, Producer<R> producer) {
        thread = new Thread(() -> {
            try {
                producer.run(this);
                flush();
                put(END);
            } catch (Stopped stopped) {
                // closed by the reader
            } catch (Throwable t) {
                if (!closed) {
                    try {
                        put(new Failure(t));
                    } catch (Stopped ignored) {
                        // closed meanwhile
                    }
                }
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the parser thread for each row. */
    void push(R row) {
        if (closed) {
            throw new Stopped();
        }
        batch.add(row);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** The next row, or null at the end of the file; rethrows the parser's failure. */
    @SuppressWarnings("unchecked")
    R next() throws Exception {
        while (!current.hasNext()) {
            if (ended) {
                return null;
            }
            Object item = queue.take();
            if (item == END) {
                ended = true;
                return null;
            }
            if (item instanceof Failure f) {
                ended = true;
                if (f.cause() instanceof Exception e) {
                    throw e;
                }
                throw (Error) f.cause();
            }
            current = ((List<R>) item).iterator();
        }
        return current.next();
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
