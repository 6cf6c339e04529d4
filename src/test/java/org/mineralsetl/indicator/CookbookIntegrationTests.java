package org.mineralsetl.indicator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every query of the SQL cookbook (docs/cookbook.md), as printed there, against the real samples (MCS 2024 and
 * WGI), so that the cookbook cannot rot.
 */
class CookbookIntegrationTests extends WarehouseIntegrationTest {

    private static final Pattern QUESTION = Pattern.compile("(?ms)^### (\\d+)\\. (.*?)$.*?^```sql\\n(.*?)^```");

    @Autowired
    IndicatorRunner indicators;

    static Map<String, String> cookbook() throws IOException {
        String cookbook = Files.readString(Path.of("docs/cookbook.md"));
        Matcher m = QUESTION.matcher(cookbook);
        Map<String, String> queries = new LinkedHashMap<>();
        while (m.find()) {
            queries.put(m.group(1) + ". " + m.group(2), m.group(3).strip().replaceAll(";$", ""));
        }
        return queries;
    }

    @BeforeEach
    void loadSamples() throws IOException {
        for (String table : List.of("world", "salient")) {
            try (Stream<Path> s = Files.list(MCS2024.resolve(table))) {
                for (Path f : s.sorted().toList()) {
                    importFile("usgs-" + table, f);
                }
            }
        }
        importFile("wgi", Path.of("input-samples/wgi/WGIData.csv"));
        try (Stream<Path> s = Files.list(Path.of("input-samples/comtrade/v1_api"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                importFile("comtrade", f);
            }
        }
        assertThat(indicators.run().ok()).isTrue();
    }

    @Test
    void everyCookbookQueryRunsAndAnswersFromTheSamples() throws IOException {
        Map<String, String> queries = cookbook();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
        Map<String, List<Map<String, Object>>> answers = new LinkedHashMap<>();
        for (var q : queries.entrySet()) {
            List<Map<String, Object>> rows = jdbc.queryForList(q.getValue());
            assertThat(rows).as(q.getKey()).isNotEmpty();
            answers.put(q.getKey().substring(0, q.getKey().indexOf('.')), rows);
        }
        assertThat(answers.get("1")).extracting(r -> r.get("commodity")).contains("gallium", "graphite", "rare_earths");
        assertThat(answers.get("1")).extracting(r -> r.get("commodity")).doesNotContain("cobalt", "niobium");
        assertThat(answers.get("3").get(0)).containsEntry("commodity", "gallium").containsEntry("top1_iso3", "CHN");
        assertThat(answers.get("5")).extracting(r -> r.get("country_iso3")).containsOnly("USA");
        assertThat(answers.get("6")).extracting(r -> r.get("commodity")).contains("graphite");
        assertThat(answers.get("8")).allSatisfy(r -> assertThat(((Number) r.get("coverage_pct")).doubleValue()).isLessThanOrEqualTo(100.0));
        assertThat(answers.get("9")).extracting(r -> r.get("file_name")).containsOnly("mcs2024-raree_world.csv");
        assertThat(answers.get("11")).extracting(r -> r.get("commodity")).contains("gallium", "rare_earths")
                .doesNotContain("iron_ore");
        assertThat(answers.get("12")).filteredOn(r -> "graphite".equals(r.get("commodity")) && ((Number) r.get("year")).intValue() == 2023)
                .singleElement().satisfies(r -> assertThat(r).containsEntry("method", "usgs_parts")
                        .containsEntry("form", "consumption_less_production").containsEntry("parts", "consumption (total)"));
        assertThat(answers.get("10")).extracting(r -> r.get("commodity")).contains("rare_earths", "lithium", "cobalt", "graphite");
        assertThat(answers.get("10")).allSatisfy(r -> assertThat(((Number) r.get("china_share_of_world_pct")).doubleValue())
                .isBetween(0.0, 100.0));
        // trade-based risk: China's mirror imports (DR Congo's cobalt, Indonesia's nickel) change its GeoPolRisk
        assertThat(answers.get("31")).extracting(r -> r.get("importer_code")).contains("CHN");
        assertThat(answers.get("34")).extracting(r -> r.get("commodity")).contains("cobalt", "nickel");
        assertThat(answers.get("21")).extracting(r -> r.get("group_code")).contains("allied_bloc", "china_mainland");
    }
}
