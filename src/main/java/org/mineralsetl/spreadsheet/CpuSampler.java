package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.ProcessCpu;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent while the benchmark's import runs, by whom: this JVM's threads (by name: main, the workbook
 * parser, the mapping read-ahead), its garbage collector's pauses, and the database server's processes when the
 * server runs on this machine (read from /proc). CPU seconds, unlike wall time, do not depend on what else the
 * machine is doing, so they show where the time of a row goes.
 */
final class CpuSampler implements AutoCloseable {

    private static final long TICKS_PER_SECOND = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> threadStart = new HashMap<>();
    private final Map<Long, Long> threadLast = new HashMap<>();
    private final Map<Long, String> threadNames = new HashMap<>();
    private final Map<Long, Long> serverStart = new HashMap<>();
    private final Map<Long, Long> serverLast = new HashMap<>();
    private final Map<Long, String> serverNames = new HashMap<>();
    private final long gcStart;
    /** The whole JVM's CPU (every thread: also the collector's and the JIT compiler's, which have no Java thread). */
    private final long processStart = ProcessCpu.nanos();
    private long processEnd;
    private final long postmaster;
    private final Thread sampler;
    private volatile boolean stopped;

    CpuSampler(JdbcTemplate jdbc) {
        postmaster = postmaster(jdbc);
        for (long id : threads.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        serverProcesses().forEach(serverStart::put);
        gcStart = gcMillis();
        sampler = new Thread(() -> {
            while (!stopped) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    threadLast.put(info.getThreadId(), cpu);
                    threadNames.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        serverProcesses().forEach(serverLast::put);
    }

    @Override
    public void close() {
        stopped = true;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        processEnd = ProcessCpu.nanos();
    }

    /** CPU seconds by thread name (threads of one name summed; the sampler itself left out), busiest first. */
    Map<String, Double> jvmSeconds() {
        Map<String, Double> byName = new TreeMap<>();
        threadLast.forEach((id, cpu) -> {
            String name = threadNames.get(id);
            if (!name.equals("bench-cpu-sampler")) {
                byName.merge(name, (cpu - threadStart.getOrDefault(id, 0L)) / 1e9, Double::sum);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        if (processStart >= 0 && processEnd > 0) {
            sorted.put("jvm process", (processEnd - processStart) / 1e9);
        }
        byName.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    double gcPauseSeconds() {
        return (gcMillis() - gcStart) / 1000.0;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** The postmaster: the parent of the server's checkpointer, when /proc shows it. */
    private static long postmaster(JdbcTemplate jdbc) {
        try {
            List<Long> pids = jdbc.queryForList(
                    "select pid::bigint from pg_stat_activity where backend_type = 'checkpointer'", Long.class);
            if (pids.isEmpty()) {
                return -1;
            }
            String[] stat = stat(pids.get(0));
            return stat == null ? -1 : Long.parseLong(stat[1]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** pid to utime + stime (clock ticks) of the postmaster's children. */
    private Map<Long, Long> serverProcesses() {
        Map<Long, Long> cpu = new HashMap<>();
        if (postmaster <= 0) {
            return cpu;
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .forEach(n -> {
                        long pid = Long.parseLong(n);
                        String[] stat = stat(pid);
                        if (stat != null && (pid == postmaster || Long.parseLong(stat[1]) == postmaster)) {
                            cpu.put(pid, Long.parseLong(stat[11]) + Long.parseLong(stat[12]));
                            serverNames.computeIfAbsent(pid, CpuSampler::processKind);
                        }
                    });
        } catch (IOException e) {
            // no /proc: no server figure
        }
        return cpu;
    }

    /** What a server process is ("autovacuum worker", "walwriter", a client backend), from its title. */
    private static String processKind(long pid) {
        try {
            String title = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').strip();
            if (!title.startsWith("postgres: ")) {
                return "postmaster";
            }
            String[] words = title.substring("postgres: ".length()).split(" ");
            return words.length > 2 && words[2].contains("(") ? "backend" : String.join(" ", List.of(words).subList(0, Math.min(2, words.length)));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The server's CPU seconds by kind of process, busiest first; empty when it does not run on this machine. */
    Map<String, Double> serverSecondsByKind() {
        Map<String, Double> byKind = new TreeMap<>();
        serverLast.forEach((pid, ticks) -> byKind.merge(serverNames.getOrDefault(pid, "?"),
                (ticks - serverStart.getOrDefault(pid, 0L)) / (double) TICKS_PER_SECOND, Double::sum));
        Map<String, Double> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
