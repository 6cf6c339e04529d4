package org.mineralsetl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a benchmark measures around a piece of work: wall time, the JVM's CPU time (every thread, also the
 * garbage collector's and the JIT compiler's) and the most heap in use, sampled every 20 ms on a daemon thread
 * (the memory pools' own peaks cannot be added up: eden, survivor and old generation peak at different times).
 */
final class Measure implements AutoCloseable {

    private final long startNanos = System.nanoTime();
    private final long startCpu = cpuNanos();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private double seconds;
    private double cpuSeconds;

    Measure() {
        System.gc();
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

    @Override
    public void close() {
        seconds = (System.nanoTime() - startNanos) / 1e9;
        cpuSeconds = (cpuNanos() - startCpu) / 1e9;
        sampler.interrupt();
    }

    double seconds() {
        return seconds;
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    long peakHeapMb() {
        return peak.get() >> 20;
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
