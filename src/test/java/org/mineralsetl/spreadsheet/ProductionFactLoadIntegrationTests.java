package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.LoadSummary;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mineralsetl.support.TestWorkbooks.wmdSheet;

/**
 * Workbook facts go through staging.production_row and one set-based merge into warehouse.production_fact:
 * duplicates inside a load, re-deliveries of an edition, the load's counts, and a failed load that merges nothing.
 */
class ProductionFactLoadIntegrationTests extends WarehouseIntegrationTest {

    private static final String CHILE = """
            select string_agg(year || '=' || quantity_t || ' row ' || row_number || ' load ' || load_id, ', ' order by year)
            from warehouse.production_fact where country_iso3 = 'CHL'""";

    @TempDir
    Path dir;

    @Test
    void keepsTheFirstRowOfAKeyGivenTwiceInALoadAndRejectsTheOthersNamingIt() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("twice.xlsx"),
                wmdSheet("Lithium",
                        new Object[] {"Chile", "metr. t", 100, 200, null, null, null, "reported"},
                        new Object[] {"Peru", "metr. t", 7, null, null, null, null, "reported"},
                        new Object[] {"Chile", "metr. t", 111, null, 333, null, null, "reported"}),
                wmdSheet("Cobalt", new Object[] {"Chile", "metr. t", 5, null, null, null, null, "reported"}));
        ImportLauncher.Outcome o = importFile("mapping:wmd", file, 100.0);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);

        assertThat(jdbc.queryForObject(CHILE + " and commodity = 'lithium'", String.class))
                .isEqualTo("2011=100 row 3 load 1, 2012=200 row 3 load 1, 2013=333 row 5 load 1");
        assertThat(jdbc.queryForList("select sheet || ' row ' || row_number || ' ' || column_name || ': ' || reason from etl.reject",
                String.class)).containsExactly(
                "Lithium row 5 2011: duplicate of row 3: lithium mine production CHL 2011 WMD2017 already given");
        LoadSummary load = o.load().orElseThrow();
        assertThat(load.factsMerged()).isEqualTo(5);
        assertThat(load.rowsRead()).isEqualTo(4);
        assertThat(load.rowsRejected()).isEqualTo(1);
        assertThat(load.rowsLoaded()).as("read = loaded + rejected + ignored: row 5 counts as rejected, though its"
                + " 2013 cell became a fact").isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from staging.production_row", Long.class)).isZero();
    }

    @Test
    void aReDeliveryOfTheEditionReplacesTheValuesOfTheKeysItCarriesAndKeepsTheOthers() throws Exception {
        Path first = TestWorkbooks.xlsx(dir.resolve("first.xlsx"), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", 100, 200, 300, null, null, "reported"},
                new Object[] {"Peru", "metr. t", 7, 8, null, null, null, "reported"}));
        assertThat(importFile("mapping:wmd", first).status()).isEqualTo(ImportLauncher.Status.LOADED);

        Path corrected = TestWorkbooks.xlsx(dir.resolve("corrected.xlsx"), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", 101, 200, null, 400, null, "reported"}));
        ImportLauncher.Outcome o = importFile("mapping:wmd", corrected);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);

        // 2011, 2012 and 2014 from the correction; 2013, which it does not carry, stays from the first delivery
        assertThat(jdbc.queryForObject(CHILE, String.class))
                .isEqualTo("2011=101 row 3 load 2, 2012=200 row 3 load 2, 2013=300 row 3 load 1, 2014=400 row 3 load 2");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact where country_iso3 = 'PER'",
                Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from (
                    select source, edition, commodity, stage, measure, entity_key, year
                    from warehouse.production_fact group by 1, 2, 3, 4, 5, 6, 7 having count(*) > 1) as d""",
                Long.class)).isZero();
        assertThat(o.load().orElseThrow().factsMerged()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_production where country_iso3 = 'CHL'",
                Long.class)).isEqualTo(4);
    }

    @Test
    void aLoadOverItsRejectThresholdMergesNothingAndKeepsItsRowsStaged() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("rejects.xlsx"), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", 100, 200, 300, null, null, "reported"},
                new Object[] {"Atlantis", "metr. t", 1, 2, 3, 4, 5, "reported"}));
        ImportLauncher.Outcome o = importFile("mapping:wmd", file, 10.0);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.REJECTS_OVER_THRESHOLD);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isZero();
        // Chile's three facts wait in staging, invisible to the views
        assertThat(jdbc.queryForObject("select count(*) from staging.production_row where load_id = 1", Long.class))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select status from etl.load where load_id = 1", String.class)).isEqualTo("FAILED");
    }
}
