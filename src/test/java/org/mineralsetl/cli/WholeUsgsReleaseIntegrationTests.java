package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run-all} over the whole USGS MCS 2024 data release as published (77 world tables, 85 salient files, the
 * aggregates and the revision file beside them; copied from the shared real data, see
 * src/test/resources/usgs/SOURCES.md): every world and salient file loads, the only rejects being two impossible
 * values USGS published; the three salient-named files that hold world tables are refused with their reason.
 */
class WholeUsgsReleaseIntegrationTests extends WarehouseIntegrationTest {

    static final Path RELEASE = Path.of("src/test/resources/usgs/mcs2024-release");

    @Autowired
    RunAll runAll;

    private static List<String> csvFiles(String table) throws IOException {
        try (Stream<Path> s = Files.list(RELEASE.resolve(table))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
        }
    }

    @Test
    void runAllLoadsEveryWorldAndSalientFileRejectingOnlyImpossiblePublishedValues() throws IOException {
        assertThat(RELEASE.resolve("world")).as("the whole MCS 2024 release is expected in " + RELEASE.toAbsolutePath().normalize()
                + " (copied from shared/real-data); without it this test cannot prove the release loads").isDirectory();
        List<String> world = csvFiles("world");
        List<String> salient = csvFiles("salient");
        assertThat(world).hasSize(77);
        assertThat(salient).hasSize(85);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // the asbestos and tellurium salient files carry one impossible value each in 5 rows (20 %): threshold 25 %
        int exit = runAll.directory(RELEASE, 25.0, true, new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains(": 159 files loaded (").contains(" 2 rejected + ").contains("3 refused, 0 failed, 0 over the reject threshold");
        // the only rejects: two impossible values USGS published (negative imports and exports, ref.measure)
        assertThat(jdbc.queryForList("select file_name || ' ' || column_name || ' ' || raw_text from etl.reject order by 1",
                String.class)).as(out.toString())
                .containsExactly("mcs2024-asbes_salient.csv Imports_t -4", "mcs2024-tellu_salient.csv Exports_t -2");
        assertThat(jdbc.queryForList("""
                select f.file_name from etl.load as l join etl.source_file as f using (source_file_id)
                where l.status = 'COMPLETED' order by 1""", String.class))
                .hasSize(159).containsAll(world)
                .containsAll(salient.stream().filter(n -> !n.matches("mcs2024-(cobal|gypsu|kyani)_salient.csv")).toList());
        assertThat(out.toString())
                .contains("refused  mcs2024-cobal_salient.csv is named as US salient statistics but holds a world production table")
                .contains("refused  mcs2024-gypsu_salient.csv is named as US salient statistics but is a byte-identical copy of the world production table mcs2024-gypsu_world.csv")
                .contains("refused  mcs2024-kyani_salient.csv is named as US salient statistics but is a byte-identical copy of the world production table mcs2024-kyani_world.csv");

        // every slug of the release is a commodity; the 2022 US critical list is flagged
        assertThat(jdbc.queryForObject("select count(distinct commodity) from warehouse.production_fact", Long.class)).isGreaterThan(80);
        assertThat(jdbc.queryForObject("select count(*) from ref.commodity where is_critical_us_2022", Long.class)).isEqualTo(50);
        // a type column named after its text loads: fluorspar; several products of one file stay apart
        assertThat(production("fluorspar", "mine", "production", "MEX", 2023)).isEqualByComparingTo("1000000");
        assertThat(production("bauxite", "mine", "production", "AUS", 2022)).isPositive();
        assertThat(production("alumina", "refinery", "production", "AUS", 2022)).isPositive();
        assertThat(production("copper", "refinery", "production", "CHN", 2023)).isPositive();
        assertThat(production("copper", "mine", "production", "CHL", 2023)).isEqualByComparingTo("5000000");
        // units: cents per pound become dollars per pound; carats become tonnes (0.2 g a carat)
        assertThat(salient("zinc", 2023, "price", "lme", "usd_per_lb")).isPositive();
        assertThat(jdbc.queryForObject("""
                select original_unit || ' ' || original_value || ' -> ' || quantity_t from warehouse.production_fact
                where commodity = 'diamond_industrial' and measure = 'production' and entity_kind = 'world_total' and year = 2023""",
                String.class)).matches("mct \\d+(\\.\\d+)? -> \\d+(\\.\\d+)?");
        // words in numeric cells are a qualifier, not a reject: rhenium employment "Small"
        assertThat(jdbc.queryForObject("""
                select qualifier || ':' || original_text from warehouse.us_salient_fact
                where commodity = 'rhenium' and measure = 'employment' and year = 2023""", String.class)).isEqualTo("text:Small");
        // shifted salient files are read as their metadata names the values: fluorspar's NIR is 100, not its employment
        assertThat(salient("fluorspar", 2023, "nir_pct", "", "pct")).isEqualByComparingTo("100");

        // net import reliance as USGS computes it: at least 90 % of the published numbers within 2 points
        Map<String, Object> nir = jdbc.queryForMap("""
                select count(*) filter (where nir_published is not null) as published,
                       count(*) filter (where nir_published is not null and agrees) as within_2_points
                from indicator.v_net_import_reliance where edition = 'MCS2024'""");
        long published = ((Number) nir.get("published")).longValue();
        long within = ((Number) nir.get("within_2_points")).longValue();
        assertThat(published).isEqualTo(283);
        assertThat(100.0 * within / published).as(within + " of " + published).isGreaterThanOrEqualTo(90.0);
    }

    private BigDecimal production(String commodity, String stage, String measure, String iso3, int year) {
        return jdbc.queryForObject("""
                select quantity_t from warehouse.production_fact
                where source = 'usgs_mcs' and commodity = ? and stage = ? and measure = ? and country_iso3 = ? and year = ?""",
                BigDecimal.class, commodity, stage, measure, iso3, year);
    }

    private BigDecimal salient(String commodity, int year, String measure, String detail, String unit) {
        return jdbc.queryForObject("""
                select value from warehouse.us_salient_fact
                where commodity = ? and year = ? and measure = ? and detail = ? and unit = ?""",
                BigDecimal.class, commodity, year, measure, detail, unit);
    }
}
