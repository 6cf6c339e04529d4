package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.warehouse.ImportLauncher;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mineralsetl.support.TestWorkbooks.SheetSpec;
import static org.mineralsetl.support.TestWorkbooks.wmdSheet;

/** Broken workbooks, built by each test: the job fails with one sentence naming the file and the problem, and loads nothing. */
class BadWorkbookIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    private Path good(String name) throws Exception {
        return TestWorkbooks.xlsx(dir.resolve(name), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", 27680, 28490, 24130, 24820, 22500, "reported"}));
    }

    private void assertFailsLoadingNothing(Path file, String message) {
        ImportLauncher.Outcome o = importFile("mapping:wmd", file);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).isEqualTo(message);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from staging.production_row", Long.class)).isZero();
        assertThat(jdbc.queryForList("select status from etl.load", String.class)).allMatch("FAILED"::equals);
    }

    @Test
    void refusesAFileThatIsNotAZip() throws Exception {
        Path file = Files.writeString(dir.resolve("wmd.xlsx"), "Country,unit,2011\nChile,metr. t,27680\n");
        assertFailsLoadingNothing(file, "wmd.xlsx: not an Excel workbook (neither .xlsx nor .xls; the file looks like unknown)");
    }

    @Test
    void refusesATruncatedWorkbook() throws Exception {
        Path file = TestWorkbooks.truncated(good("whole.xlsx"), dir.resolve("cut.xlsx"));
        ImportLauncher.Outcome o = importFile("mapping:wmd", file);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).startsWith("cut.xlsx: the workbook is damaged or truncated (its zip directory cannot be read: ");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isZero();
    }

    @Test
    void refusesAZipBombPastPoisInflateRatioGuard() throws Exception {
        Path file = TestWorkbooks.zipBomb(good("plain.xlsx"), dir.resolve("bomb.xlsx"));
        ImportLauncher.Outcome o = importFile("mapping:wmd", file);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).matches("bomb\\.xlsx: refused as a zip bomb: part xl/worksheets/sheet1\\.xml would inflate"
                + " \\d+ times \\(\\d+ to \\d+ bytes\\), past POI's limit of 100 times");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isZero();
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        Path file = TestWorkbooks.encrypted(good("open.xlsx"), dir.resolve("locked.xlsx"), "secret");
        assertFailsLoadingNothing(file, "locked.xlsx: the workbook is password protected;"
                + " save it without a password and import it again");
    }

    @Test
    void refusesAWorkbookWithNoSheetTheMappingWants() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("fuels.xlsx"),
                wmdSheet("Petroleum", new Object[] {"Norway", "metr. t", 1, 2, 3, 4, 5, "reported"}),
                wmdSheet("Lithium", new Object[] {"Chile", "metr. t", 1, 2, 3, 4, 5, "reported"}).hide());
        assertFailsLoadingNothing(file, "fuels.xlsx: no sheet matches the sheets of mapping wmd (include .*, exclude"
                + " ^(Steam coal|Coking coal|Lignite|Natural Gas|Oil Sands|Oil Shales|Petroleum)$, visible sheets only)"
                + " (sheets: Petroleum, Lithium)");
    }

    @Test
    void refusesASheetWhoseHeaderIsNotFound() throws Exception {
        Object[][] rows = new Object[12][];
        rows[0] = new Object[] {"Land", "Einheit", "2011"};
        for (int i = 1; i < rows.length; i++) {
            rows[i] = new Object[] {"Chile", "metr. t", 27680};
        }
        Path file = TestWorkbooks.xlsx(dir.resolve("german.xlsx"), new SheetSpec("Lithium", false, rows));
        assertFailsLoadingNothing(file, "german.xlsx: sheet 'Lithium': header not found in the first 10 rows"
                + " (looked for a row with Country, unit and year columns matching ^(19|20)\\d{2}$)");
    }

    @Test
    void refusesASheetTheMappingHasNoCommodityFor() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("new.xlsx"),
                wmdSheet("Unobtainium", new Object[] {"Chile", "metr. t", 1, 2, 3, 4, 5, "reported"}));
        assertFailsLoadingNothing(file, "new.xlsx: sheet 'Unobtainium' has no commodity in mapping wmd;"
                + " add it under sheets.commodities or exclude the sheet");
    }

    @Test
    void rejectsUnknownCountriesAndBadCellsWithTheirSheetRowAndReason() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("rows.xlsx"), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", 27680, "n/a", 24130, 24820, 22500, "reported"},
                new Object[] {"Atlantis", "metr. t", 1, 2, 3, 4, 5, "estimate"},
                new Object[] {"Total", "metr. t", 27681, 2, 24130, 24820, 22500, null}));
        ImportLauncher.Outcome o = importFile("mapping:wmd", file, 100.0);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select sheet || ' row ' || row_number || ': ' || reason from etl.reject order by row_number",
                String.class)).containsExactly(
                "Lithium row 3: column 2012: 'n/a' is not a number",
                "Lithium row 4: unknown country 'Atlantis': add the name to ref.country_alias"
                        + " (or to the mapping's entities or country-parts)");
        assertThat(jdbc.queryForList("select sheet || ' row ' || row_number || ': ' || reason from etl.ignored_row",
                String.class)).containsExactly(
                "Lithium row 5: Total row: the sum of the country rows above it, derivable in the warehouse");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact where country_iso3 = 'CHL'",
                Long.class)).isEqualTo(4);
    }
}
