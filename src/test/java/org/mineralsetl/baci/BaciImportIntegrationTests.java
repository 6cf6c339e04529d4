package org.mineralsetl.baci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** BACI-shaped files built by the tests (no BACI trade sample is redistributable here), into warehouse.trade_fact. */
class BaciImportIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "t,i,j,k,v,q\n" + String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    void loadsSmallBaciFileAsFobExportsInUsdAndTonnesKeepingLeadingZeros() throws IOException {
        Path f = file("BACI_HS17_Y2022_V202301.csv",
                "2022,156,842,280530,1234.567,12.5",    // line 2: China exports rare-earth metals to the USA
                "2022,156,842,010121,0.5,",             // line 3: horses, blank quantity, leading zero kept
                "2022,842,156,10129,2.000,1.000",       // line 4: k lost its leading zero: 010129
                "2022,490,842,850511,10,NA",            // line 5: 490 Other Asia nes is Taiwan; NA quantity
                "2022,156,344,283691,7.25,3.5",         // line 6: China to Hong Kong stays apart from China
                "2022,999,842,280530,1,1",              // line 7: unknown exporter
                "2022,156,842,2805X0,1,1",              // line 8: bad product code
                "2022,156,842,284690,abc,1",            // line 9: bad value
                "2021,156,842,284690,1,1",              // line 10: another year than the file's
                "2022,156,842,280530,99,9");            // line 11: same key as line 2
        ImportLauncher.Outcome o = importFile("baci", f, 100);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);

        Map<String, Object> ree = jdbc.queryForMap("""
                select value_usd, value_basis, original_value, original_value_unit, net_weight_t, quantity,
                       quantity_unit, flow, commodity, stage, hs_revision, edition, year, month, is_estimate, row_number
                from warehouse.v_trade where reporter_iso3 = 'CHN' and partner_iso3 = 'USA' and hs_code = '280530'""");
        assertThat((BigDecimal) ree.get("value_usd")).isEqualByComparingTo("1234567");
        assertThat(ree.get("value_basis")).isEqualTo("FOB");
        assertThat((BigDecimal) ree.get("original_value")).isEqualByComparingTo("1234.567");
        assertThat(ree.get("original_value_unit")).isEqualTo("kUSD");
        assertThat((BigDecimal) ree.get("net_weight_t")).isEqualByComparingTo("12.5");
        assertThat(ree.get("quantity_unit")).isEqualTo("t");
        assertThat(ree.get("flow")).isEqualTo("X");
        assertThat(ree.get("commodity")).isEqualTo("rare_earths");
        assertThat(ree.get("stage")).isEqualTo("refinery");
        assertThat(ree.get("hs_revision")).isEqualTo("HS2017");
        assertThat(ree.get("edition")).isEqualTo("V202301");
        assertThat(ree.get("year")).isEqualTo(2022);
        assertThat(ree.get("month")).isNull();
        assertThat(ree.get("is_estimate")).isNull();
        assertThat(ree.get("row_number")).isEqualTo(2L);

        assertThat(jdbc.queryForList("select hs_code from warehouse.v_trade where commodity is null order by hs_code",
                String.class)).containsExactly("010121", "010129");
        assertThat(jdbc.queryForObject("select net_weight_t from warehouse.v_trade where hs_code = '010121'",
                BigDecimal.class)).isNull();
        assertThat(jdbc.queryForObject("select reporter_iso3 from warehouse.v_trade where hs_code = '850511'",
                String.class)).isEqualTo("TWN");
        assertThat(jdbc.queryForObject("select partner_iso3 from warehouse.v_trade where hs_code = '283691'",
                String.class)).isEqualTo("HKG");

        List<Map<String, Object>> rejects = jdbc.queryForList(
                "select row_number, column_name, reason from etl.reject order by row_number");
        assertThat(rejects).extracting(r -> r.get("row_number")).containsExactly(7, 8, 9, 10, 11);
        assertThat(rejects.get(0).get("reason")).asString().contains("exporter code 999");
        assertThat(rejects.get(1).get("reason")).asString().contains("2805X0");
        assertThat(rejects.get(2).get("column_name")).isEqualTo("v");
        assertThat(rejects.get(3).get("reason")).asString().contains("2021").contains("2022");
        assertThat(rejects.get(4).get("reason")).asString().startsWith("duplicate of row 2");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isEqualTo(5L);
        Map<String, Object> load = jdbc.queryForMap("select rows_read, rows_rejected, facts_merged, status from etl.load");
        assertThat(load).containsEntry("rows_read", 10L).containsEntry("rows_rejected", 5L)
                .containsEntry("facts_merged", 5L).containsEntry("status", "COMPLETED");
    }

    @Test
    void failsTheLoadWhenRejectsPassTheThreshold() throws IOException {
        Path f = file("BACI_HS17_Y2022_V202301.csv", "2022,156,842,280530,1,1", "2022,998,842,280530,1,1");
        ImportLauncher.Outcome o = importFile("baci", f, 10);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.REJECTS_OVER_THRESHOLD);
        assertThat(o.message()).contains("1 of 2 rows rejected");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isZero();
    }

    @Test
    void refusesAFileWhoseHeaderIsNotBaci() throws IOException {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        Files.writeString(f, "year,exporter,importer,product,value,quantity\n2022,156,842,280530,1,1\n");
        ImportLauncher.Outcome o = importFile("baci", f);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).contains("BACI_HS17_Y2022_V202301.csv").contains("expected t,i,j,k,v,q");
    }

    @Test
    void aRedeliveryOfTheSameReleaseReplacesTheEarlierValues() throws IOException {
        Path first = file("BACI_HS17_Y2022_V202301.csv", "2022,156,842,280530,1.000,1", "2022,156,842,284690,2.000,2");
        assertThat(importFile("baci", first).status()).isEqualTo(ImportLauncher.Status.LOADED);
        Path again = dir.resolve("again");
        Files.createDirectories(again);
        Path second = Files.writeString(again.resolve("BACI_HS17_Y2022_V202301.csv"),
                "t,i,j,k,v,q\n2022,156,842,280530,5.000,1\n");
        assertThat(importFile("baci", second).status()).isEqualTo(ImportLauncher.Status.LOADED);

        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isEqualTo(2L);
        assertThat(jdbc.queryForObject("select value_usd from warehouse.v_trade where hs_code = '280530'",
                BigDecimal.class)).isEqualByComparingTo("5000");
        assertThat(jdbc.queryForObject("select value_usd from warehouse.v_trade where hs_code = '284690'",
                BigDecimal.class)).isEqualByComparingTo("2000");
        assertThat(jdbc.queryForObject("select count(distinct load_id) from warehouse.trade_fact", Long.class))
                .isEqualTo(2L);
    }

    @Test
    void writesASortedFileStraightIntoItsOwnPartitionWithoutSearchingForDuplicates() {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        assertThat(BaciSampleFile.write(f, 30_000, 2022, 11)).isEqualTo(30_000);
        ImportLauncher.Outcome o = importFile("baci", f);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);

        assertThat(jdbc.queryForObject("select keys_proven_unique from etl.trade_load", Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("select source || ' ' || edition || ' ' || year from warehouse.trade_slice",
                String.class)).containsExactly("baci V202301 2022");
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_inherits where inhparent = 'warehouse.trade_flow'::regclass
                   and inhrelid = 'warehouse.trade_flow_1'::regclass""", Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("""
                select count(*) from warehouse.trade_fact
                where month = 0 and flow = 'X' and hs_revision = 'HS2017' and breakdown = ''
                  and value_basis = 'FOB' and fob_value_usd = value_usd and original_value * 1000 = value_usd""",
                Long.class)).isEqualTo(30_000L);
        assertThat(jdbc.queryForObject("select count(*) from etl.reject", Long.class)).isZero();
        assertThat(jdbc.queryForMap("select rows_read, rows_loaded, facts_merged from etl.load"))
                .containsEntry("rows_read", 30_000L).containsEntry("rows_loaded", 30_000L)
                .containsEntry("facts_merged", 30_000L);
    }

    @Test
    void searchesForDuplicatesWhenTheFileIsNotInKeyOrderAndKeepsEveryDistinctRow() throws IOException {
        Path f = file("BACI_HS17_Y2022_V202301.csv",
                "2022,156,842,284690,1,1",
                "2022,156,842,280530,2,2",      // products descend: not in BACI's order, no proof
                "2022,842,156,280530,3,3",
                "2022,156,842,850511,4,4");
        ImportLauncher.Outcome o = importFile("baci", f);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForObject("select keys_proven_unique from etl.trade_load", Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade", Long.class)).isEqualTo(4L);
        assertThat(jdbc.queryForObject("select count(*) from etl.reject", Long.class)).isZero();
    }

    @Test
    void findsTheRepeatOfAKeyThatTwoCodesOfOneCountryGiveInAFileInOrder() throws IOException {
        // 276 and 280 are both Germany in BACI's code table: ascending lines, but one key twice
        Path f = file("BACI_HS17_Y2022_V202301.csv",
                "2022,156,276,280530,1,1",
                "2022,156,280,280530,2,2",
                "2022,156,842,280530,3,3");
        ImportLauncher.Outcome o = importFile("baci", f, 100);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForObject("select keys_proven_unique from etl.trade_load", Boolean.class)).isFalse();
        assertThat(jdbc.queryForList("select row_number || ': ' || reason from etl.reject", String.class))
                .singleElement().asString().startsWith("3: duplicate of row 2:").contains("CHN->DEU");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade", Long.class)).isEqualTo(2L);
    }

    @Test
    void takesTheHsRevisionFromTheJobParameterWhenTheNameLacksIt() throws IOException {
        Path f = file("BACI_Y2022_V202301.csv", "2022,156,842,280530,1,1");
        ImportLauncher.Outcome o = launcher.importFile(kind("baci"), f, 10, Map.of("hsRevision", "HS12"));
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForObject("select hs_revision from warehouse.trade_fact", String.class)).isEqualTo("HS2012");

        Path g = file("BACI_Y2021_V202301.csv", "2021,156,842,280530,1,1");
        ImportLauncher.Outcome refused = importFile("baci", g);
        assertThat(refused.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(refused.message()).contains("BACI_Y2021_V202301.csv").contains("hsRevision");
    }
}
