package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real World Mining Data 6.4 workbook, loaded through jobs/sources/wmd.yml, checked against the published cells. */
class WorldMiningDataImportIntegrationTests extends WarehouseIntegrationTest {

    static final Path WMD = Path.of("input-samples/world_mining_data/"
            + "6.4.Production_of_Mineral_Raw_Materials_of_individual_Countries_by_Minerals.xlsx");

    @Test
    void loadsChileLithium2011AsPublishedInTonnesWithSourceWmd() {
        ImportLauncher.Outcome o = importFile("mapping:wmd", WMD);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);
        List<Map<String, Object>> rejects = jdbc.queryForList("select sheet, row_number, reason from etl.reject order by 1, 2");
        rejects.forEach(r -> System.out.println("REJECT " + r));
        Map<String, Object> chile = jdbc.queryForMap("""
                select quantity_t, original_value, original_unit, edition, stage, is_estimate, qualifier, note, basis
                from warehouse.v_production
                where source = 'wmd' and commodity = 'lithium' and country_iso3 = 'CHL' and year = 2011""");
        assertThat((BigDecimal) chile.get("quantity_t")).isEqualByComparingTo("27680");
        assertThat(chile).containsEntry("original_unit", "metr. t").containsEntry("edition", "WMD2017")
                .containsEntry("stage", "mine").containsEntry("is_estimate", false).containsEntry("note", "reported")
                .containsEntry("basis", "Li2O content");
    }
}
