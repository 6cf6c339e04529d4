package org.mineralsetl.fault;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.warehouse.ImportLauncher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mineralsetl.support.TestWorkbooks.wmdSheet;

/**
 * A corpus of malformed inputs of every kind the project reads, each with the outcome it must have: the file refused
 * with a sentence a person can act on (FAILED), or loaded with the bad rows as rejects naming the reason, or loaded
 * whole. Nothing is lost silently: the loaded rows plus rejects plus ignored rows are the rows read. The table of
 * cases and outcomes is printed (docs/reliability.md keeps a copy).
 */
@Tag("fault")
class MalformedInputCorpusIntegrationTests extends WarehouseIntegrationTest {

    @FunctionalInterface
    interface Content {
        void write(Path file) throws Exception;
    }

    /** One malformed input: kind, file name, content, and the outcome expected (status, facts, a text it says). */
    record Case(String id, String kind, String fileName, Content content, ImportLauncher.Status status, long facts,
                String says) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static final List<String> TABLE = new ArrayList<>();

    @TempDir
    Path dir;

    private static Content text(String s) {
        return f -> Files.writeString(f, s, StandardCharsets.UTF_8);
    }

    private static Content bytes(byte[] b) {
        return f -> Files.write(f, b);
    }

    private static final String BACI = "BACI_HS17_Y2022_V202301.csv";
    private static final String BACI_HEAD = "t,i,j,k,v,q\n";
    private static final String WORLD = "mcs2024-raree_world.csv";
    private static final String WORLD_HEAD = "Source,Country,Type,Prod_t_2022,Prod_t_2023\n";
    private static final String SALIENT = "mcs2024-niobi_salient.csv";
    private static final String COMTRADE = "cobalt_trade_data.csv";
    private static final String COMTRADE_HEAD = "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,"
            + "reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,"
            + "partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,"
            + "aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,"
            + "isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,"
            + "grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,"
            + "isAggregate,commodity_name,hs_code,query_year\n";

    /** A Comtrade v1 row: reporter, flow, partner, classification, value and net weight vary. */
    private static String comtrade(String reporter, String flow, String partner, String hs, String value, String kg) {
        return "C,A,20220101,2022,52,2022," + reporter + ",,," + flow + ",," + partner + ",,,0,,," + hs
                + ",HS,True,810520,,,,C00,,0,0,,8,," + kg + ",False,8,," + kg + ",False," + kg + ",False,0.0,False,,"
                + value + "," + value + ",0,False,True,Cobalt,8105,2022\n";
    }

    private static final ImportLauncher.Status LOADED = ImportLauncher.Status.LOADED;
    private static final ImportLauncher.Status FAILED = ImportLauncher.Status.FAILED;

