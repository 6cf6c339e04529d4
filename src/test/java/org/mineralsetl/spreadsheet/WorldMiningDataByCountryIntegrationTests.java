package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.LoadSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * World Mining Data's by-country layout (one sheet per country, rows = minerals), built by
 * {@link WorldMiningDataByCountryWorkbook} from the real by-mineral workbook (input-samples/world_mining_data,
 * attribution in input-samples/SOURCES.md) and loaded through jobs/sources/wmd-by-country.yml alone: the same facts
 * as the by-mineral workbook through wmd.yml, and what happens when both layouts of one edition are loaded.
 */
class WorldMiningDataByCountryIntegrationTests extends WarehouseIntegrationTest {

    private static final String FUELS = "Steam coal |Coking coal|Lignite|Natural Gas|Oil Sands|Oil Shales|Petroleum";

    /** Every fact of one load: key to the values and qualifiers compared between the layouts (not the lineage). */
    private static final String FACTS = """
            select commodity || ' ' || stage || ' ' || measure || ' ' || entity_key || ' ' || year as key,
                   concat_ws(' | ', trim_scale(quantity_t), trim_scale(original_value), original_text, qualifier,
                             is_estimate, trim_scale(lower_bound_t), trim_scale(upper_bound_t), basis, note,
                             entity_kind, entity_label, edition) as facts
            from warehouse.production_fact
            where source = 'wmd' and load_id = ?""";

    @TempDir
    Path dir;

    private Path byCountry(UnaryOperator<Map<String, List<Object[]>>> edit) throws IOException {
        return WorldMiningDataByCountryWorkbook.pivot(WorldMiningDataImportIntegrationTests.WMD, dir, edit);
    }

