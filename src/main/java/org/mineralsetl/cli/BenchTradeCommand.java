package org.mineralsetl.cli;

import org.mineralsetl.baci.BaciSampleFile;
import org.mineralsetl.support.HeapPeak;
import org.mineralsetl.support.ProcessCpu;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl bench trade [ROWS]}: writes a BACI-shaped file of ROWS rows, then times (a) a raw COPY of
 * it into a bare table with the same columns and (b) {@code import baci} end to end, and prints rows/s for
 * both, the ratio b/a and the peak heap of (b). The bench's facts (its load's partition) are dropped afterwards (its load record stays).
 */
@Command(name = "trade", mixinStandardHelpOptions = true,
        description = "Raw COPY vs import baci on a generated BACI-shaped file: rows/s, ratio, peak heap.")
class BenchTradeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ROWS", defaultValue = "5000000",
            description = "rows in the generated file (default ${DEFAULT-VALUE})")
    long rows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ImportKinds kinds;
    private final ImportLauncher launcher;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Path home;

    BenchTradeCommand(ImportKinds kinds, ImportLauncher launcher, DataSource dataSource, JdbcTemplate jdbc,
                      @Value("${etl.home:.}") String home) {
        this.kinds = kinds;
        this.launcher = launcher;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.home = Path.of(home);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createDirectories(home.resolve("var/bench"));
        Path file = dir.resolve("BACI_HS17_Y2022_V209901.csv");
        long t0 = System.nanoTime();
        long written = BaciSampleFile.write(file, rows, 2022, System.nanoTime());
        out.printf("generated %s: %,d rows, %,d bytes in %.1f s%n", file, written, Files.size(file), secs(t0));
        out.flush();

        jdbc.execute("drop table if exists public.bench_trade_raw");
        jdbc.execute("create table public.bench_trade_raw (t integer, i integer, j integer, k text, v numeric, q numeric)");
        long ta = System.nanoTime();
        long copied;
        try (Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy public.bench_trade_raw from stdin with (format csv, header true)", in);
        }
        double a = secs(ta);
        jdbc.execute("drop table public.bench_trade_raw");
        out.printf("(a) raw COPY into a bare table: %,d rows in %.2f s = %,.0f rows/s%n", copied, a, copied / a);
        out.flush();

        ImportKind baci = kinds.byName("baci").orElseThrow();
        System.gc();
        long tb = System.nanoTime();
        long cpu0 = ProcessCpu.nanos();
        ImportLauncher.Outcome o;
        long peak;
        try (HeapPeak heap = HeapPeak.start()) {
            o = launcher.importFile(baci, file, 10, Map.of());
            peak = heap.bytes();
        }
        double b = secs(tb);
        long cpu1 = ProcessCpu.nanos();
        double cpu = cpu0 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9;
        if (o.status() != ImportLauncher.Status.LOADED) {
            spec.commandLine().getErr().printf("error: import baci failed: %s%n", o.message());
            return EtlCommand.FAILED;
        }
        long loaded = o.load().orElseThrow().factsMerged();
        out.printf("(b) import baci end to end:    %,d rows in %.2f s = %,.0f rows/s (load %d, %,d facts)%n",
                written, b, written / b, o.load().get().loadId(), loaded);
        out.printf("ratio b/a = %.2f   peak heap during (b) = %,d MB (max heap %,d MB)   JVM CPU during (b) = %.1f s%n",
                (written / b) / (copied / a), peak >> 20, Runtime.getRuntime().maxMemory() >> 20, cpu);
        out.flush();
        long benchLoad = o.load().get().loadId();
        jdbc.execute("drop table warehouse.trade_flow_" + benchLoad);
        jdbc.update("delete from warehouse.trade_slice where load_id = ?", benchLoad);
        Files.deleteIfExists(file);
        return EtlCommand.OK;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
