package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.LoadSummary;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real World Mining Data workbooks (input-samples/world_mining_data), loaded through jobs/sources/wmd.yml
 * and jobs/sources/wmd-political-stability.yml, checked against the published cells. Expected counts were
 * taken from the workbook independently of this code (56 sheets after the 7 mineral-fuel sheets; 1,583
 * country rows and 56 Total rows; 7,824 figures, of which 105 pairs are Russia, Asia + Russia, Europe).
 */
class WorldMiningDataImportIntegrationTests extends WarehouseIntegrationTest {

    static final Path WMD = Path.of("input-samples/world_mining_data/"
            + "6.4.Production_of_Mineral_Raw_Materials_of_individual_Countries_by_Minerals.xlsx");
    static final Path STABILITY = Path.of("input-samples/world_mining_data/6.3c.Political_stability.xlsx");

    private LoadSummary load(String kind, Path file) {
        ImportLauncher.Outcome o = importFile(kind, file);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);
        return o.load().orElseThrow();
    }

    @Test
    void loadsChileLithium2011AsPublishedInTonnesWithSourceWmd() {
        load("mapping:wmd", WMD);
        Map<String, Object> chile = jdbc.queryForMap("""
                select quantity_t, original_value, original_unit, edition, stage, is_estimate, qualifier, note, basis,
                       sheet, row_number, column_name
                from warehouse.production_fact
                where source = 'wmd' and commodity = 'lithium' and country_iso3 = 'CHL' and year = 2011""");
        assertThat((BigDecimal) chile.get("quantity_t")).isEqualByComparingTo("27680");
        assertThat(chile).containsEntry("original_unit", "metr. t").containsEntry("edition", "WMD2017")
                .containsEntry("stage", "mine").containsEntry("is_estimate", false).containsEntry("note", "reported")
                .containsEntry("basis", "Li2O content").containsEntry("sheet", "Lithium").containsEntry("row_number", 7)
                .containsEntry("column_name", "2011");
    }

    @Test
    void accountsForEveryRowReadAsFactsRejectsOrIgnoredTotals() {
        LoadSummary load = load("mapping:wmd", WMD);
        assertThat(load.rowsRead()).isEqualTo(1639);
        assertThat(load.rowsRejected()).isZero();
        assertThat(load.rowsLoaded()).isEqualTo(1583);
        assertThat(load.factsMerged()).isEqualTo(7824 - 105);
        assertThat(jdbc.queryForObject("select count(*) from etl.ignored_row where reason like 'Total row%'", Long.class))
                .isEqualTo(56);
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact where source = 'wmd'", Long.class))
                .isEqualTo(7719);
        // grain: one fact per source, edition, commodity, stage, measure, unit and year; all in the shared vocabulary
        assertThat(jdbc.queryForObject("""
                select count(*) from warehouse.production_fact as f
                left join ref.commodity as c on c.commodity_code = f.commodity
                where f.source = 'wmd' and (c.commodity_code is null or f.quantity_t is null or f.country_iso3 is null)""",
                Long.class)).isZero();
    }

    @Test
    void convertsKilogramsAndCaratsToTonnesAndMarksEstimatesFromTheSourcesColumn() {
        load("mapping:wmd", WMD);
        Map<String, Object> rhenium = jdbc.queryForMap("""
                select quantity_t, original_value, original_unit from warehouse.v_production
                where source = 'wmd' and commodity = 'rhenium' and country_iso3 = 'CHL' and year = 2011""");
        assertThat((BigDecimal) rhenium.get("quantity_t")).isEqualByComparingTo("23.008");
        assertThat((BigDecimal) rhenium.get("original_value")).isEqualByComparingTo("23008");
        assertThat(rhenium).containsEntry("original_unit", "kg");
        Map<String, Object> china = jdbc.queryForMap("""
                select quantity_t, is_estimate, qualifier from warehouse.v_production
                where source = 'wmd' and commodity = 'lithium' and country_iso3 = 'CHN' and year = 2011""");
        assertThat((BigDecimal) china.get("quantity_t")).isEqualByComparingTo("5290");
        assertThat(china).containsEntry("is_estimate", true).containsEntry("qualifier", "e");
    }

    @Test
    void sumsRussiaAsiaAndRussiaEuropeIntoRussiaKeepingBothRowsInTheLineage() {
        load("mapping:wmd", WMD);
        Map<String, Object> rus = jdbc.queryForMap("""
                select quantity_t, detail, row_number, entity_label from warehouse.production_fact
                where source = 'wmd' and commodity = 'iron_ore' and country_iso3 = 'RUS' and year = 2011""");
        assertThat((BigDecimal) rus.get("quantity_t")).isEqualByComparingTo(String.valueOf(9724000 + 47476000));
        assertThat(rus).containsEntry("detail", "sum of Russia, Asia (row 39) and Russia, Europe (row 40)")
                .containsEntry("row_number", 39);
        assertThat(jdbc.queryForObject("select count(*) from etl.reject where reason like 'duplicate%'", Long.class)).isZero();
    }

    @Test
    void loadsTheSecondRealLayoutWorldTotalsFromItsMappingFileAlone() throws IOException {
        LoadSummary load = load("mapping:wmd-political-stability", STABILITY);
        assertThat(load.rowsRead()).isEqualTo(56 * 5);
        assertThat(load.rowsRejected()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from etl.ignored_row where reason like 'a WGI political-stability%'",
                Long.class)).isEqualTo(56 * 4);
        BigDecimal world = jdbc.queryForObject("""
                select quantity_t from warehouse.v_production_world_total
                where source = 'wmd' and commodity = 'lithium' and entity_kind = 'world_total' and year = 2011""",
                BigDecimal.class);
        assertThat(world).isEqualByComparingTo("63963");
        // the world totals of one workbook are the sums of the country rows of the other, for every mineral and year
        load("mapping:wmd", WMD);
        assertThat(jdbc.queryForList("""
                with countries as (
                    select commodity, year, sum(quantity_t) as quantity_t
                    from warehouse.production_fact where source = 'wmd' and entity_kind = 'country'
                    group by commodity, year
                )
                select w.commodity || ' ' || w.year || ': ' || w.quantity_t || ' vs ' || coalesce(c.quantity_t, 0)
                from warehouse.production_fact as w
                left join countries as c on c.commodity = w.commodity and c.year = w.year
                where w.source = 'wmd' and w.entity_kind = 'world_total'
                  and w.quantity_t is distinct from coalesce(c.quantity_t, 0)""", String.class))
                .isEmpty();
        // no Java names this layout: it is the mapping file and nothing else
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            assertThat(sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("Political stability") || text.contains("6.3c") || text.contains("Extreme Unstable");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList()).isEmpty();
        }
    }
}
