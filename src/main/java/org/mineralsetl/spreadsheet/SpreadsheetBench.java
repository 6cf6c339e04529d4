package org.mineralsetl.spreadsheet;

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
import org.mineralsetl.support.RawValueFormatter;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.support.HeapPeak;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jobs/etl bench xlsx [ROWS]}: generates a workbook of ROWS rows x 8 columns with SXSSF (shared
 * strings), then times (a) a parse-only pass of POI's SAX reader over it and (b) the import end to end
 * (prepare, read + map + COPY, merge) through a layout mapping, in this JVM. The benchmark's facts (source
 * {@code bench}) are deleted afterwards; its load stays in etl.load as a record of the run.
 */
@Component
public class SpreadsheetBench {

    /** The figures of one run. */
    public record Result(long rows, Path file, long fileBytes, Duration generate, Duration parse, long parsedRows,
                         long parsePeakHeap, Duration importTime, long importedRows, long facts, long importPeakHeap,
                         Map<String, Duration> steps, Map<String, Double> threadCpuSeconds, double gcPauseSeconds,
                         Map<String, Double> serverCpuSeconds, String failure) {

        public double parseRowsPerSecond() {
            return parsedRows / seconds(parse);
        }

        public double importRowsPerSecond() {
            return importedRows / seconds(importTime);
        }

        private static double seconds(Duration d) {
            return Math.max(d.toNanos(), 1) / 1e9;
        }
    }

    static final int YEARS = 5;
    private static final int MAX_SHEET_ROWS = 1_000_000;

    private final SpreadsheetImports imports;
    private final ImportLauncher launcher;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;

    SpreadsheetBench(SpreadsheetImports imports, ImportLauncher launcher, JobRepository jobRepository, JdbcTemplate jdbc) {
        this.imports = imports;
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
    }

    public Result run(long rows, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path file = workDir.resolve("bench-" + rows + ".xlsx");
        long t0 = System.nanoTime();
        generate(file, rows);
        Duration generate = Duration.ofNanos(System.nanoTime() - t0);
        Path mapping = workDir.resolve("bench.yml");
        StringBuilder sheets = new StringBuilder();
        for (int i = 1; i <= Math.max(1, (rows + MAX_SHEET_ROWS - 1) / MAX_SHEET_ROWS); i++) {
            sheets.append(i > 1 ? ", " : "").append("Bench ").append(i).append(": lithium");
        }
        Files.writeString(mapping, MAPPING.formatted(sheets));

        System.gc();
        long parsed;
        long parsePeak;
        t0 = System.nanoTime();
        try (HeapPeak heap = HeapPeak.start()) {
            parsed = parseOnly(file);
            parsePeak = heap.bytes();
        }
        Duration parse = Duration.ofNanos(System.nanoTime() - t0);

        ImportKind kind = imports.kindFor(mapping);
        System.gc();
        CpuSampler cpu = new CpuSampler(jdbc);
        t0 = System.nanoTime();
        ImportLauncher.Outcome o;
        long importPeak;
        try (cpu; HeapPeak heap = HeapPeak.start()) {
            o = launcher.importFile(kind, file, 10.0);
            importPeak = heap.bytes();
        }
        Duration importTime = Duration.ofNanos(System.nanoTime() - t0);
        Map<String, Duration> steps = new LinkedHashMap<>();
        if (o.jobExecutionId() != null) {
            JobExecution execution = jobRepository.getJobExecution(o.jobExecutionId());
            for (StepExecution s : execution.getStepExecutions()) {
                if (s.getStartTime() != null && s.getEndTime() != null) {
                    steps.put(s.getStepName(), Duration.between(s.getStartTime(), s.getEndTime()));
                }
            }
        }
        long read = o.load().map(l -> l.rowsRead()).orElse(0L);
        long facts = o.load().map(l -> l.factsMerged()).orElse(0L);
        // the benchmark's facts go with their load's table (a drop, not a delete of millions of rows)
        for (Long loadId : jdbc.queryForList("select distinct load_id from warehouse.production_load_slice where source = 'bench'",
                Long.class)) {
            jdbc.execute("drop table if exists warehouse.production_fact_" + loadId);
            jdbc.execute("drop table if exists warehouse.production_sheet_row_" + loadId);
            jdbc.update("delete from warehouse.production_load_slice where load_id = ?", loadId);
            jdbc.update("delete from warehouse.production_load where load_id = ?", loadId);
        }
        jdbc.update("delete from warehouse.production_fact_base where source = 'bench'");
        jdbc.update("delete from staging.production_row where source = 'bench'");
        return new Result(rows, file, Files.size(file), generate, parse, parsed, parsePeak, importTime, read, facts,
                importPeak, steps, cpu.jvmSeconds(), cpu.gcPauseSeconds(), cpu.serverSecondsByKind(),
                o.status() == ImportLauncher.Status.LOADED ? null : o.message());
    }

    /**
     * Title row, header row, then ROWS rows: a unique area number, unit, five years, a note. Unit and note are
     * shared strings; the area is a number because SXSSF keeps its shared-strings table in memory, and a
     * million distinct labels do not fit the 256 MB the bench runs in.
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

    /**
     * POI's SAX pass alone: every sheet through XSSFSheetXMLHandler, cells formatted as the import's reader
     * formats them ({@link RawValueFormatter}), nothing kept.
     */
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
            # the benchmark's layout (written by jobs/etl bench xlsx): every area is its own residual unit,
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
