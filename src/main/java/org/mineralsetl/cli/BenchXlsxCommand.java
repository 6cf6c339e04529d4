package org.mineralsetl.cli;

import org.mineralsetl.spreadsheet.SpreadsheetBench;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl bench xlsx [ROWS]}: a generated workbook (default 1,000,000 rows x 8 columns, SXSSF,
 * shared strings), timed through (a) POI's SAX parser alone and (b) the spreadsheet import end to end, in
 * this JVM (jobs/etl runs bench at -Xmx256m unless ETL_JAVA_OPTS says otherwise).
 */
@Command(name = "xlsx", mixinStandardHelpOptions = true,
        description = "Times POI's SAX parse alone and the mapping import end to end over a generated workbook.")
class BenchXlsxCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ROWS", defaultValue = "1000000",
            description = "data rows to generate (default ${DEFAULT-VALUE})")
    long rows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final SpreadsheetBench bench;
    private final Path home;

    BenchXlsxCommand(SpreadsheetBench bench, @Value("${etl.home:.}") String home) {
        this.bench = bench;
        this.home = Path.of(home);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long maxHeap = Runtime.getRuntime().maxMemory();
        out.printf(Locale.ROOT, "bench xlsx: %,d rows x 8 columns, max heap %d MB, %d cpus%n", rows, maxHeap >> 20,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        SpreadsheetBench.Result r = bench.run(rows, home.resolve("var").resolve("bench"));
        out.printf(Locale.ROOT, "generated  %s: %,d bytes in %s%n", r.file().getFileName(), r.fileBytes(), secs(r.generate()));
        out.printf(Locale.ROOT, "(a) SAX    %,d rows in %s = %,.0f rows/s, peak heap %d MB%n", r.parsedRows(),
                secs(r.parse()), r.parseRowsPerSecond(), r.parsePeakHeap() >> 20);
        if (r.failure() != null) {
            out.printf("(b) import FAILED: %s%n", r.failure());
            out.flush();
            return EtlCommand.FAILED;
        }
        out.printf(Locale.ROOT, "(b) import %,d rows (%,d facts) in %s = %,.0f rows/s, peak heap %d MB%n", r.importedRows(),
                r.facts(), secs(r.importTime()), r.importRowsPerSecond(), r.importPeakHeap() >> 20);
        for (Map.Entry<String, Duration> s : r.steps().entrySet()) {
            out.printf(Locale.ROOT, "           %-24s %s%n", s.getKey(), secs(s.getValue()));
        }
        // CPU time per row, by whom (independent of what else the machine runs)
        double perRow = 1e6 / Math.max(1, r.importedRows());
        StringBuilder cpu = new StringBuilder();
        r.threadCpuSeconds().entrySet().stream().limit(6).forEach(e -> cpu.append(String.format(Locale.ROOT,
                "%s %.1f, ", e.getKey(), e.getValue() * perRow)));
        if (!r.serverCpuSeconds().isEmpty()) {
            cpu.append(String.format(Locale.ROOT, "server %.1f (", r.serverCpuSeconds().values().stream()
                    .mapToDouble(Double::doubleValue).sum() * perRow));
            r.serverCpuSeconds().entrySet().stream().limit(3).forEach(e -> cpu.append(String.format(Locale.ROOT,
                    "%s %.1f, ", e.getKey(), e.getValue() * perRow)));
            cpu.setLength(cpu.length() - 2);
            cpu.append("), ");
        }
        out.printf(Locale.ROOT, "cpu us/row %sGC pauses %.1f s%n", cpu, r.gcPauseSeconds());
        out.printf(Locale.ROOT, "ratio b/a  %.2f (target >= 0.80)%n", r.importRowsPerSecond() / r.parseRowsPerSecond());
        out.flush();
        return EtlCommand.OK;
    }

    private static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