    static Stream<Case> corpus() {
        byte[] latin1 = (BACI_HEAD + "2022,4,8,260300,1.5,2\n2022,4,8,260400,caf\u00e9,2\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = (BACI_HEAD + "2022,4,8,260300,1.5,2\n").getBytes(StandardCharsets.UTF_16);
        byte[] binary = new byte[4096];
        new java.util.Random(16).nextBytes(binary);
        byte[] bom = ("\uFEFF" + BACI_HEAD + "2022,4,8,260300,1.5,2\n").getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                // BACI trade files
                new Case("baci-wrong-header", "baci", BACI, text("a,b,c\n1,2,3\n"), FAILED, 0, "not a BACI trade file"),
                new Case("baci-empty-file", "baci", BACI, text(""), FAILED, 0, "empty"),
                new Case("baci-header-only", "baci", BACI, text(BACI_HEAD), LOADED, 0, "0 rows"),
                new Case("baci-negative-value", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,-1.5,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "is negative"),
                new Case("baci-negative-weight", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,1.5,-2\n2022,4,8,260400,2,3\n"), LOADED, 1, "is negative"),
                new Case("baci-unicode-minus", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,\u22121.5,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "is not a number"),
                new Case("baci-value-1e300", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,1e300,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "is not a number"),
                new Case("baci-value-too-large", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,123456789012345.5,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "beyond any plausible trade value"),
                new Case("baci-text-value", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,abc,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "is not a number"),
                new Case("baci-unknown-exporter", "baci", BACI, text(BACI_HEAD + "2022,9999,8,260300,1,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "exporter code 9999 is not in the BACI country codes"),
                new Case("baci-bad-hs-code", "baci", BACI, text(BACI_HEAD + "2022,4,8,26A300,1,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "is not an HS 6-digit code"),
                new Case("baci-five-digit-hs", "baci", BACI, text(BACI_HEAD + "2022,4,8,28530,1,2\n"), LOADED, 1, ""),
                new Case("baci-year-not-the-files", "baci", BACI, text(BACI_HEAD + "2021,4,8,260300,1,2\n2022,4,8,260400,2,3\n"), LOADED, 1, "differs from the file's year 2022"),
                new Case("baci-seven-cells", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,1,2,9\n2022,4,8,260400,2,3\n"), LOADED, 1, "7 cells where BACI has 6"),
                new Case("baci-repeated-key", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,1,2\n2022,4,8,260300,5,6\n2022,4,8,260400,2,3\n"), LOADED, 2, "duplicate of row 2"),
                new Case("baci-all-repeats-over-threshold", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,1,2\n".repeat(20)), ImportLauncher.Status.REJECTS_OVER_THRESHOLD, 0, "19 of 20 rows rejected"),
                new Case("baci-latin1-bytes", "baci", BACI, bytes(latin1), FAILED, 0, "not UTF-8"),
                new Case("baci-utf16", "baci", BACI, bytes(utf16), FAILED, 0, "BACI"),
                new Case("baci-binary", "baci", BACI, bytes(binary), FAILED, 0, BACI),
                new Case("baci-crlf", "baci", BACI, text("t,i,j,k,v,q\r\n2022,4,8,260300,1,2\r\n2022,4,8,260400,2,3\r\n"), LOADED, 2, ""),
                new Case("baci-bom", "baci", BACI, bytes(bom), LOADED, 1, ""),
                new Case("baci-blank-lines", "baci", BACI, text(BACI_HEAD + "\n2022,4,8,260300,1,2\n\n\n2022,4,8,260400,2,3\n"), LOADED, 2, ""),
                new Case("baci-duplicated-header-column", "baci", BACI, text("t,i,j,k,v,v\n2022,4,8,260300,1,2\n"), FAILED, 0, "not a BACI trade file"),
                new Case("baci-unknown-hs-revision", "baci", "BACI_HS99_Y2022_V202301.csv", text(BACI_HEAD + "2022,4,8,260300,1,2\n"), FAILED, 0, "HS revision 'HS99' is not HS92"),
                new Case("baci-quote-left-open", "baci", BACI, text(BACI_HEAD + "2022,4,8,260300,\"1,2\n2022,4,8,260400,2,3\n"), FAILED, 0, "not valid CSV"),
                // UN Comtrade extracts
                new Case("comtrade-negative-value", "comtrade", COMTRADE, text(COMTRADE_HEAD + comtrade("180", "X", "156", "H4", "-5.0", "10.0") + comtrade("180", "X", "842", "H4", "5.0", "10.0")), LOADED, 1, "is negative"),
                new Case("comtrade-negative-weight", "comtrade", COMTRADE, text(COMTRADE_HEAD + comtrade("180", "X", "156", "H4", "5.0", "-10.0") + comtrade("180", "X", "842", "H4", "5.0", "10.0")), LOADED, 1, "is negative"),
                new Case("comtrade-unknown-flow", "comtrade", COMTRADE, text(COMTRADE_HEAD + comtrade("180", "Z", "156", "H4", "5.0", "10.0") + comtrade("180", "X", "842", "H4", "5.0", "10.0")), LOADED, 1, "flow code 'Z'"),
                new Case("comtrade-not-hs", "comtrade", COMTRADE, text(COMTRADE_HEAD + comtrade("180", "X", "156", "S4", "5.0", "10.0") + comtrade("180", "X", "842", "H4", "5.0", "10.0")), LOADED, 1, "is not an HS revision"),
                new Case("comtrade-world-reporter", "comtrade", COMTRADE, text(COMTRADE_HEAD + comtrade("0", "X", "156", "H4", "5.0", "10.0") + comtrade("180", "X", "842", "H4", "5.0", "10.0")), LOADED, 1, "World, which does not report"),
                new Case("comtrade-value-1e300", "comtrade", COMTRADE, text(COMTRADE_HEAD + comtrade("180", "X", "156", "H4", "1e300", "10.0") + comtrade("180", "X", "842", "H4", "5.0", "10.0")), LOADED, 1, "beyond any plausible trade value"),
                new Case("comtrade-wrong-header", "comtrade", COMTRADE, text("a,b\n1,2\n"), FAILED, 0, COMTRADE),
                // USGS MCS world tables
                new Case("usgs-negative-ascii", "usgs-world", WORLD, text(WORLD_HEAD + "MCS2024,China,Mine production,-5,240000\nMCS2024,India,Mine production,2900,2900\n"), LOADED, 3, "negative value -5"),
                new Case("usgs-negative-unicode", "usgs-world", WORLD, text(WORLD_HEAD + "MCS2024,China,Mine production,\u22125,240000\nMCS2024,India,Mine production,2900,2900\n"), LOADED, 3, "negative value \u22125"),
                new Case("usgs-withheld", "usgs-world", WORLD, text(WORLD_HEAD + "MCS2024,United States,Mine production,W,W\n"), LOADED, 2, ""),
                new Case("usgs-value-1e300", "usgs-world", WORLD, text(WORLD_HEAD + "MCS2024,China,Mine production,1e300,240000\nMCS2024,India,Mine production,2900,2900\n"), LOADED, 3, "not a number or a known USGS marker: '1e300'"),
                new Case("usgs-unknown-country", "usgs-world", WORLD, text(WORLD_HEAD + "MCS2024,Atlantis,Mine production,5,6\nMCS2024,China,Mine production,5,6\n"), LOADED, 2, "Atlantis"),
                new Case("usgs-header-only", "usgs-world", WORLD, text(WORLD_HEAD), LOADED, 0, "0 rows"),
                new Case("usgs-latin1", "usgs-world", WORLD, bytes((WORLD_HEAD + "MCS2024,C\u00f4te d'Ivoire,Mine production,5,6\n").getBytes(StandardCharsets.ISO_8859_1)), FAILED, 0, "not UTF-8"),
                new Case("usgs-duplicated-header-column", "usgs-world", WORLD, text("Source,Country,Type,Prod_t_2022,Prod_t_2022\nMCS2024,China,Mine production,5,6\nMCS2024,India,Mine production,7,7\nMCS2024,Chile,Mine production,8,8\n"), ImportLauncher.Status.REJECTS_OVER_THRESHOLD, 0, "duplicate of row 2"),
                new Case("usgs-salient-negative-exports", "usgs-salient", SALIENT, text("Source,Commodity,Year,Imports_t,Exports_t,NIR_pct\nMCS2024,Niobium,2022,9400,-2,100\nMCS2024,Niobium,2023,9100,300,100\nMCS2024,Niobium,2021,9000,200,100\n"), LOADED, 8, "exports of niobium cannot be negative"),
                new Case("usgs-salient-negative-nir", "usgs-salient", SALIENT, text("Source,Commodity,Year,Imports_t,Exports_t,NIR_pct\nMCS2024,Niobium,2022,9400,300,-12\n"), LOADED, 3, ""),
                // World Mining Data workbooks (mapping:wmd)
                new Case("wmd-formula-cells", "mapping:wmd", "formulas.xlsx", MalformedInputCorpusIntegrationTests::formulaWorkbook, LOADED, 2, ""),
                new Case("wmd-negative-production", "mapping:wmd", "negative.xlsx", f -> TestWorkbooks.xlsx(f, wmdSheet("Lithium", new Object[] {"Chile", "metr. t", -100, 200, null, null, null, "reported"}, new Object[] {"Peru", "metr. t", 1, 2, null, null, null, "reported"}, new Object[] {"China", "metr. t", 3, 4, null, null, null, "reported"})), LOADED, 5, "negative quantity -100"),
                new Case("wmd-text-in-number-cell", "mapping:wmd", "words.xlsx", f -> TestWorkbooks.xlsx(f, wmdSheet("Lithium", new Object[] {"Chile", "metr. t", "lots", 200, null, null, null, "reported"}, new Object[] {"Peru", "metr. t", 1, 2, null, null, null, "reported"}, new Object[] {"China", "metr. t", 3, 4, null, null, null, "reported"})), LOADED, 5, "'lots' is not a number"),
                new Case("wmd-not-a-zip", "mapping:wmd", "fake.xlsx", text("this is not a workbook"), FAILED, 0, "fake.xlsx"),
                new Case("wmd-truncated", "mapping:wmd", "cut.xlsx", f -> TestWorkbooks.truncated(TestWorkbooks.xlsx(f.resolveSibling("whole.xlsx"), wmdSheet("Lithium", new Object[] {"Chile", "metr. t", 100, 200, null, null, null, "reported"})), f), FAILED, 0, "damaged or truncated"),
                new Case("wmd-encrypted", "mapping:wmd", "locked.xlsx", f -> TestWorkbooks.encrypted(TestWorkbooks.xlsx(f.resolveSibling("open.xlsx"), wmdSheet("Lithium", new Object[] {"Chile", "metr. t", 100, 200, null, null, null, "reported"})), f, "secret"), FAILED, 0, "password"),
                // stockpile holdings
                new Case("stockpile-negative-quantity", "stockpile", "stockpile-example.csv", text("commodity,quantity_t,as_of\ncobalt,-5,2024-01-01\nlithium,5,2024-01-01\n"), LOADED, 1, "negative"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachMalformedInputHasItsExpectedOutcome(Case c) throws Exception {
        Path file = Files.createDirectories(dir.resolve(c.id())).resolve(c.fileName());
        c.content().write(file);
        ImportLauncher.Outcome o = launcher.importFile(kind(c.kind()), file, 50.0);
        long facts = o.load().map(l -> l.factsMerged()).orElse(0L);
        String rejects = String.join(" | ", jdbc.queryForList("select reason from etl.reject order by row_number, column_name", String.class));
        long read = o.load().map(l -> l.rowsRead()).orElse(0L);
        String said = (o.message() == null ? "" : o.message()) + (rejects.isEmpty() ? "" : " rejects: " + rejects)
                + (o.status() == LOADED ? " (" + read + " rows read, " + facts + " facts)" : "");
        TABLE.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", c.id(), c.kind(), o.status(),
                said.replace("|", "/").replace("\n", " ")));
        assertThat(o.status()).as(said).isEqualTo(c.status());
        assertThat(facts).as(said).isEqualTo(c.facts());
        assertThat(said).contains(c.says());
        if (o.status() == LOADED) {
            var l = o.load().orElseThrow();
            assertThat(l.rowsRead()).as("nothing lost: read = loaded + rejected + ignored")
                    .isEqualTo(l.rowsLoaded() + l.rowsRejected() + l.rowsIgnored());
        }
    }

    @AfterAll
    static void printTable() {
        System.out.println("| case | kind | outcome | what it says |\n|---|---|---|---|");
        TABLE.forEach(System.out::println);
    }

    /** A WMD sheet whose 2011 value is a formula (with its cached result, as Excel saves it). */
    private static void formulaWorkbook(Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("Lithium");
            sheet.createRow(0).createCell(0).setCellValue("6.4. Production of Mineral Raw Materials of individual Countries, by Minerals");
            var header = sheet.createRow(1);
            String[] names = {"Country", "unit", "2011", "2012", "2013", "2014", "2015", "Sources of data"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var row = sheet.createRow(2);
            row.createCell(0).setCellValue("Chile");
            row.createCell(1).setCellValue("metr. t");
            row.createCell(2).setCellFormula("40+60");
            row.createCell(3).setCellValue(200);
            row.createCell(7).setCellValue("reported");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
    }
}
