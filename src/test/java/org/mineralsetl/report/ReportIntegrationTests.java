package org.mineralsetl.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.indicator.IndicatorRunner;
import org.mineralsetl.support.FileScan;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The analyst report from the real MCS 2024 files, opened back with POI and ImageIO and checked cell by cell. */
class ReportIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    IndicatorRunner indicators;

    @Autowired
    ReportWriter writer;

    @TempDir
    Path dir;

    private final DataFormatter shown = new DataFormatter(Locale.ROOT);

    private void load(String... tables) throws IOException {
        for (String table : tables) {
            try (Stream<Path> s = Files.list(MCS2024.resolve(table))) {
                for (Path f : s.sorted().toList()) {
                    importFile("usgs-" + table, f); // the samples hold one refused file: mcs2024-cobal_salient.csv
                }
            }
        }
        IndicatorRunner.Result r = indicators.run();
        assertThat(r.ok()).as(r.message()).isTrue();
    }

    @Test
    void writesTypedFormattedSheetsPerIndicatorFamilyAndTheSourcesWithTheirSha256() throws IOException {
        load("world", "salient");
        ReportWriter.Written written = writer.write(dir);
        assertThat(written.files()).allMatch(Files::isRegularFile);

        try (Workbook wb = WorkbookFactory.create(dir.resolve("indicators.xlsx").toFile())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("China share", "Concentration", "Group shares", "Net import reliance",
                    "Supply risk WGI", "Stockpile cover", "Sources");

            Sheet china = wb.getSheet("China share");
            assertHeaderFrozenAndFiltered(china);
            Row ree = row(china, "commodity", "rare_earths", "year", 2023);
            Cell share = cell(china, ree, "china_share_pct");
            assertThat(share.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(share.getNumericCellValue()).isCloseTo(68.5714, within(0.0001));
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0\\ \\%");
            assertThat(shown.formatCellValue(share)).isEqualTo("68.6 %");
            Cell year = cell(china, ree, "year");
            assertThat(year.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(shown.formatCellValue(year)).isEqualTo("2023");
            Cell world = cell(china, ree, "world_t");
            assertThat(world.getNumericCellValue()).isEqualTo(350000.0);
            assertThat(shown.formatCellValue(world)).isEqualTo("350,000");
            assertThat(cell(china, ree, "china_listed").getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(cell(china, ree, "china_listed").getBooleanCellValue()).isTrue();
            assertThat(cell(china, ree, "stage").getStringCellValue()).isEqualTo("mine");
            // germanium: withheld / not available, so the share cell stays empty rather than 0
            Row ge = row(china, "commodity", "germanium", "year", 2023);
            assertThat(ge.getCell(column(china, "china_share_pct"))).isNull();

            Sheet concentration = wb.getSheet("Concentration");
            assertHeaderFrozenAndFiltered(concentration);
            Row cobalt = row(concentration, "commodity", "cobalt", "year", 2023);
            Cell hhi = cell(concentration, cobalt, "hhi");
            assertThat(hhi.getNumericCellValue()).isCloseTo(5549.8, within(0.001));
            assertThat(shown.formatCellValue(hhi)).isEqualTo("5,550");
            assertThat(shown.formatCellValue(cell(concentration, cobalt, "cr1"))).isEqualTo("73.9 %");
            assertThat(cell(concentration, cobalt, "top1_iso3").getStringCellValue()).isEqualTo("COD");

            Sheet nir = wb.getSheet("Net import reliance");
            Row graphite = row(nir, "commodity", "graphite", "year", 2023);
            assertThat(shown.formatCellValue(cell(nir, graphite, "nir_computed_pct"))).isEqualTo("100.0 %");
            assertThat(shown.formatCellValue(cell(nir, graphite, "apparent_consumption_t"))).isEqualTo("76,000");

            Sheet sources = wb.getSheet("Sources");
            assertHeaderFrozenAndFiltered(sources);
            Row raree = row(sources, "file_name", "mcs2024-raree_world.csv");
            String sha = cell(sources, raree, "sha256").getStringCellValue();
            assertThat(sha).matches("[0-9a-f]{64}").isEqualTo(FileScan.of(MCS2024.resolve("world/mcs2024-raree_world.csv")).sha256());
            assertThat(cell(sources, raree, "edition").getStringCellValue()).isEqualTo("MCS2024");
            assertThat(cell(sources, raree, "used_by").getStringCellValue()).isEqualTo("China share, Concentration");
            assertThat(sources.getLastRowNum()).isEqualTo(jdbc.queryForObject(
                    "select count(distinct source_file_id) from etl.load where status = 'COMPLETED'", Integer.class));
            int file = column(sources, "file_name");
            assertThat(sources).noneMatch(r -> r.getCell(file).getStringCellValue().equals("mcs2024-cobal_salient.csv"));
            assertThat(sources.getColumnWidth(column(sources, "sha256"))).isGreaterThanOrEqualTo(64 * 256);
        }
    }

    @Test
    void drawsThreeReadablePngChartsAndAnOfflineIndexWithTheHeadlineTable() throws IOException {
        load("world");
        writer.write(dir);

        for (String png : List.of("china-share.png", "concentration-hhi.png", "top-producers.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).as(png).isBetween(1000, 2000);
            assertThat(image.getHeight()).as(png).isBetween(500, 1500);
        }
        String html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<img src=\"china-share.png\"", "<img src=\"concentration-hhi.png\"",
                "<img src=\"top-producers.png\"", "<a href=\"indicators.xlsx\">");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link");
        assertThat(html).contains("<table id=\"headline\">")
                .contains("<tr><td>Rare earths</td><td>mine</td><td>usgs_mcs</td><td class=\"num\">2023</td><td>MCS2024</td>"
                        + "<td class=\"num\">68.6 %</td><td class=\"num\">5,003</td>")
                .contains("<td>COD (73.9 %)</td>");
    }

    @Test
    void neutralisesFormulaLikeTextFromInputFiles() throws IOException {
        Path file = dir.resolve("mcs2024-tungs_world.csv");
        Files.writeString(file, "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n"
                + "MCS2024,China,\"Mine production, tungsten content\",60,50,,NA,\r\n"
                + "MCS2024,Australia,\"Mine production, tungsten content\",40,50,,NA,\r\n"
                + "MCS2024,World total (rounded),\"Mine production, tungsten content\",100,100,"
                + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",NA,\r\n", StandardCharsets.UTF_8);
        assertThat(importFile("usgs-world", file).status()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(indicators.run().ok()).isTrue();
        Path out = dir.resolve("report");
        writer.write(out);

        try (Workbook wb = WorkbookFactory.create(out.resolve("indicators.xlsx").toFile())) {
            Sheet china = wb.getSheet("China share");
            Cell note = cell(china, row(china, "commodity", "tungsten", "year", 2023), "world_note");
            assertThat(note.getCellType()).isEqualTo(CellType.STRING);
            assertThat(note.getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).as(s.getSheetName() + "!" + c.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void refusesAnEmptyWarehouseWithAMessageInsteadOfAnEmptyReport() {
        assertThatThrownBy(() -> writer.write(dir.resolve("report")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run jobs/etl run-all");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    private static void assertHeaderFrozenAndFiltered(Sheet sheet) {
        PaneInformation pane = sheet.getPaneInformation();
        assertThat(pane).as(sheet.getSheetName()).isNotNull();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
        String filter = ((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef();
        assertThat(filter).startsWith("A1:");
        assertThat(sheet.getWorkbook().getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
    }

    private static int column(Sheet sheet, String name) {
        for (Cell c : sheet.getRow(0)) {
            if (c.getStringCellValue().equals(name)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name + " on " + sheet.getSheetName());
    }

    private static Cell cell(Sheet sheet, Row row, String name) {
        Cell c = row.getCell(column(sheet, name));
        assertThat(c).as(sheet.getSheetName() + "." + name).isNotNull();
        return c;
    }

    /** The one data row whose text column equals the value (and whose year is the year, when given). */
    private static Row row(Sheet sheet, String textColumn, String value, Object... yearColumnAndYear) {
        int text = column(sheet, textColumn);
        List<Row> found = new ArrayList<>();
        for (Row r : sheet) {
            if (r.getRowNum() == 0 || r.getCell(text) == null || !r.getCell(text).getStringCellValue().equals(value)) {
                continue;
            }
            if (yearColumnAndYear.length == 2) {
                Cell y = r.getCell(column(sheet, (String) yearColumnAndYear[0]));
                if (y == null || y.getNumericCellValue() != ((Integer) yearColumnAndYear[1]).doubleValue()) {
                    continue;
                }
            }
            found.add(r);
        }
        assertThat(found).as(sheet.getSheetName() + " rows with " + textColumn + " = " + value).hasSize(1);
        return found.get(0);
    }
}
