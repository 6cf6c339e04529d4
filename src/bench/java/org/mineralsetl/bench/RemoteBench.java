package org.mineralsetl.bench;

import org.mineralsetl.baci.BaciSampleFile;
import org.mineralsetl.remote.RemoteImports;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench remote [YEARS] [ROWS]}: YEARS generated BACI-shaped year files of ROWS rows each (the shape of the
 * BACI history, scaled down), loaded three ways: by this process alone (import baci, local partitions), and with
 * {@code import baci --remote} on 1 and on 2 local worker processes (started before the clock starts). Prints rows/s
 * of each. Needs WAREHOUSE_URL (workers cannot reach the embedded warehouse) and the RabbitMQ of RABBITMQ_URL. The
 * loads are removed afterwards.
 */
@Command(name = "remote", mixinStandardHelpOptions = true,
        description = "BACI years loaded by one process vs by 1 and 2 local workers (remote partitioning): rows/s.")
class RemoteBench implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "YEARS", defaultValue = "4",
            description = "year files (default ${DEFAULT-VALUE})")
    int years;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ROWS", defaultValue = "1000000",
            description = "rows per year file (default ${DEFAULT-VALUE}; a real BACI HS92 year has 5-11M)")
    long rows;

    @Option(names = "--worker-heap", defaultValue = "384m", description = "-Xmx of each worker (default ${DEFAULT-VALUE})")
    String workerHeap;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final List<ImportKind> kinds;
    private final ImportLauncher launcher;
    private final RemoteImports remote;
    private final JdbcTemplate jdbc;
    private final Environment env;

    RemoteBench(List<ImportKind> kinds, ImportLauncher launcher, RemoteImports remote, JdbcTemplate jdbc,
                Environment env) {
        this.kinds = kinds;
        this.launcher = launcher;
        this.remote = remote;
        this.jdbc = jdbc;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createDirectories(Path.of(env.getProperty("etl.home", ".")).resolve("var/bench/remote"));
        ImportKind local = kinds.stream().filter(k -> k.name().equals("baci")).findFirst().orElseThrow();
        ImportKind onWorkers = remote.manager(local);
        out.printf(Locale.ROOT, "%d BACI-shaped years x %,d rows; %d cpus; partitions per file: local %s, remote %s%n",
                years, rows, Runtime.getRuntime().availableProcessors(), env.getProperty("etl.baci.partitions", "0 (per core, max 4)"),
                env.getProperty("etl.remote.baci-partitions", "8"));
        out.flush();
        int seed = 0;
        for (int workers : new int[]{0, 1, 2}) {
            List<Path> files = generate(dir, seed++);
            List<Process> procs = new ArrayList<>();
            try {
                for (int w = 0; w < workers; w++) {
                    procs.add(startWorker(dir.resolve("worker-" + workers + "-" + w + ".log")));
                }
                long t0 = System.nanoTime();
                long facts = 0;
                List<Long> loadIds = new ArrayList<>();
                for (Path f : files) {
                    ImportLauncher.Outcome o = launcher.importFile(workers == 0 ? local : onWorkers, f, 10, Map.of());
                    if (o.status() != ImportLauncher.Status.LOADED) {
                        spec.commandLine().getErr().printf("error: %s%n", o.message());
                        return 1;
                    }
                    facts += o.load().orElseThrow().factsMerged();
                    loadIds.add(o.load().get().loadId());
                }
                double s = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "%-28s %,d rows in %6.1f s = %,9.0f rows/s (%,d facts)%n",
                        workers == 0 ? "single process (import baci)" : workers + " worker(s) (--remote)",
                        rows * years, s, rows * years / s, facts);
                out.flush();
                for (long id : loadIds) {
                    jdbc.execute("drop table warehouse.trade_flow_" + id);
                    jdbc.update("delete from warehouse.trade_slice where load_id = ?", id);
                }
            } finally {
                for (Process p : procs) {
                    p.destroy();
                    p.waitFor();
                }
                for (Path f : files) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return 0;
    }

    private List<Path> generate(Path dir, int seed) {
        List<Path> files = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            // new bytes every time (the same bytes would be a no-op), one edition per mode
            Path f = dir.resolve("BACI_HS17_Y" + (2000 + y) + "_V2099" + String.format("%02d", seed + 1) + ".csv");
            BaciSampleFile.write(f, rows, 2000 + y, System.nanoTime() + 1000L * seed + y);
            files.add(f);
        }
        return files;
    }

    private Process startWorker(Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + workerHeap, "-XX:+UseParallelGC"));
        for (String p : List.of("warehouse.url", "warehouse.user", "warehouse.password", "etl.remote.queue",
                "etl.baci.chunk-size", "etl.baci.block-size", "spring.rabbitmq.addresses")) {
            String v = env.getProperty(p);
            if (v != null && !v.isEmpty()) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mineralsetl.EtlApplication", "worker"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + 180_000_000_000L;
        while (!Files.readString(log).contains("worker: taking partitions")) {
            if (!p.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("worker did not start: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return p;
    }
}
