package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.spreadsheet.WorldMiningDataByCountryWorkbook;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run-all} on a folder holding World Mining Data in both layouts: the real by-mineral workbook (6.4) and its
 * by-country pivot (6.6, built by the test from it), each picked up by its mapping's file pattern.
 */
class RunAllMappingsIntegrationTests extends WarehouseIntegrationTest {

    private static final String BY_MINERAL = "6.4.Production_of_Mineral_Raw_Materials_of_individual_Countries_by_Minerals.xlsx";

    @Autowired
    SpringCommandFactory factory;

    @TempDir
    Path dir;

    @Test
    void loadsBothLayoutsOfAnEditionInMappingOrderTheLaterReplacingTheEarlierKeyByKey() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("wmd"));
        Files.copy(Path.of("input-samples/world_mining_data").resolve(BY_MINERAL), folder.resolve(BY_MINERAL));
        WorldMiningDataByCountryWorkbook.pivot(folder.resolve(BY_MINERAL), folder, UnaryOperator.identity());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = EtlCommand.commandLine(factory).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("run-all", folder.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        // jobs/sources/wmd-by-country.yml sorts before wmd.yml: the by-mineral load is the later one
        assertThat(jdbc.queryForList("""
                select f.source_kind || ' ' || f.file_name || ' ' || l.status || ' ' || l.rows_rejected
                from etl.load as l join etl.source_file as f using (source_file_id) order by l.load_id""", String.class))
                .containsExactly("mapping:wmd-by-country " + WorldMiningDataByCountryWorkbook.FILE_NAME + " COMPLETED 0",
                        "mapping:wmd " + BY_MINERAL + " COMPLETED 0");
        assertThat(jdbc.queryForList("select load_id || ' by ' || by_load_id || ': ' || facts from etl.superseded",
                String.class)).containsExactly("1 by 2: 7719");
        assertThat(jdbc.queryForObject("select count(*) from etl.superseded_production_change", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from warehouse.v_production where source = 'wmd'", Long.class))
                .isEqualTo(7719);
    }
}
