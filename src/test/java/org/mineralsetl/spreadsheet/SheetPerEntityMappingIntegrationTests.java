package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.support.TestWorkbooks.SheetSpec;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.LoadSummary;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapping features for sheet-per-entity workbooks, each in a small workbook built by the test: the sheet's name as
 * the country, the commodity from a row label (labels outside the map are rejects naming them, labels ignored on
 * purpose are ignored rows with the reason), columns by position and by pattern, the edition from the file name.
 */
class SheetPerEntityMappingIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    SpreadsheetImports imports;

    private static SheetSpec country(String name, String yearsHeader, Object[]... rows) {
        Object[][] all = new Object[rows.length + 2][];
        all[0] = new Object[] {"Production by country"};
        all[1] = new Object[] {name, "Units", yearsHeader, "2021", "Remarks"};
        System.arraycopy(rows, 0, all, 2, rows.length);
        return new SheetSpec(name, false, all);
    }

    private ImportKind mapping() throws Exception {
        Path yml = Files.writeString(dir.resolve("by-country-test.yml"), """
                name: by-country-test
                files: '^by_country_\\d{4}\\.xlsx$'
                target:
                  facts: production
                  source: wmd
                  edition: {file-name: '_(\\d{4})\\.xlsx$', template: 'TEST$1'}
                sheets:
                  entity: sheet-name
                header:
                  tokens: [Remarks]
                columns:
                  commodity: {position: 1}
                  unit: {pattern: '(?i)^units?$'}
                  note: Remarks
                  years: '^(19|20)\\d{2}$'
                commodities:
                  Lithium: {commodity: lithium, basis: Li2O content}
                  Cobalt: cobalt
                units:
                  (t): 1
                  (kg): 0.001
                notes:
                  estimate: '(?i)^estimate'
                  qualifiers: {estimate: e}
                country-parts:
                  Russia, Asia: Russia
                  Russia, Europe: Russia
                ignore:
                  - commodity: '^(Petroleum|Lignite)$'
                    reason: 'a mineral fuel: out of scope'
                  - no-values: true
                    reason: 'no figure'
                """);
        return imports.kindFor(yml);
    }

    @Test
    void takesTheCountryFromTheSheetNameAndTheCommodityFromColumnAWhateverItsHeader() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("by_country_2019.xlsx"),
                country("Chile", "2020",
                        new Object[] {"Lithium", "(t)", 27680, 28490, "reported"},
                        new Object[] {"Cobalt", "(kg)", 1500, null, "estimate"},
                        new Object[] {"Petroleum", "(t)", 999, 999, "reported"},
                        new Object[] {"Unobtainium", "(t)", 5, 6, "reported"}),
                country("Atlantis", "2020", new Object[] {"Cobalt", "(t)", 1, 2, "reported"}),
                country("Russia, Asia", "2020", new Object[] {"Cobalt", "(t)", 100, 110, "reported"}),
                country("Russia, Europe", "2020", new Object[] {"Cobalt", "(t)", 20, 30, "estimate"}));
        ImportKind kind = mapping();
        assertThat(kind.recognises().test(file)).isTrue();
        ImportLauncher.Outcome o = launcher.importFile(kind, file, 100.0);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);
        LoadSummary load = o.load().orElseThrow();

        assertThat(load.edition()).isEqualTo("TEST2019");
        assertThat(jdbc.queryForList("""
                select country_iso3 || ' ' || commodity || ' ' || year || '=' || trim_scale(quantity_t) || ' '
                       || coalesce(basis, '-') || ' ' || coalesce(qualifier, '-') || ' ' || edition || ' ' || sheet
                       || ' row ' || row_number || ' ' || column_name
                from warehouse.production_fact order by 1""", String.class)).containsExactly(
                "CHL cobalt 2020=1.5 - e TEST2019 Chile row 4 2020",
                "CHL lithium 2020=27680 Li2O content - TEST2019 Chile row 3 2020",
                "CHL lithium 2021=28490 Li2O content - TEST2019 Chile row 3 2021",
                "RUS cobalt 2020=120 - e TEST2019 Russia, Asia row 3 2020",
                "RUS cobalt 2021=140 - e TEST2019 Russia, Asia row 3 2021");
        assertThat(jdbc.queryForObject("select detail from warehouse.production_fact where country_iso3 = 'RUS' and year = 2020",
                String.class)).isEqualTo("sum of Russia, Asia (sheet Russia, Asia row 3) and Russia, Europe (sheet Russia, Europe row 3)");
        assertThat(jdbc.queryForList("select sheet || ' row ' || row_number || ' ' || column_name || ': ' || reason"
                + " from etl.reject order by sheet", String.class)).containsExactly(
                "Atlantis row 3 sheet name: unknown country 'Atlantis' (the sheet's name): add the name to"
                        + " ref.country_alias (or to the mapping's entities or country-parts)",
                "Chile row 6 Chile: commodity 'Unobtainium' is not in the commodities of mapping by-country-test: add it"
                        + " there (label: commodity), or an ignore rule if it is out of scope");
        assertThat(jdbc.queryForList("select sheet || ' row ' || row_number || ': ' || reason from etl.ignored_row",
                String.class)).containsExactly("Chile row 5: a mineral fuel: out of scope");
        assertThat(load.rowsRead()).isEqualTo(7);
        assertThat(load.rowsRejected()).isEqualTo(2);
        assertThat(load.rowsIgnored()).isEqualTo(1);
    }

    @Test
    void refusesAFileWhoseNameCarriesNoEditionAndASheetWithoutTheColumnByPattern() throws Exception {
        ImportKind kind = mapping();
        Path noEdition = TestWorkbooks.xlsx(dir.resolve("by_country_latest.xlsx"),
                country("Chile", "2020", new Object[] {"Lithium", "(t)", 1, 2, "reported"}));
        ImportLauncher.Outcome o = launcher.importFile(kind, noEdition, 10.0);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).isEqualTo("by_country_latest.xlsx: no edition in its name ('by_country_latest.xlsx'"
                + " does not match target.edition _(\\d{4})\\.xlsx$)");

        Object[][] rows = {{"Production by country"}, {"Chile", "Measure", "2020", "Remarks"}, {"Lithium", "(t)", 1, "reported"}};
        Path noUnit = TestWorkbooks.xlsx(dir.resolve("by_country_2019.xlsx"), new SheetSpec("Chile", false, rows));
        o = launcher.importFile(kind, noUnit, 10.0);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).isEqualTo("by_country_2019.xlsx: sheet 'Chile' row 2: the header has no column matching"
                + " (?i)^units?$ (mapping by-country-test; header: Chile | Measure | 2020 | Remarks)");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isZero();
    }
}
