package org.mineralsetl.scenario;

import org.junit.jupiter.api.BeforeEach;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every measure of a supply-shock run against figures computed by hand on small fixtures: a USGS world table of
 * tungsten and a BACI-shaped year of tungsten ores (HS 261100), China cutting by half.
 */
class ShockScenarioIntegrationTests extends WarehouseIntegrationTest {

    private static final String HEADER = "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n";
    private static final String TYPE = "\"Mine production, tungsten content\"";

    @Autowired
    ScenarioRunner scenarios;

    @TempDir
    Path dir;

    private static String row(String country, String y2022, String y2023) {
        return "MCS2024," + country + "," + TYPE + "," + y2022 + "," + y2023 + ",,NA,\r\n";
    }

    private void load(String kind, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        ImportLauncher.Outcome o = importFile(kind, f);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
    }

    @BeforeEach
    void fixtures() throws IOException {
        // 2023: China 60, Australia 20, United States 10, Canada 10 of a world total of 100 t
        load("usgs-world", "mcs2024-tungs_world.csv", HEADER + row("China", "W", "60") + row("Australia", "20", "20")
                + row("United States", "10", "10") + row("Canada", "10", "10") + row("World total (rounded)", "100", "100"));
        // 2022 tungsten ores, thousand USD and tonnes: exporter i, importer j
        load("baci", "BACI_HS17_Y2022_V202301.csv", """
                t,i,j,k,v,q
                2022,36,156,261100,5.000,0.500
                2022,36,276,261100,10.000,1.000
                2022,36,842,261100,30.000,3.000
                2022,124,392,261100,50.000,5.000
                2022,124,842,261100,10.000,1.000
                2022,156,251,261100,20.000,2.000
                2022,156,276,261100,40.000,4.000
                2022,156,842,261100,600.000,60.000
                2022,276,251,261100,20.000,2.000
                """);
        load("stockpile", "stockpile.csv", "commodity,quantity_t,as_of\ntungsten,15,2024-06-30\ntungsten,99,2020-01-01\n");
    }

    private ScenarioRun halveChina() {
        return scenarios.shock(new ShockParameters(List.of("tungsten"), List.of("CHN"), new BigDecimal("50"), null, null, "halve"));
    }

    private BigDecimal value(long run, String party, String measure) {
        return value(run, party, measure, "");
    }

    private BigDecimal value(long run, String party, String measure, String detail) {
        return jdbc.queryForObject("""
                select value from indicator.v_scenario_result
                where run_id = ? and party = ? and measure = ? and detail = ?""", BigDecimal.class, run, party, measure, detail);
    }

    @Test
    void cutsWorldProductionAndRecomputesConcentration() {
        long run = halveChina().runId();
        // the latest year, 2023
        assertThat(jdbc.queryForObject("select distinct year from indicator.v_scenario_result where run_id = ? and party = 'WLD'",
                Integer.class, run)).isEqualTo(2023);
        assertThat(value(run, "WLD", "world_supply_before_t")).isEqualByComparingTo("100");
        assertThat(value(run, "WLD", "exporter_production_t")).isEqualByComparingTo("60");
        assertThat(value(run, "WLD", "shortfall_t")).isEqualByComparingTo("30");
        assertThat(value(run, "WLD", "world_supply_after_t")).isEqualByComparingTo("70");
        assertThat(value(run, "WLD", "exporter_share_before_pct")).isEqualByComparingTo("60");
        assertThat(value(run, "WLD", "exporter_share_after_pct").doubleValue()).isCloseTo(100.0 * 30 / 70, within(0.0001));
        assertThat(value(run, "WLD", "hhi_before")).isEqualByComparingTo("4200"); // 60^2 + 20^2 + 10^2 + 10^2
        // after: 30, 20, 10, 10 of 70 t
        assertThat(value(run, "WLD", "hhi_after").doubleValue()).isCloseTo(1500.0 / 4900 * 10000, within(0.0001));
        assertThat(value(run, "WLD", "cr3_before")).isEqualByComparingTo("90");
        assertThat(value(run, "WLD", "cr3_after").doubleValue()).isCloseTo(100.0 * 60 / 70, within(0.0001));
    }

    @Test
    void leavesTheCutUnknownWhenTheExporterIsWithheld() {
        long run = scenarios.shock(new ShockParameters(List.of("tungsten"), List.of("CHN"), new BigDecimal("50"), null, 2022,
                null)).runId();
        assertThat(value(run, "WLD", "shortfall_t")).isNull();
        assertThat(value(run, "WLD", "hhi_after")).isNull();
        assertThat(jdbc.queryForObject("select note from indicator.v_scenario_result where run_id = ? and measure = 'shortfall_t'",
                String.class, run)).contains("withheld");
    }

