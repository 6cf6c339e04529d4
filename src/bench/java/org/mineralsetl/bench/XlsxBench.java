package org.mineralsetl.bench;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.mineralsetl.spreadsheet.SpreadsheetImports;
import org.mineralsetl.support.RawValueFormatter;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench xlsx [ROWS]}: generates a workbook of ROWS rows x 8 columns with SXSSF (shared strings), then times
 * (a) a parse-only pass of POI's SAX reader over it, cells formatted as the import formats them, and (b) the import
 * end to end through a layout mapping (prepare, read + map + COPY into staging, merge), in this JVM. The facts
 * (source {@code bench}) are deleted afterwards; the load stays in etl.load as a record of the run.
 */
@Command(name = "xlsx", mixinStandardHelpOptions = true,
        description = "Times POI's SAX parse alone and the mapping import end to end over a generated workbook.")
class XlsxBench implements Callable<Integer> {

    private static final int YEARS = 5;
    private static final int MAX_SHEET_ROWS = 1_000_000;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ROWS", defaultValue = "1000000",
            description = "data rows to generate (default ${DEFAULT-VALUE})")
    long rows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final SpreadsheetImports imports;
    private final ImportLauncher launcher;
    private final JdbcTemplate jdbc;
    private final Path home;

    XlsxBench(SpreadsheetImports imports, ImportLauncher launcher, JdbcTemplate jdbc, @Value("${etl.home:.}") String home) {
        this.imports = imports;
        this.launcher = launcher;
        this.jdbc = jdbc;
        this.home = Path.of(home);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createDirectories(home.resolve("var/bench"));
        Path file = dir.resolve("bench-" + rows + ".xlsx");
        long t0 = System.nanoTime();
        generate(file, rows);
        out.printf(Locale.ROOT, "generated %s: %,d rows x 8 columns, %,d bytes in %.1f s; max heap %d MB%n", file, rows,
                Files.size(file), (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        Path mapping = dir.resolve("bench.yml");
        StringBuilder sheets = new StringBuilder();
        for (int i = 1; i <= Math.max(1, (rows + MAX_SHEET_ROWS - 1) / MAX_SHEET_ROWS); i++) {
            sheets.append(i > 1 ? ", " : "").append("Bench ").append(i).append(": lithium");
        }
        Files.writeString(mapping, MAPPING.formatted(sheets));

        long parsed;
        Measure sax = new Measure();
        try (sax) {
            parsed = parseOnly(file);
        }
        out.printf(Locale.ROOT, "(a) SAX parse:  %,d rows in %.1f s = %,.0f rows/s, peak heap %d MB%n", parsed,
                sax.seconds(), parsed / sax.seconds(), sax.peakHeapMb());
        out.flush();

        ImportKind kind = imports.kindFor(mapping);
        ImportLauncher.Outcome o;
        Measure load = new Measure();
        try (load) {
            o = launcher.importFile(kind, file, 10.0);
        }
        jdbc.update("delete from warehouse.production_fact where source = 'bench'");
        jdbc.update("delete from staging.production_row where source = 'bench'");
        Files.deleteIfExists(file);
        if (o.status() != ImportLauncher.Status.LOADED) {
            spec.commandLine().getErr().printf("error: import failed: %s%n", o.message());
            return 1;
        }
        long read = o.load().orElseThrow().rowsRead();
        out.printf(Locale.ROOT, "(b) import:     %,d rows (%,d facts) in %.1f s = %,.0f rows/s, peak heap %d MB, JVM CPU %.1f s%n",
                read, o.load().get().factsMerged(), load.seconds(), read / load.seconds(), load.peakHeapMb(),
                load.cpuSeconds());
        out.printf(Locale.ROOT, "ratio b/a = %.2f%n", (read / load.seconds()) / (parsed / sax.seconds()));
        out.flush();
        return 0;
    }

    /**
     * Title row, header row, then ROWS rows: a unique area number, unit, five years, a note. Unit and note are shared
     * strings; the area is a number because SXSSF keeps its shared-strings table in memory, and a million distinct
     * labels do not fit the 256 MB the bench runs in.
     */
    static void generate(Path file, long rows) throws Exception {
        SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true);
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = 0;
            int sheetNo = 0;
            while (written < rows || sheetNo == 0) {
                Sheet sheet = wb.createSheet("Bench " + (++sheetNo));
                sheet.createRow(0).createCell(0).setCellValue("Generated benchmark workbook: area, unit, 5 years, note");
                Row header = sheet.createRow(1);
                String[] names = {"Area", "unit", "2011", "2012", "2013", "2014", "2015", "Sources of data"};
                for (int c = 0; c < names.length; c++) {
                    header.createCell(c).setCellValue(names[c]);
                }
                long n = Math.min(MAX_SHEET_ROWS, rows - written);
                for (int i = 0; i < n; i++) {
                    long id = written + i + 1;
                    Row r = sheet.createRow(i + 2);
                    r.createCell(0).setCellValue((double) id);
                    r.createCell(1).setCellValue(id % 10 == 0 ? "kg" : "metr. t");
                    for (int y = 0; y < YEARS; y++) {
                        r.createCell(2 + y).setCellValue((double) ((id * 7919 + y * 104729) % 1_000_000));
                    }
                    r.createCell(7).setCellValue(id % 3 == 0 ? "estimate" : "reported");
                }
                written += n;
            }
            wb.write(out);
        } finally {
            wb.close();
        }
    }

    /** POI's SAX pass alone: every sheet through XSSFSheetXMLHandler, cells formatted as the import's reader does. */
    static long parseOnly(Path file) throws Exception {
        long[] rows = {0};
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                @Override
                                public void startRow(int rowNum) {
                                }

                                @Override
                                public void endRow(int rowNum) {
                                    rows[0]++;
                                }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                }
                            }, new RawValueFormatter(), false));
                    xml.parse(new InputSource(in));
                }
            }
        }
        return rows[0];
    }

    private static final String MAPPING = """
            # the benchmark's layout (written by bench xlsx): every area is its own residual unit,
            # so each of the generated rows becomes facts of its own
            name: bench
            description: generated benchmark workbook
            files: '^bench-\\d+\\.xlsx$'
            target: {facts: production, source: bench, edition: BENCH, measure: production, stage: mine}
            sheets:
              include: '^Bench \\d+$'
              commodities: {%s}
            header: {tokens: [Area, unit], search-rows: 5}
            columns: {entity: Area, unit: unit, note: Sources of data, years: '^(19|20)\\d{2}$'}
            units: {metr. t: 1, kg: 0.001}
            notes: {estimate: '^estimate$', qualifiers: {estimate: e}}
            entities: [{label: '^\\d+$', kind: residual}]
            """;
}
