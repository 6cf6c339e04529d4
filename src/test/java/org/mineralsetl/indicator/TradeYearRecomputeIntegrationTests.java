package org.mineralsetl.indicator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.baci.BaciSampleFile;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trade indicators are recomputed for the trade years whose inputs changed since the last completed run
 * (V41__trade_indicator_years.sql), and what they then hold equals a recompute of every year.
 */
class TradeYearRecomputeIntegrationTests extends WarehouseIntegrationTest {

    private static final List<String> TRADE_TABLES = List.of("trade_import", "import_dependence", "group_dependence",
            "geopolrisk", "eu_supply_risk", "group_self_sufficiency");

    @Autowired
    IndicatorRunner indicators;

    @TempDir
    Path dir;

    @Test
    void recomputesOnlyTheYearALoadChangedAndEndsEqualToARecomputeOfEveryYear() throws IOException {
        loadTwoBaciYearsAndProduction();
        run(indicators.run());
        assertThat(years("trade_year_pending")).isEmpty();
        assertThat(years("trade_year_recompute")).as("forgotten when the run completes").isEmpty();
        assertThat(rowsOf(2021)).isPositive();
        assertThat(rowsOf(2022)).isPositive();
        String computed2021 = computedAt(2021);
        String computed2022 = computedAt(2022);

        // a re-delivery of the 2022 file with other flows
        Path again = Files.createDirectories(dir.resolve("again")).resolve("BACI_HS17_Y2022_V202301.csv");
        BaciSampleFile.write(again, 6_000, 2022, 99);
        load("baci", again);
        assertThat(years("trade_year_pending")).containsExactly((short) 2022);

        run(indicators.run());
        assertThat(computedAt(2021)).as("2021 left as it was").isEqualTo(computed2021);
        assertThat(computedAt(2022)).as("2022 recomputed").isNotEqualTo(computed2022);
        Map<String, String> incremental = contents();

        run(indicators.runFull());
        assertThat(computedAt(2021)).isNotEqualTo(computed2021);
        assertThat(contents()).isEqualTo(incremental);
    }

    @Test
    void aChangeToANonTradeInputMarksEveryTradeYear() throws IOException {
        loadTwoBaciYearsAndProduction();
        run(indicators.run());

        // a statement on a watched reference table, even one that changes no value
        jdbc.update("update ref.indicator_setting set value = value where setting = 'trade_basis'");
        assertThat(years("trade_year_pending")).containsExactly((short) 2021, (short) 2022);
    }

    @Test
    void redoesTheYearsAnUnfinishedRunLeftAndEveryYearAfterANewIndicatorSql() throws IOException {
        loadTwoBaciYearsAndProduction();
        run(indicators.run());
        String computed2021 = computedAt(2021);
        String computed2022 = computedAt(2022);

        // what a run that failed after taking its years leaves behind
        jdbc.update("insert into indicator.trade_year_recompute (year) values (2021)");
        run(indicators.run());
        assertThat(computedAt(2021)).isNotEqualTo(computed2021);
        assertThat(computedAt(2022)).isEqualTo(computed2022);
        assertThat(years("trade_year_recompute")).isEmpty();

        // the indicator SQL of another release
        computed2021 = computedAt(2021);
        jdbc.update("update indicator.recompute_state set indicator_sha256 = 'another release'");
        run(indicators.run());
        assertThat(computedAt(2021)).isNotEqualTo(computed2021);
        assertThat(computedAt(2022)).isNotEqualTo(computed2022);
    }

    private void loadTwoBaciYearsAndProduction() throws IOException {
        for (int year : List.of(2021, 2022)) {
            Path file = dir.resolve("BACI_HS17_Y" + year + "_V202301.csv");
            BaciSampleFile.write(file, 6_000, year, year);
            load("baci", file);
        }
        load("usgs-world", MCS2024.resolve("world/mcs2024-cobal_world.csv"));
        load("usgs-world", MCS2024.resolve("world/mcs2024-raree_world.csv"));
        load("wgi", Path.of("input-samples/wgi/WGIData.csv"));
    }

    private void load(String kind, Path file) {
        ImportLauncher.Outcome o = importFile(kind, file);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
    }

    private static void run(IndicatorRunner.Result r) {
        assertThat(r.ok()).as(r.message()).isTrue();
    }

    private List<Short> years(String table) {
        return jdbc.queryForList("select year from indicator." + table + " order by year", Short.class);
    }

    private long rowsOf(int year) {
        return jdbc.queryForObject("select count(*) from indicator.import_dependence where year = ?", Long.class, year);
    }

    /** When the year's rows of every trade indicator were written. */
    private String computedAt(int year) {
        return jdbc.queryForObject("""
                select string_agg(distinct computed_at::text, ',')
                from (select computed_at from indicator.import_dependence where year = ?
                      union all select computed_at from indicator.geopolrisk where year = ?
                      union all select computed_at from indicator.group_dependence where year = ?) as t""",
                String.class, year, year, year);
    }

    /** Per trade table, its row count and a digest of its rows without computed_at. */
    private Map<String, String> contents() {
        Map<String, String> contents = new LinkedHashMap<>();
        for (String table : TRADE_TABLES) {
            contents.put(table, jdbc.queryForObject("""
                    select count(*) || ' ' || coalesce(md5(string_agg(r, E'\\n' order by r)), '')
                    from (select (to_jsonb(t) - 'computed_at')::text as r from indicator.%s as t) as rows"""
                    .formatted(table), String.class));
        }
        return contents;
    }
}
