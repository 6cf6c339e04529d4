package org.mineralsetl.baci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Several BACI years load side by side on a configurable number of threads, each file its own load. */
class BaciParallelImportIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void loadsThreeYearsOnTwoThreadsEachExactlyOnce() {
        List<Path> files = List.of(2020, 2021, 2022).stream().map(year -> {
            Path f = dir.resolve("BACI_HS17_Y" + year + "_V202301.csv");
            BaciSampleFile.write(f, 40_000, year, year);
            return f;
        }).toList();

        List<ImportLauncher.Outcome> outcomes = launcher.importFiles(kind("baci"), files, 10, Map.of(), 2);

        assertThat(outcomes).extracting(ImportLauncher.Outcome::message).containsOnlyNulls();
        assertThat(outcomes).extracting(ImportLauncher.Outcome::status).containsOnly(ImportLauncher.Status.LOADED);
        assertThat(outcomes).extracting(ImportLauncher.Outcome::file).containsExactlyElementsOf(files);
        assertThat(jdbc.queryForList("select year || ':' || count(*) from warehouse.trade_fact group by year order by year",
                String.class)).containsExactly("2020:40000", "2021:40000", "2022:40000");
        assertThat(jdbc.queryForObject("select count(*) from etl.load where status = 'COMPLETED'", Long.class)).isEqualTo(3L);
        // two load steps ran at the same time
        assertThat(jdbc.queryForObject("""
                select count(*) from batch_step_execution as a
                join batch_step_execution as b
                  on a.step_execution_id < b.step_execution_id and a.start_time < b.end_time and b.start_time < a.end_time
                where a.step_name = 'baciLoadStep' and b.step_name = 'baciLoadStep'""", Long.class)).isPositive();
    }
}
