package org.mineralsetl.bench;

import org.mineralsetl.baci.BaciSampleFile;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench trade [ROWS]}: writes a BACI-shaped file of ROWS rows, then times (a) a raw COPY of it into a bare
 * table with the same columns and (b) {@code import baci} end to end (scan, prepare, load, merge), and prints rows/s
 * of both, the ratio b/a, the peak heap and the JVM's CPU during (b). The load's table is dropped afterwards.
 */
@Command(name = "trade", mixinStandardHelpOptions = true,
        description = "Raw COPY vs import baci on a generated BACI-shaped file: rows/s, ratio, peak heap.")
class TradeBench implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ROWS", defaultValue = "10000000",
            description = "rows in the generated file (default ${DEFAULT-VALUE})")
    long rows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final List<ImportKind> kinds;
    private final ImportLauncher launcher;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Path home;

    TradeBench(List<ImportKind> kinds, ImportLauncher launcher, DataSource dataSource, JdbcTemplate jdbc,
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
        out.printf(Locale.ROOT, "generated %s: %,d rows, %,d bytes in %.1f s; max heap %d MB, %d cpus%n", file, written,
                Files.size(file), (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        out.flush();

        jdbc.execute("drop table if exists public.bench_trade_raw");
        jdbc.execute("create table public.bench_trade_raw (t integer, i integer, j integer, k text, v numeric, q numeric)");
        long copied;
        Measure raw = new Measure();
        try (raw; Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy public.bench_trade_raw from stdin with (format csv, header true)", in);
        }
        jdbc.execute("drop table public.bench_trade_raw");
        out.printf(Locale.ROOT, "(a) raw COPY into a bare table: %,d rows in %.2f s = %,.0f rows/s%n", copied,
                raw.seconds(), copied / raw.seconds());
        out.flush();

        ImportKind baci = kinds.stream().filter(k -> k.name().equals("baci")).findFirst().orElseThrow();
        ImportLauncher.Outcome o;
        Measure load = new Measure();
        try (load) {
            o = launcher.importFile(baci, file, 10, Map.of());
        }
        if (o.status() != ImportLauncher.Status.LOADED) {
            spec.commandLine().getErr().printf("error: import baci failed: %s%n", o.message());
            return 1;
        }
        long loadId = o.load().orElseThrow().loadId();
        out.printf(Locale.ROOT, "(b) import baci end to end:    %,d rows in %.2f s = %,.0f rows/s (load %d, %,d facts)%n",
                written, load.seconds(), written / load.seconds(), loadId, o.load().get().factsMerged());
        out.printf(Locale.ROOT, "ratio b/a = %.2f   peak heap during (b) = %,d MB   JVM CPU during (b) = %.1f s%n",
                raw.seconds() / load.seconds(), load.peakHeapMb(), load.cpuSeconds());
        out.flush();
        jdbc.execute("drop table warehouse.trade_flow_" + loadId);
        jdbc.update("delete from warehouse.trade_slice where load_id = ?", loadId);
        Files.deleteIfExists(file);
        return 0;
    }
}
