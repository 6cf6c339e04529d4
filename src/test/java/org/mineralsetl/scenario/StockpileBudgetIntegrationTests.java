package org.mineralsetl.scenario;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.indicator.IndicatorRunner;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A stockpile budget against figures computed by hand: antimony priced in $/lb, graphite in $/t (two series, flake
 * chosen by ref.scenario_price_series), cobalt without salient statistics; US imports of graphite from a
 * BACI-shaped fixture.
 */
class StockpileBudgetIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    ScenarioRunner scenarios;

    @Autowired
    IndicatorRunner indicators;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private void load(String kind, String name, String text) throws IOException {
        ImportLauncher.Outcome o = importFile(kind, write(name, text));
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
    }

    @BeforeEach
    void fixtures() throws IOException {
        // antimony 2023: production 250, imports 1,000, exports 0 t: consumption 1,250 t, NIR 80 %, net imports 1,000 t
        load("usgs-salient", "mcs2024-antim_salient.csv", """
                DataSource,Commodity,Year,USprod_Smelter_Secondary_t,Imports_Ore_t,Exports_Ore_t,Consump_t,Price_Metal_dlb,NIR_pct
                MCS2024,Antimony,2022,250,900,0,1150,6,78
                MCS2024,Antimony,2023,250,1000,0,1250,5,80
                """);
        // graphite 2023: imports 2,000 t, NIR 100 %; flake $1,000/t, lump $2,500/t
        load("usgs-salient", "mcs2024-graph_salient.csv", """
                DataSource,Commodity,Year,USprod_t,Imports_t,Exports_t,Consump_t,Price_Flake_dt,Price_Lump_dt,NIR_pct
                MCS2024,Graphite (Natural),2023,0,2000,0,2000,1000,2500,100
                """);
        // US imports of natural graphite (HS 250410) 2022: China 75, Canada 25 thousand USD
        load("baci", "BACI_HS17_Y2022_V202301.csv", """
                t,i,j,k,v,q
                2022,124,842,250410,25.000,20.000
                2022,156,842,250410,75.000,60.000
                """);
        IndicatorRunner.Result r = indicators.run();
        assertThat(r.ok()).as(r.message()).isTrue();
    }

    private BigDecimal value(long run, String commodity, String measure) {
        return jdbc.queryForObject("""
                select value from indicator.v_scenario_result where run_id = ? and commodity = ? and measure = ?""",
                BigDecimal.class, run, commodity, measure);
    }

    @Test
    void buysTonnesAtConvertedPricesAndCountsDaysOfNetImports() throws IOException {
        Path file = write("allocation.csv", "commodity,share_pct\nantimony,50\ngraphite,30\ncobalt,20\n");
        long run = scenarios.stockpile(AllocationFile.read(file, new BigDecimal("10000000"), "test")).runId();

        // antimony: $5/lb = 5 / 0.45359237 x 1,000 $/t; 5,000,000 USD buy 453.59237 t; 1,000 t of net imports a year
        assertThat(value(run, "antimony", "budget_usd")).isEqualByComparingTo("5000000");
        assertThat(value(run, "antimony", "price_usd_per_t").doubleValue()).isCloseTo(11023.1131, within(0.0001));
        assertThat(value(run, "antimony", "tonnes_bought")).isEqualByComparingTo("453.5924");
        assertThat(value(run, "antimony", "net_imports_t")).isEqualByComparingTo("1000");
        assertThat(value(run, "antimony", "days_of_net_imports").doubleValue()).isCloseTo(453.59237 / (1000 / 365.0), within(0.0001));
        // no US import figures for antimony: no China share, no days of it
        assertThat(value(run, "antimony", "days_of_china_imports")).isNull();

        // graphite: flake $1,000/t; 3,000,000 USD buy 3,000 t; 2,000 t a year; China 75 % of US imports by value
        assertThat(value(run, "graphite", "price_usd_per_t")).isEqualByComparingTo("1000");
        assertThat(jdbc.queryForObject("select detail || ' ' || year || ' ' || note from indicator.v_scenario_result where run_id = ? and commodity = 'graphite' and measure = 'price_usd_per_t'",
                String.class, run)).isEqualTo("flake 2023 USGS Price_Flake_dt 2023: 1000 usd_per_t");
        assertThat(value(run, "graphite", "tonnes_bought")).isEqualByComparingTo("3000");
        assertThat(value(run, "graphite", "days_of_net_imports")).isEqualByComparingTo("547.5");
        assertThat(value(run, "graphite", "china_share_of_imports_pct")).isEqualByComparingTo("75");
        assertThat(value(run, "graphite", "days_of_china_imports")).isEqualByComparingTo("730");

        // cobalt has no price: listed with the reason, its 2,000,000 USD unspent
        Map<String, Object> cobalt = jdbc.queryForMap("select value, note from indicator.v_scenario_result where run_id = ? and commodity = 'cobalt' and measure = 'not_priced'", run);
        assertThat(cobalt.get("note").toString()).contains("no USGS price");
        assertThat(value(run, "", "unspent_usd")).isEqualByComparingTo("2000000");
        assertThat(value(run, "", "spent_usd")).isEqualByComparingTo("8000000");
        assertThat(jdbc.queryForObject("select parameters ->> 'file_sha256' from indicator.v_scenario_run where run_id = ?", String.class, run))
                .hasSize(64);
    }

    @Test
    void allocatesEquallyOrByNetImportReliance() {
        long equal = scenarios.stockpile(new StockpileParameters(new BigDecimal("1000"), "equal", null, null, null, null)).runId();
        assertThat(value(equal, "antimony", "share_pct")).isEqualByComparingTo("50");
        assertThat(value(equal, "graphite", "share_pct")).isEqualByComparingTo("50");

        long byNir = scenarios.stockpile(new StockpileParameters(new BigDecimal("1800"), "by-import-reliance", null, null, null, null)).runId();
        // NIR 80 and 100 %: shares 80/180 and 100/180
        assertThat(value(byNir, "antimony", "budget_usd")).isEqualByComparingTo("800");
        assertThat(value(byNir, "graphite", "budget_usd")).isEqualByComparingTo("1000");
    }

    @Test
    void refusesAnAllocationFileThatWouldLoseAShare() throws IOException {
        assertThatThrownBy(() -> AllocationFile.read(write("a.csv", "commodity,share_pct\nantimony,abc\n"), BigDecimal.TEN, null))
                .hasMessageContaining("line 2: share_pct is not a number");
        assertThatThrownBy(() -> AllocationFile.read(write("b.csv", "commodity,share_pct\nantimony,60\ngraphite,50\n"), BigDecimal.TEN, null))
                .hasMessageContaining("more than 100");
        assertThatThrownBy(() -> scenarios.stockpile(AllocationFile.read(write("c.csv", "commodity,share_pct\nkryptonite,10\n"),
                BigDecimal.TEN, null))).hasMessageContaining("unknown commodity kryptonite");
    }

    @Test
    void convertsEveryPriceUnitToDollarsPerTonne() {
        Map<String, String> perUnitOfOne = Map.of(
                "usd_per_t", "1",
                "usd_per_kg", "1000",
                "usd_per_lb", "2204.62262185",        // 1 / 0.45359237 kg
                "cents_per_lb", "22.0462262185",
                "usd_per_troy_oz", "32150.7465686",   // 1,000,000 / 31.1034768 g
                "usd_per_mtu", "100");                // a metric ton unit is 10 kg
        perUnitOfOne.forEach((unit, expected) -> assertThat(jdbc.queryForObject(
                "select usd_per_t from ref.price_unit where unit = ?", BigDecimal.class, unit).doubleValue())
                .as(unit).isCloseTo(Double.parseDouble(expected), within(1e-6)));
        assertThat(jdbc.queryForObject("select count(*) from ref.price_unit", Integer.class)).isEqualTo(perUnitOfOne.size());
    }
}
