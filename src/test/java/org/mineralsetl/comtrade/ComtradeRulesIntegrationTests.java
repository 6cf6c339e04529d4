package org.mineralsetl.comtrade;

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

/** Each Comtrade normalisation rule on real rows (input-samples/comtrade), or on a real row a test edits. */
class ComtradeRulesIntegrationTests extends WarehouseIntegrationTest {

    static final Path LITHIUM = ComtradeImportIntegrationTests.LITHIUM;
    static final Path LEGACY = ComtradeImportIntegrationTests.LEGACY;

    @TempDir
    Path dir;

    @Test
    void keepsOnlyBreakdownTotalsByDefaultAndSaysSoInTheLoadRecord() {
        ImportLauncher.Outcome o = importFile("comtrade", LITHIUM);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        // lithium: 175 rows, 33 with motCode 1000/2100/9900, 142 breakdown totals (60 of them partner World)
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isEqualTo(142L);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact where breakdown <> ''", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select keep_breakdowns from etl.trade_load", Boolean.class)).isFalse();
        Map<String, Object> load = jdbc.queryForMap("select rows_read, rows_loaded, rows_rejected from etl.load");
        assertThat(load).containsEntry("rows_read", 175L).containsEntry("rows_loaded", 142L).containsEntry("rows_rejected", 0L);
        // Australia 2020 imports of 2530.90 from China: the total (motCode 0) 560807.859, not a transport mode
        assertThat(jdbc.queryForObject("""
                select value_usd from warehouse.v_trade where reporter_iso3 = 'AUS' and partner_iso3 = 'CHN'
                   and flow = 'M' and year = 2020 and hs_code = '253090'""", BigDecimal.class))
                .isEqualByComparingTo("560807.859");
    }

    @Test
    void keepsBreakdownsWhenToldAndKeepsThemOutOfTheViews() {
        ImportLauncher.Outcome o = launcher.importFile(kind("comtrade"), LITHIUM, 10, Map.of("keepBreakdowns", "true"));
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isEqualTo(175L);
        assertThat(jdbc.queryForObject("select keep_breakdowns from etl.trade_load", Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("""
                select mot_code || ':' || value_usd from warehouse.trade_fact where reporter_iso3 = 'AUS'
                   and partner_iso3 = 'CHN' and flow = 'M' and year = 2020 and hs_code = '253090' order by mot_code""",
                String.class)).containsExactly("0:560807.859", "1000:1026.912", "2100:559780.947");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_trade", Long.class)
                + jdbc.queryForObject("select count(*) from warehouse.v_trade_world_total", Long.class)).isEqualTo(142L);
    }

    @Test
    void mapsHsCodesToCommodityStageAndProxyFlag() {
        importFile("comtrade", LITHIUM);
        assertThat(jdbc.queryForList("""
                select distinct hs_code || ':' || commodity || ':' || stage || ':' || is_proxy from warehouse.trade_fact
                order by 1""", String.class))
                .containsExactly("253090:lithium:mine:true", "282520:lithium:refinery:false", "283691:lithium:refinery:false");
    }

    @Test
    void keepsReExportsAsTheirOwnFlowAndRestoresLeadingZerosInLegacyFiles() {
        ImportLauncher.Outcome o = importFile("comtrade-legacy", LEGACY);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select flow || ':' || count(*) from warehouse.v_trade group by flow order by flow",
                String.class)).containsExactly("M:97", "RX:96", "X:97");
        // chapter 1 (live animals), 2017, USA from/to China: Import 36327640, Export 16729257, Re-Export 179614
        List<Map<String, Object>> animals = jdbc.queryForList("""
                select flow, value_usd, value_basis, commodity, hs_revision, edition, is_estimate from warehouse.v_trade
                where hs_code = '01' and reporter_iso3 = 'USA' and partner_iso3 = 'CHN' and year = 2017 order by flow""");
        assertThat(animals).extracting(r -> r.get("flow") + " " + ((BigDecimal) r.get("value_usd")).toPlainString()
                        + " " + r.get("value_basis"))
                .containsExactly("M 36327640 CIF", "RX 179614 FOB", "X 16729257 FOB");
        assertThat(animals.get(0)).containsEntry("commodity", null).containsEntry("hs_revision", "HS2017")
                .containsEntry("edition", "legacy").containsEntry("is_estimate", true);
        assertThat(animals.get(1)).containsEntry("is_estimate", false);
    }

    @Test
    void rejectsUnknownCodesAndRefusedFlowsWithTheCodeInTheReason() throws IOException {
        List<String> real = Files.readAllLines(ComtradeImportIntegrationTests.HEAVY_REE);
        String row = real.get(1); // C,A,20200101,2020,52,2020,842,,,M,,156,,,0,...
        Path f = dir.resolve("edited_heavy_ree.csv");
        Files.write(f, List.of(real.get(0),
                row,                                                        // line 2: loads
                row.replace(",842,,,M,,156,", ",842,,,M,,999,"),            // line 3: partner 999
                row.replace(",842,,,M,,156,", ",842,,,DX,,156,"),           // line 4: flow DX
                row.replace(",842,,,M,,156,", ",842,,,M,,344,"),            // line 5: Hong Kong, apart from China
                row.replace("C,A,20200101,2020,52,", "C,M,20200301,2020,3,"), // line 6: monthly, March
                row.replace(",842,,,M,,156,", ",842,,,M,,899,")));          // line 7: Areas nes, a non-country partner
        ImportLauncher.Outcome o = importFile("comtrade", f, 50);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select row_number || ' ' || reason from etl.reject order by row_number", String.class))
                .containsExactly("3 partner code 999 is not in the Comtrade/M49 crosswalk (ref.country_alias)",
                        "4 flow code 'DX' is not one of M, X, RM, RX; other flows are refused");
        assertThat(jdbc.queryForList("""
                select coalesce(partner_iso3, partner_code || '/' || partner_kind) || ' ' || coalesce(month::text, 'annual')
                from warehouse.v_trade order by 1""", String.class))
                .containsExactly("CHN 3", "CHN annual", "HKG annual", "M49_899/nes annual");
    }
}
