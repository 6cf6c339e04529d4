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
        jdbc.execute("""
                create or replace function staging.fail_at_line() returns trigger language plpgsql as $$
                begin
                    if new.row_number = 30001 then
                        raise exception 'simulated crash at line 30001';
                    end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger fail_at_line before insert on staging.trade_row for each row execute function staging.fail_at_line()");
        ImportLauncher.Outcome failed;
        try {
            failed = importFile("baci", f);
        } finally {
            jdbc.execute("drop trigger if exists fail_at_line on staging.trade_row");
            jdbc.execute("drop function if exists staging.fail_at_line()");
        }
        assertThat(failed.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(failed.message()).contains("simulated crash at line 30001");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from staging.trade_row", Long.class)).isEqualTo(20_000L);

        ImportLauncher.Outcome rerun = importFile("baci", f);
        assertThat(rerun.status()).as(rerun.message()).isEqualTo(ImportLauncher.Status.LOADED);
        Map<String, Object> facts = jdbc.queryForMap("""
                select count(*) as n, count(distinct row_number) as rows, min(row_number) as first,
                       max(row_number) as last
                from warehouse.trade_fact""");
        assertThat(facts).containsEntry("n", 50_000L).containsEntry("rows", 50_000L)
                .containsEntry("first", 2L).containsEntry("last", 50_001L);
        assertThat(jdbc.queryForObject("select count(*) from staging.trade_row", Long.class)).isZero();
        Map<String, Object> load = jdbc.queryForMap("select count(*) as loads, min(status) as status, min(rows_read) as rows_read from etl.load");
        assertThat(load).containsEntry("loads", 1L).containsEntry("status", "COMPLETED").containsEntry("rows_read", 50_000L);
        List<Long> reads = jdbc.queryForList("""
                select read_count from batch_step_execution where step_name = 'baciLoadStep' order by step_execution_id""",
                Long.class);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(1)).as("the restart reads only the rows after the last committed chunk").isEqualTo(30_000L);
    }
}