    private LoadSummary load(String kind, Path file) {
        ImportLauncher.Outcome o = importFile(kind, file);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);
        return o.load().orElseThrow();
    }

    private Map<String, String> facts(long loadId) {
        Map<String, String> facts = new LinkedHashMap<>();
        jdbc.query(FACTS, rs -> {
            facts.put(rs.getString("key"), rs.getString("facts"));
        }, loadId);
        return facts;
    }

    @Test
    void loadsTheByCountryLayoutByItsMappingAloneWithTheFactsOfTheByMineralWorkbook() throws IOException {
        Path file = byCountry(UnaryOperator.identity());
        assertThat(kind("mapping:wmd-by-country").recognises().test(file)).isTrue();
        assertThat(kind("mapping:wmd").recognises().test(file)).isFalse();

        LoadSummary byMineral = load("mapping:wmd", WorldMiningDataImportIntegrationTests.WMD);
        Map<String, String> expected = facts(byMineral.loadId());
        long started = System.nanoTime();
        LoadSummary load = load("mapping:wmd-by-country", file);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, String> actual = facts(load.loadId());

        assertThat(expected).hasSize(7719);
        assertThat(actual).isEqualTo(expected);
        assertThat(load.rowsRejected()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from etl.reject", Long.class)).isZero();
        assertThat(load.factsMerged()).isEqualTo(7719);
        assertThat(load.edition()).isEqualTo("WMD2017");
        // every row of the pivot is accounted for: the 1,583 country rows of minerals in scope loaded; ignored with
        // their reason the 306 country rows of the 7 mineral-fuel sheets and the Total sheet's 63 rows (its 7 fuel
        // rows as fuels)
        assertThat(load.rowsLoaded()).isEqualTo(1583);
        assertThat(load.rowsIgnored()).isEqualTo(306 + 63);
        assertThat(load.rowsRead()).isEqualTo(1583 + 306 + 63);
        assertThat(jdbc.queryForList("""
                select reason || ': ' || count(*) from etl.ignored_row where load_id = ? group by reason order by reason""",
                String.class, load.loadId())).containsExactly(
                "Total sheet: the sums of the country sheets, derivable in the warehouse: 56",
                "a mineral fuel: out of scope of this warehouse (and natural gas is in Mio m3, not a mass): 313");
        assertThat(jdbc.queryForObject("select count(*) from etl.ignored_row where load_id = ? and reason like"
                + " 'a mineral fuel%' and raw_text !~ ?", Long.class, load.loadId(), "^(" + FUELS + ")\t")).isZero();

        // the same source and edition: the second load replaced every fact of the first, and changed none
        assertThat(jdbc.queryForList("select load_id || '>' || by_load_id || ':' || facts from etl.superseded",
                String.class)).containsExactly(byMineral.loadId() + ">" + load.loadId() + ":7719");
        assertThat(jdbc.queryForObject("select count(*) from etl.superseded_production_change", Long.class)).isZero();
        System.out.printf("wmd-by-country: %d facts compared with the by-mineral load, %d rejects, %d rows read,"
                + " loaded in %d ms%n", actual.size(), load.rowsRejected(), load.rowsRead(), millis);

        // no Java names this layout: it is the mapping file and nothing else
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("by_Countries") || text.contains("Production_of_Mineral")
                            || text.contains("Sources of data") || text.contains("(Mio m") || text.contains("Steam coal");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList()).isEmpty();
        }
    }

    @Test
    void sumsTheSheetsRussiaAsiaAndRussiaEuropeIntoRussiaWithTheLineageOfBoth() throws IOException {
        load("mapping:wmd-by-country", byCountry(UnaryOperator.identity()));
        Map<String, Object> rus = jdbc.queryForMap("""
                select quantity_t, detail, sheet, row_number, column_name, entity_label, original_text
                from warehouse.production_fact
                where source = 'wmd' and commodity = 'iron_ore' and country_iso3 = 'RUS' and year = 2011""");
        assertThat((BigDecimal) rus.get("quantity_t")).isEqualByComparingTo(String.valueOf(9724000 + 47476000));
        assertThat(rus).containsEntry("detail", "sum of Russia, Asia (sheet Russia, Asia row 3) and Russia, Europe"
                        + " (sheet Russia, Europe row 3)")
                .containsEntry("sheet", "Russia, Asia").containsEntry("row_number", 3).containsEntry("column_name", "2011")
                .containsEntry("entity_label", "Russian Federation").containsEntry("original_text", "Russia, Asia: 9724000 + Russia, Europe: 47476000");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact where entity_label like 'Russia,%'",
                Long.class)).isZero();
    }

    @Test
    void recordsEveryQualifierAndQuantityTheSecondLayoutOfAnEditionChanges() throws IOException {
        // the by-country file says China's lithium is reported, not estimated, and Chile's 2011 lithium 27,000 t
        Path file = byCountry(countries -> {
            for (Object[] row : countries.get("China")) {
                if (row[0].equals("Lithium")) {
                    row[7] = "reported";
                }
            }
            for (Object[] row : countries.get("Chile")) {
                if (row[0].equals("Lithium")) {
                    row[2] = 27000.0;
                }
            }
            return countries;
        });
        LoadSummary byMineral = load("mapping:wmd", WorldMiningDataImportIntegrationTests.WMD);
        LoadSummary load = load("mapping:wmd-by-country", file);

        assertThat(jdbc.queryForList("""
                select entity_key || ' ' || year || ': ' || array_to_string(changed, ',') || ' '
                       || coalesce(old_qualifier, '-') || '>' || coalesce(new_qualifier, '-') || ' '
                       || trim_scale(old_quantity_t) || '>' || trim_scale(new_quantity_t)
                from etl.superseded_production_change
                where load_id = ? and by_load_id = ? and commodity = 'lithium'
                order by entity_key, year""", String.class, byMineral.loadId(), load.loadId()))
                .containsExactly(
                        "CHL 2011: quantity_t ->- 27680>27000",
                        "CHN 2011: qualifier,is_estimate,note e>- 5290>5290",
                        "CHN 2012: qualifier,is_estimate,note e>- 6870>6870",
                        "CHN 2013: qualifier,is_estimate,note e>- 8600>8600",
                        "CHN 2014: qualifier,is_estimate,note e>- 10000>10000",
                        "CHN 2015: qualifier,is_estimate,note e>- 9500>9500");
        assertThat(jdbc.queryForObject("select count(*) from etl.superseded_production_change", Long.class)).isEqualTo(6);
        Map<String, Object> chn = jdbc.queryForMap("""
                select old_cell, new_cell, old_note, new_note, old_is_estimate, new_is_estimate
                from etl.superseded_production_change where entity_key = 'CHN' and year = 2011""");
        assertThat(chn).containsEntry("old_note", "estimate").containsEntry("new_note", "reported")
                .containsEntry("old_is_estimate", true).containsEntry("new_is_estimate", false);
        assertThat((String) chn.get("old_cell")).matches(
                "6\\.4\\.Production_of_Mineral_Raw_Materials_of_individual_Countries_by_Minerals\\.xlsx: Lithium row \\d+, column 2011");
        assertThat((String) chn.get("new_cell")).matches(WorldMiningDataByCountryWorkbook.FILE_NAME.replace(".", "\\.")
                + ": China row \\d+, column 2011");
        // the later load serves the key; the warehouse still knows what the earlier one said
        assertThat(jdbc.queryForObject("""
                select qualifier is null and not is_estimate from warehouse.v_production
                where source = 'wmd' and commodity = 'lithium' and country_iso3 = 'CHN' and year = 2011""", Boolean.class))
                .isTrue();
    }
}
