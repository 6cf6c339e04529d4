package org.mineralsetl.usgs;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every real MCS 2024 world and salient file, loaded and checked against the published numbers. */
class UsgsImportIntegrationTests extends WarehouseIntegrationTest {

    private void loadAll() throws IOException {
        for (Path f : files("world")) {
            assertThat(importFile("usgs-world", f).status()).as(f.toString()).isEqualTo(ImportLauncher.Status.LOADED);
        }
        for (Path f : files("salient")) {
            ImportLauncher.Outcome o = importFile("usgs-salient", f);
            if (f.getFileName().toString().equals("mcs2024-cobal_salient.csv")) {
                assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
            } else {
                assertThat(o.status()).as(f + ": " + o.message()).isEqualTo(ImportLauncher.Status.LOADED);
            }
        }
    }

    private static List<Path> files(String table) throws IOException {
        try (Stream<Path> s = Files.list(MCS2024.resolve(table))) {
            return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    private BigDecimal production(String commodity, String iso3, int year) {
        return jdbc.queryForObject("""
                select quantity_t from warehouse.v_production
                where source = 'usgs_mcs' and commodity = ? and country_iso3 = ? and year = ?""",
                BigDecimal.class, commodity, iso3, year);
    }

    @Test
    void loadsChinaRareEarthsAndTheWorldTotalAsPublished() throws IOException {
        loadAll();
        assertThat(production("rare_earths", "CHN", 2023)).isEqualByComparingTo("240000");
        assertThat(production("rare_earths", "CHN", 2022)).isEqualByComparingTo("210000");
        Map<String, Object> world = jdbc.queryForMap("""
                select quantity_t, stage, basis, edition from warehouse.v_production_world_total
                where commodity = 'rare_earths' and entity_kind = 'world_total' and year = 2023""");
        assertThat((BigDecimal) world.get("quantity_t")).isEqualByComparingTo("350000");
        assertThat(world).containsEntry("stage", "mine").containsEntry("basis", "rare-earth-oxide equivalent")
                .containsEntry("edition", "MCS2024");
    }

    @Test
    void convertsGalliumKilogramsToTonnesAndKeepsTheOriginal() throws IOException {
        loadAll();
        Map<String, Object> cn = jdbc.queryForMap("""
                select quantity_t, original_value, original_unit, stage from warehouse.v_production
                where commodity = 'gallium' and country_iso3 = 'CHN' and year = 2023""");
        assertThat((BigDecimal) cn.get("quantity_t")).isEqualByComparingTo("600");
        assertThat((BigDecimal) cn.get("original_value")).isEqualByComparingTo("600000");
        assertThat(cn).containsEntry("original_unit", "kg").containsEntry("stage", "refinery");
        // "Japane", "Korea, Republic ofe", "Russiae": the trailing e marks an estimate, not a new country
        assertThat(jdbc.queryForList("""
                select country_iso3 from warehouse.v_production where commodity = 'gallium' and year = 2023 and is_estimate
                order by 1""", String.class)).contains("JPN", "KOR", "RUS");
    }

    @Test
    void keepsWithheldValuesAsNullWithQualifierNeverZero() throws IOException {
        loadAll();
        Map<String, Object> us = jdbc.queryForMap("""
                select quantity_t, qualifier from warehouse.v_production
                where commodity = 'lithium' and country_iso3 = 'USA' and year = 2023""");
        assertThat(us.get("quantity_t")).isNull();
        assertThat(us).containsEntry("qualifier", "W");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact where qualifier = 'W' and quantity_t is not null",
                Long.class)).isZero();
    }

    @Test
    void keepsWorldTotalsAndResidualsApartFromCountries() throws IOException {
        loadAll();
        assertThat(jdbc.queryForObject("""
                select note from warehouse.v_production_world_total
                where commodity = 'lithium' and entity_kind = 'world_total' and year = 2023""", String.class))
                .isEqualTo("Excludes U.S. production.");
        assertThat(jdbc.queryForObject("""
                select quantity_t from warehouse.v_production_world_total
                where commodity = 'cobalt' and entity_kind = 'residual' and year = 2023""", BigDecimal.class))
                .isEqualByComparingTo("6600");
        assertThat(jdbc.queryForObject("""
                select count(*) from warehouse.v_production where country_iso3 is null""", Long.class)).isZero();
        // New Caledonia11: a footnote digit glued to the name
        assertThat(production("cobalt", "NCL", 2023)).isEqualByComparingTo("3000");
        assertThat(production("cobalt", "COD", 2023)).isEqualByComparingTo("170000");
    }

