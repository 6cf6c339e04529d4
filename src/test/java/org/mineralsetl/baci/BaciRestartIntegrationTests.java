package org.mineralsetl.baci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A BACI load that dies mid-file restarts from its last committed chunk and ends with every row exactly once. */
class BaciRestartIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aLoadFailedMidFileRestartsFromItsLastCommittedChunkAndLoadsEveryRowExactlyOnce() {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        assertThat(BaciSampleFile.write(f, 50_000, 2022, 7)).isEqualTo(50_000);
        // the second chunk (rows of lines 20002-40001, chunk size 20000) dies at line 30001
        ImportLauncher.Outcome failed;
        try (CrashAtLine crash = CrashAtLine.of(jdbc, 1, 30001)) {
            failed = importFile("baci", f);
        }
        assertThat(failed.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(failed.message()).contains("simulated crash at line 30001");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_flow_1", Long.class))
                .as("the first chunk committed, in the load's table, not yet attached").isEqualTo(20_000L);

        ImportLauncher.Outcome rerun = importFile("baci", f);
        assertThat(rerun.status()).as(rerun.message()).isEqualTo(ImportLauncher.Status.LOADED);
        Map<String, Object> facts = jdbc.queryForMap("""
                select count(*) as n, count(distinct row_number) as rows, min(row_number) as first,
                       max(row_number) as last
                from warehouse.trade_fact""");
        assertThat(facts).containsEntry("n", 50_000L).containsEntry("rows", 50_000L)
                .containsEntry("first", 2L).containsEntry("last", 50_001L);
        assertThat(jdbc.queryForList("""
                select job_execution_id, count(*) from warehouse.trade_flow group by 1 order by 1""")
                .stream().map(r -> r.get("count")).toList())
                .as("each row names the job execution that wrote it: 20,000 the first, 30,000 the restart")
                .containsExactly(20_000L, 30_000L);
        assertThat(jdbc.queryForList("select distinct job_execution_id from warehouse.trade_flow order by 1", Long.class))
                .isEqualTo(jdbc.queryForList("select job_execution_id from batch_job_execution order by 1", Long.class));
        assertThat(jdbc.queryForObject("select keys_proven_unique from etl.trade_load", Boolean.class))
                .as("the line order watched before the crash, committed with each chunk, goes on after it").isTrue();
        Map<String, Object> load = jdbc.queryForMap("""
                select count(*) as loads, min(status) as status, min(rows_read) as rows_read,
                       min(rows_loaded) as rows_loaded
                from etl.load""");
        assertThat(load).containsEntry("loads", 1L).containsEntry("status", "COMPLETED").containsEntry("rows_read", 50_000L)
                .as("rows written by both executions, counted in their chunks' transactions")
                .containsEntry("rows_loaded", 50_000L);
        List<Long> reads = jdbc.queryForList("""
                select read_count from batch_step_execution where step_name = 'baciLoadPartitionStep:partition0'
                order by step_execution_id""",
                Long.class);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(1)).as("the restart reads only the lines after the last committed chunk: 30 blocks")
                .isEqualTo(30L);
    }
}
