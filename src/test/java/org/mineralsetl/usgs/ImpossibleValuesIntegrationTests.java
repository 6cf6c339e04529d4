package org.mineralsetl.usgs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Values a measure cannot take (ref.measure) are rejects with the reason, whichever minus sign they are written with. */
class ImpossibleValuesIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void rejectsNegativeProductionWrittenWithAsciiOrUnicodeMinus() throws IOException {
        Path f = dir.resolve("mcs2024-raree_world.csv");
        Files.writeString(f, """
                Source,Country,Type,Prod_t_2022,Prod_t_2023
                MCS2024,China,Mine production,-5,240000
                MCS2024,Brazil,Mine production,80,\u22127
                MCS2024,India,Mine production,2900,2900
                """, StandardCharsets.UTF_8);
        ImportLauncher.Outcome o = importFile("usgs-world", f, 100);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select raw_text || ' | ' || reason from etl.reject order by row_number", String.class))
                .containsExactly("-5 | negative value -5: production of rare_earths cannot be negative (ref.measure)",
                        "\u22127 | negative value \u22127: production of rare_earths cannot be negative (ref.measure)");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact where quantity_t < 0", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isEqualTo(4L);
        assertThat(jdbc.queryForMap("select rows_read, rows_loaded, rows_rejected, rows_ignored from etl.load"))
                .as("read = loaded + rejected + ignored").containsEntry("rows_read", 3L).containsEntry("rows_loaded", 1L)
                .containsEntry("rows_rejected", 2L).containsEntry("rows_ignored", 0L);
    }

    @Test
    void keepsNegativeValuesOfMeasuresThatMayBeNegativeAndRejectsTheOthers() throws IOException {
        Path f = dir.resolve("mcs2024-niobi_salient.csv");
        Files.writeString(f, """
                Source,Commodity,Year,Imports_t,Exports_t,Shipments_Gov_t,NIR_pct
                MCS2024,Niobium,2022,9400,\u22122,\u221284,100
                MCS2024,Niobium,2023,9100,300,0,-12
                """, StandardCharsets.UTF_8);
        ImportLauncher.Outcome o = importFile("usgs-salient", f, 100);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select column_name || ': ' || reason from etl.reject", String.class))
                .containsExactly("Exports_t: negative value \u22122: exports of niobium cannot be negative (ref.measure)");
        assertThat(jdbc.queryForList("select measure || '=' || value from warehouse.us_salient_fact where value < 0"
                + " order by 1", String.class)).containsExactly("nir_pct=-12", "shipments=-84");
    }
}
