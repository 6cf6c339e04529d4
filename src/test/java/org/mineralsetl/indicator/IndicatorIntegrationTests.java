package org.mineralsetl.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The indicators against published figures (real MCS 2024 files) and hand-computed ones (small fixtures). */
class IndicatorIntegrationTests extends WarehouseIntegrationTest {

    private static final String HEADER = "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n";
    private static final String TYPE = "\"Mine production, tungsten content\"";

    @Autowired
    IndicatorRunner indicators;

    @TempDir
    Path dir;

    private void loadReal() throws IOException {
        for (String table : List.of("world", "salient")) {
            try (Stream<Path> s = Files.list(MCS2024.resolve(table))) {
                for (Path f : s.sorted().toList()) {
                    importFile("usgs-" + table, f);
                }
            }
        }
        computeIndicators();
    }

    private void computeIndicators() {
        IndicatorRunner.Result r = indicators.run();
        assertThat(r.ok()).as(r.message()).isTrue();
    }

    private Path world(String name, String rows) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        assertThat(importFile("usgs-world", f).status()).isEqualTo(ImportLauncher.Status.LOADED);
        return f;
    }

    private static String row(String country, String y2022, String y2023) {
        return "MCS2024," + country + "," + TYPE + "," + y2022 + "," + y2023 + ",,NA,\r\n";
    }

    private BigDecimal number(String sql, Object... args) {
        return jdbc.queryForObject(sql, BigDecimal.class, args);
    }

    @Test
    void reproducesPublishedChinaSharesAndCobaltCr1() throws IOException {
        loadReal();
        assertThat(number("select round(china_share_pct, 1) from indicator.v_china_share where commodity = 'rare_earths' and stage = 'mine' and year = 2023"))
                .isEqualByComparingTo("68.6");
        Map<String, Object> ree = jdbc.queryForMap("select china_t, world_t, share_basis from indicator.v_china_share where commodity = 'rare_earths' and year = 2023");
        assertThat((BigDecimal) ree.get("china_t")).isEqualByComparingTo("240000");
        assertThat((BigDecimal) ree.get("world_t")).isEqualByComparingTo("350000");
        assertThat(ree).containsEntry("share_basis", "reported_world_total");
        assertThat(number("select round(china_share_pct, 1) from indicator.v_china_share where commodity = 'gallium' and year = 2023"))
                .isEqualByComparingTo("98.4");
        Map<String, Object> cobalt = jdbc.queryForMap("select top1_iso3, round(cr1, 1) as cr1, band from indicator.v_concentration where commodity = 'cobalt' and year = 2023");
        assertThat(cobalt).containsEntry("top1_iso3", "COD").containsEntry("band", "highly concentrated");
        assertThat((BigDecimal) cobalt.get("cr1")).isEqualByComparingTo("73.9");
        // germanium: every figure NA, so nothing is claimed
        Map<String, Object> ge = jdbc.queryForMap("select china_t, china_share_pct, china_listed from indicator.v_china_share where commodity = 'germanium' and year = 2023");
        assertThat(ge.get("china_t")).isNull();
        assertThat(ge.get("china_share_pct")).isNull();
        assertThat(ge).containsEntry("china_listed", true);
    }

    @Test
    void setsComputedNetImportRelianceAgainstThePublishedRowsOfMcs2024() throws IOException {
        loadReal();
        Map<String, Object> lithium = jdbc.queryForMap("select * from indicator.v_net_import_reliance where commodity = 'lithium' and year = 2023");
        assertThat(lithium).containsEntry("nir_published_qualifier", ">");
        assertThat((BigDecimal) lithium.get("nir_published_bound")).isEqualByComparingTo("25");
        assertThat(lithium.get("nir_computed_pct")).isNull();
        assertThat(lithium.get("agrees")).isNull();
        assertThat((String) lithium.get("not_computable_reason")).contains("withheld");

        Map<String, Object> germanium = jdbc.queryForMap("select * from indicator.v_net_import_reliance where commodity = 'germanium' and year = 2023");
        assertThat(germanium).containsEntry("nir_published_qualifier", ">");
        assertThat((BigDecimal) germanium.get("nir_published_bound")).isEqualByComparingTo("50");

        Map<String, Object> ree = jdbc.queryForMap("select * from indicator.v_net_import_reliance where commodity = 'rare_earths' and year = 2023 and detail = 'concentrate'");
        assertThat(ree).containsEntry("nir_published_qualifier", "E");
        assertThat(ree.get("nir_published")).isNull();

        // graphite: apparent consumption as USGS publishes it (76,000 t), no production -> 100 %, published 100
        Map<String, Object> graphite = jdbc.queryForMap("select * from indicator.v_net_import_reliance where commodity = 'graphite' and year = 2023");
        assertThat((BigDecimal) graphite.get("nir_computed_pct")).isEqualByComparingTo("100");
        assertThat((BigDecimal) graphite.get("apparent_consumption_t")).isEqualByComparingTo("76000");
        assertThat(graphite).containsEntry("agrees", true);
        // titanium dioxide: net exporter (E); computed (240,000 - 280,000) / 880,000 < 0
        Map<String, Object> tio2 = jdbc.queryForMap("select * from indicator.v_net_import_reliance where commodity = 'titanium' and year = 2023 and detail = 'dioxide'");
        assertThat(tio2).containsEntry("nir_published_qualifier", "E").containsEntry("agrees", true);
        assertThat(((BigDecimal) tio2.get("nir_computed_pct")).doubleValue()).isCloseTo(-40000.0 / 880000 * 100, within(0.01));
    }

    @Test
    void computesHhiCr3AndTheResidualBoundsByHand() throws IOException {
        world("mcs2024-tungs_world.csv", row("China", "60", "50") + row("Australia", "30", "30")
                + row("United States", "10", "0") + row("Other countries", "0", "20")
                + row("World total (rounded)", "100", "100"));
        computeIndicators();

        Map<String, Object> y2022 = jdbc.queryForMap("select * from indicator.v_concentration where commodity = 'tungsten' and year = 2022");
        assertThat((BigDecimal) y2022.get("hhi")).isEqualByComparingTo("4600"); // 60^2 + 30^2 + 10^2
        assertThat((BigDecimal) y2022.get("cr3")).isEqualByComparingTo("100");
        assertThat((BigDecimal) y2022.get("cr1")).isEqualByComparingTo("60");
        assertThat(y2022).containsEntry("n_producers", 3).containsEntry("top1_iso3", "CHN");

        Map<String, Object> y2023 = jdbc.queryForMap("select * from indicator.v_concentration where commodity = 'tungsten' and year = 2023");
        assertThat((BigDecimal) y2023.get("hhi")).isEqualByComparingTo("3400"); // 50^2 + 30^2 (US 0 is no producer)
        assertThat((BigDecimal) y2023.get("hhi_upper")).isEqualByComparingTo("3800"); // + 20^2 for "Other countries"
        assertThat((BigDecimal) y2023.get("cr3")).isEqualByComparingTo("80");
        assertThat(y2023).containsEntry("n_producers", 2).containsEntry("band", "highly concentrated");

        Map<String, Object> yoy = jdbc.queryForMap("select * from indicator.v_yoy_change where commodity = 'tungsten' and year = 2023");
        assertThat((BigDecimal) yoy.get("china_share_change_pp")).isEqualByComparingTo("-10");
        assertThat((BigDecimal) yoy.get("hhi_change")).isEqualByComparingTo("-1200");
        assertThat(yoy).containsEntry("previous_year", 2022);

        assertThat(number("select share_pct from indicator.v_group_share where group_code = 'allied_bloc' and commodity = 'tungsten' and year = 2022"))
                .isEqualByComparingTo("40"); // Australia 30 + United States 10
        assertThat(number("select share_pct from indicator.v_group_share where group_code = 'eu27' and commodity = 'tungsten' and year = 2022"))
                .isEqualByComparingTo("0");
    }

    @Test
    void boundsChinaShareWhenChinaIsWithheld() throws IOException {
        world("mcs2024-tungs_world.csv", row("China", "W", "W") + row("Australia", "50", "50") + row("Canada", "20", "20")
                + row("World total (rounded)", "100", "100"));
        computeIndicators();
        Map<String, Object> share = jdbc.queryForMap("select * from indicator.v_china_share where commodity = 'tungsten' and year = 2023");
        assertThat(share.get("china_share_pct")).isNull();
        assertThat((BigDecimal) share.get("china_share_lower_pct")).isEqualByComparingTo("0");
        assertThat((BigDecimal) share.get("china_share_upper_pct")).isEqualByComparingTo("30");
        assertThat(share).containsEntry("n_withheld", 1);
    }

    @Test
    void weightsConcentrationByRescaledGovernanceIndicators() throws IOException {
        world("mcs2024-tungs_world.csv", row("China", "60", "60") + row("Australia", "30", "30")
                + row("United States", "10", "10") + row("World total (rounded)", "100", "100"));
        StringBuilder wgi = new StringBuilder("\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2021\",\"2022\",\n");
        Map<String, String> estimates = Map.of("CHN", "-0.5", "AUS", "1.5", "USA", "1.0");
        for (var e : estimates.entrySet()) {
            for (String dim : List.of("CC", "GE", "PV", "RQ", "RL", "VA")) {
                wgi.append("\"x\",\"").append(e.getKey()).append("\",\"Estimate, with a comma\",\"").append(dim)
                        .append(".EST\",\"0\",\"").append(e.getValue()).append("\",\n");
            }
        }
        Path wgiFile = dir.resolve("WGIData.csv");
        Files.writeString(wgiFile, wgi.toString(), StandardCharsets.UTF_8);
        assertThat(importFile("wgi", wgiFile).status()).isEqualTo(ImportLauncher.Status.LOADED);
        computeIndicators();

        Map<String, Object> risk = jdbc.queryForMap("select * from indicator.v_supply_risk_wgi where commodity = 'tungsten' and year = 2023");
        // 0.6^2 * (2.5 + 0.5) * 2 + 0.3^2 * (2.5 - 1.5) * 2 + 0.1^2 * (2.5 - 1.0) * 2 = 2.16 + 0.18 + 0.03
        assertThat((BigDecimal) risk.get("hhi_wgi")).isEqualByComparingTo("2.37");
        assertThat(risk).containsEntry("wgi_year", 2022);
        assertThat((BigDecimal) risk.get("coverage_pct")).isEqualByComparingTo("100");
    }

    @Test
    void coversNetImportsAndConsumptionWithStockpileHoldings() throws IOException {
        loadReal();
        Path holdings = dir.resolve("stockpile.csv");
        Files.writeString(holdings, "commodity,quantity_t,as_of\ngraphite,20000,2024-06-30\nunobtainium,5,2024-06-30\n"
                + "gallium,abc,2024-06-30\n", StandardCharsets.UTF_8);
        ImportLauncher.Outcome o = importFile("stockpile", holdings, 80.0);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select reason from etl.reject where file_name = 'stockpile.csv' order by row_number", String.class))
                .containsExactly("unknown commodity 'unobtainium' (codes are in ref.commodity, e.g. rare_earths)",
                        "quantity_t is not a number: 'abc'");
        computeIndicators();

        Map<String, Object> cover = jdbc.queryForMap("select * from indicator.v_stockpile_cover where commodity = 'graphite'");
        // net imports 2023 = 84,000 - 8,400 = 75,600 t a year
        assertThat(((BigDecimal) cover.get("days_of_net_imports")).doubleValue()).isCloseTo(20000 / (75600 / 365.0), within(0.1));
        // apparent consumption 2023 as USGS publishes it (ref.usgs_nir_rule: graphite's Consump_t): 76,000 t
        assertThat(((BigDecimal) cover.get("days_of_consumption")).doubleValue()).isCloseTo(20000 / (76000 / 365.0), within(0.1));
        assertThat(cover).containsEntry("reference_year", 2023);
    }

    @Test
    void servesOneRowPerKeyAndNeverMixesSources() throws IOException {
        loadReal();
        for (String sql : List.of(
                "select count(*) from (select 1 from indicator.v_china_share group by source, commodity, stage, year having count(*) > 1) d",
                "select count(*) from (select 1 from indicator.v_concentration group by source, commodity, stage, year having count(*) > 1) d",
                "select count(*) from (select 1 from indicator.v_group_share group by group_code, source, commodity, stage, year having count(*) > 1) d",
                "select count(*) from (select 1 from indicator.v_net_import_reliance group by commodity, year, detail having count(*) > 1) d",
                "select count(*) from indicator.concentration where hhi > 10000 or cr1 > cr3 or hhi_upper < hhi")) {
            assertThat(jdbc.queryForObject(sql, Long.class)).as(sql).isZero();
        }
    }
}
