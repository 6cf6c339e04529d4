package org.mineralsetl.support;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM, for the benchmarks. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /**
     * CPU nanoseconds of the whole JVM so far (every thread: also the garbage collector's and the JIT compiler's,
     * which have no Java thread), or -1 where the JVM does not tell.
     */
    public static long nanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