    @Test
    void parsesBoundsAndEstimatePrefixesInWorldTables() throws IOException {
        loadAll();
        Map<String, Object> reserves = jdbc.queryForMap("""
                select quantity_t, qualifier, lower_bound_t from warehouse.v_reserves_capacity
                where commodity = 'nickel' and measure = 'reserves' and entity_kind = 'world_total'""");
        assertThat(reserves.get("quantity_t")).isNull();
        assertThat(reserves).containsEntry("qualifier", ">");
        assertThat((BigDecimal) reserves.get("lower_bound_t")).isEqualByComparingTo("130000000");
        Map<String, Object> vanadium = jdbc.queryForMap("""
                select quantity_t, is_estimate from warehouse.v_production
                where commodity = 'vanadium' and country_iso3 = 'RUS' and year = 2022""");
        assertThat((BigDecimal) vanadium.get("quantity_t")).isEqualByComparingTo("20000");
        assertThat(vanadium).containsEntry("is_estimate", true);
        assertThat((BigDecimal) jdbc.queryForObject("""
                select quantity_t from warehouse.v_reserves_capacity
                where commodity = 'manganese' and measure = 'reserves' and country_iso3 = 'KAZ'""", BigDecimal.class))
                .isEqualByComparingTo("5000000");
    }

    @Test
    void loadsUsSalientStatisticsInLongFormatIncludingBrokenHeaders() throws IOException {
        loadAll();
        Map<String, Object> nir = jdbc.queryForMap("""
                select value, qualifier, lower_bound, unit from warehouse.v_us_salient
                where commodity = 'lithium' and year = 2020 and measure = 'nir_pct'""");
        assertThat(nir.get("value")).isNull();
        assertThat(nir).containsEntry("qualifier", ">").containsEntry("unit", "pct");
        assertThat((BigDecimal) nir.get("lower_bound")).isEqualByComparingTo("50");
        // nickel's duplicated "Price_dt dlb (both used)": first $/t, then $/lb
        assertThat(jdbc.queryForList("""
                select unit || '=' || value from warehouse.v_us_salient
                where commodity = 'nickel' and year = 2023 and measure = 'price' order by unit""", String.class))
                .containsExactly("usd_per_lb=9.8", "usd_per_t=22000");
        // tungsten's missing underscores: USprod_Minet, Imports_Concentratet, NIR_ct
        assertThat((BigDecimal) jdbc.queryForObject("""
                select value from warehouse.v_us_salient
                where commodity = 'tungsten' and year = 2023 and measure = 'imports' and detail = 'concentrate'""",
                BigDecimal.class)).isEqualByComparingTo("1500");
        assertThat(jdbc.queryForObject("""
                select qualifier || lower_bound from warehouse.v_us_salient
                where commodity = 'tungsten' and year = 2023 and measure = 'nir_pct' and detail = ''""", String.class)).isEqualTo(">50");
        // a corrected unit replaces the mislabelled last word: Employment_m is a head count, not a detail "m"
        assertThat(jdbc.queryForObject("""
                select unit || '=' || value from warehouse.v_us_salient
                where commodity = 'rare_earths' and year = 2023 and measure = 'employment' and detail = ''""", String.class))
                .isEqualTo("count=450");
        // rare earths: NIR_Concentrate_t is a percent column holding E (net exporter)
        assertThat(jdbc.queryForObject("""
                select qualifier from warehouse.v_us_salient
                where commodity = 'rare_earths' and year = 2023 and measure = 'nir_pct' and detail = 'concentrate'""",
                String.class)).isEqualTo("E");
        // manganese thousand tonnes become tonnes
        assertThat((BigDecimal) jdbc.queryForObject("""
                select value from warehouse.v_us_salient
                where commodity = 'manganese' and year = 2023 and measure = 'consumption' and detail = 'apparent'""",
                BigDecimal.class)).isEqualByComparingTo("690000");
        // Unicode minus
        assertThat((BigDecimal) jdbc.queryForObject("""
                select value from warehouse.v_us_salient
                where commodity = 'niobium' and year = 2019 and measure = 'shipments'""", BigDecimal.class))
                .isEqualByComparingTo("-84");
    }

    @Test
    void refusesTheCobaltSalientFileThatHoldsAWorldTable() {
        ImportLauncher.Outcome o = importFile("usgs-salient", Path.of("src/test/resources/usgs/mcs2024-cobal_salient.csv"));
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(o.message()).contains("mcs2024-cobal_salient.csv").contains("holds a world production table")
                .contains("import usgs-world");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.us_salient_fact", Long.class)).isZero();
    }

    @Test
    void rejectsNothingFromTheRealFilesAndEveryFactHasLineage() throws IOException {
        loadAll();
        assertThat(jdbc.queryForList("select file_name || ':' || row_number || ' ' || reason from etl.reject", String.class))
                .isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from warehouse.production_fact as f
                join etl.source_file as s on s.source_file_id = f.source_file_id
                join etl.load as l on l.load_id = f.load_id
                where length(s.sha256) = 64 and f.row_number > 1 and f.job_execution_id = l.job_execution_id""", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class))
                .isPositive();
    }

    @Test
    void servesOneRowPerKeyInEveryPublicView() throws IOException {
        loadAll();
        assertThat(jdbc.queryForObject("""
                select count(*) from (select 1 from warehouse.v_production
                group by source, commodity, stage, country_iso3, year having count(*) > 1) d""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from (select 1 from warehouse.v_reserves_capacity
                group by source, measure, commodity, stage, entity_kind, coalesce(country_iso3, entity_label), year
                having count(*) > 1) d""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from (select 1 from warehouse.v_us_salient
                group by commodity, year, measure, detail, unit having count(*) > 1) d""", Long.class)).isZero();
    }
}