    @Test
    void measuresTheImportsAnImporterLosesAndWhoCouldReplaceThem() {
        long run = halveChina().runId();
        // USA buys 600 (China) + 30 (Australia) + 10 (Canada) thousand USD, 60 + 3 + 1 t
        assertThat(value(run, "USA", "imports_before_usd")).isEqualByComparingTo("640000");
        assertThat(value(run, "USA", "imports_before_t")).isEqualByComparingTo("64");
        assertThat(value(run, "USA", "imports_denominator_usd")).isEqualByComparingTo("640000");
        assertThat(value(run, "USA", "imports_lost_usd")).isEqualByComparingTo("300000");
        assertThat(value(run, "USA", "imports_lost_t")).isEqualByComparingTo("30");
        assertThat(value(run, "USA", "imports_lost_pct")).isEqualByComparingTo("46.875");
        // shares 93.75, 4.6875, 1.5625 %; after the cut 300, 30, 10 of 340
        assertThat(value(run, "USA", "supplier_hhi_before")).isEqualByComparingTo("8813.4766");
        assertThat(value(run, "USA", "supplier_hhi_after").doubleValue()).isCloseTo(91000.0 / 115600 * 10000, within(0.0001));
        // spare = exports to the world - already to the USA: Canada 60 - 10, Germany 20 - 0, Australia 45 - 30
        assertThat(value(run, "USA", "alternative_supplier_spare_usd", "CAN")).isEqualByComparingTo("50000");
        assertThat(value(run, "USA", "alternative_supplier_spare_usd", "DEU")).isEqualByComparingTo("20000");
        assertThat(value(run, "USA", "alternative_supplier_spare_usd", "AUS")).isEqualByComparingTo("15000");
        assertThat(value(run, "USA", "alternative_supply_usd")).isEqualByComparingTo("85000");
        assertThat(value(run, "USA", "alternative_cover_pct").doubleValue()).isCloseTo(100.0 * 85 / 300, within(0.0001));
        assertThat(jdbc.queryForList("select distinct is_upper_bound from indicator.v_scenario_result where run_id = ? and measure like 'alternative%'",
                Boolean.class, run)).containsExactly(true);
        // the latest holding, 15 t, against 30 t a year lost
        assertThat(value(run, "USA", "stockpile_days_of_cover")).isEqualByComparingTo("182.5");
    }

    @Test
    void countsAGroupsImportsFromOutsideItOnly() {
        long run = halveChina().runId();
        // EU27: Germany buys 40 (China) + 10 (Australia), France 20 (China) + 20 (Germany, inside the group)
        assertThat(value(run, "eu27", "imports_before_usd")).isEqualByComparingTo("70000");
        assertThat(value(run, "eu27", "imports_denominator_usd")).isEqualByComparingTo("70000");
        assertThat(value(run, "eu27", "imports_lost_usd")).isEqualByComparingTo("30000");
        assertThat(value(run, "eu27", "imports_lost_t")).isEqualByComparingTo("3");
        assertThat(value(run, "eu27", "imports_lost_pct").doubleValue()).isCloseTo(100.0 * 30 / 70, within(0.0001));
        assertThat(value(run, "eu27", "supplier_hhi_before").doubleValue()).isCloseTo(3700.0 / 4900 * 10000, within(0.0001));
        assertThat(value(run, "eu27", "supplier_hhi_after")).isEqualByComparingTo("6250"); // 30 and 10 of 40
        // Germany is inside: the alternatives are Australia (45 - 10) and Canada (60 - 0)
        assertThat(value(run, "eu27", "alternative_supply_usd")).isEqualByComparingTo("95000");
        assertThat(value(run, "eu27", "alternative_cover_pct")).isEqualByComparingTo("100");
        assertThat(value(run, "FRA", "imports_lost_pct")).isEqualByComparingTo("25");
    }

    @Test
    void leavesOutThePartiesThatHoldEveryExporter() {
        long run = halveChina().runId();
        // China imports from Australia, but its own cut costs it nothing: no rows for it or its groups
        assertThat(jdbc.queryForList("select distinct party from indicator.v_scenario_result where run_id = ? and party_kind <> 'world'",
                String.class, run)).doesNotContain("CHN", "china_mainland", "greater_china").contains("USA", "eu27", "allied_bloc");
    }

    @Test
    void expandsAGroupOfExportersAndRecordsTheRun() {
        ScenarioRun byGroup = scenarios.shock(new ShockParameters(List.of("tungsten"), List.of("greater_china"),
                new BigDecimal("50"), "mine", null, null));
        assertThat(value(byGroup.runId(), "USA", "imports_lost_usd")).isEqualByComparingTo("300000");
        Map<String, Object> run = jdbc.queryForMap("select * from indicator.v_scenario_run where run_id = ?", byGroup.runId());
        assertThat(run.get("editions").toString()).contains("\"baci\": [\"V202301\"]").contains("\"usgs_mcs\": [\"MCS2024\"]");
        assertThat(run.get("parameters").toString()).contains("\"exporters\": [\"greater_china\"]").contains("\"cut_pct\": 50");
        assertThat(run.get("finished_at")).isNotNull();
        assertThat(byGroup.results()).isEqualTo(jdbc.queryForObject("select count(*) from indicator.v_scenario_result where run_id = ?",
                Integer.class, byGroup.runId()));
        assertThat(scenarios.drop(byGroup.runId())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from indicator.scenario_result where run_id = ?", Integer.class,
                byGroup.runId())).isZero();
    }

    @Test
    void refusesUnknownCodesAndCutsOutsideZeroToHundred() {
        assertThatThrownBy(() -> scenarios.shock(new ShockParameters(List.of("unobtainium"), List.of("CHN"), BigDecimal.TEN,
                null, null, null))).hasMessageContaining("unknown commodity unobtainium");
        assertThatThrownBy(() -> scenarios.shock(new ShockParameters(List.of("tungsten"), List.of("XXX"), BigDecimal.TEN,
                null, null, null))).hasMessageContaining("unknown exporter XXX");
        assertThatThrownBy(() -> scenarios.shock(new ShockParameters(List.of("tungsten"), List.of("CHN"), new BigDecimal("150"),
                null, null, null))).hasMessageContaining("between 0 and 100");
        assertThat(jdbc.queryForObject("select count(*) from indicator.scenario_run", Integer.class)).isZero();
    }
}
