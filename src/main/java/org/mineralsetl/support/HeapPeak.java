package org.mineralsetl.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use (live objects and garbage not yet collected) while it runs, sampled every 20 ms on a
 * daemon thread: what a benchmark reports as its peak heap. (The memory pools' own peaks cannot be added up:
 * eden, survivor and old generation peak at different times.)
 */
public final class HeapPeak implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    private HeapPeak() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public static HeapPeak start() {
        return new HeapPeak();
    }

    /** Bytes: the largest sample so far. */
    public long bytes() {
        return peak.get();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
