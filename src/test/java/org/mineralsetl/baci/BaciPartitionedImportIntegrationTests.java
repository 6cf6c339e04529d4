package org.mineralsetl.baci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A BACI file loaded by a partitioned step: three line ranges written at once into the same load, each
 * restartable on its own, every line exactly once.
 */
@TestPropertySource(properties = {"etl.baci.partitions=3", "etl.baci.partition-min-bytes=65536"})
class BaciPartitionedImportIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    private Map<String, Object> facts() {
        return jdbc.queryForMap("""
                select count(*) as n, count(distinct row_number) as rows, min(row_number) as first,
                       max(row_number) as last
                from warehouse.trade_fact""");
    }

    @Test
    void loadsAFileInThreePartsAtOnceWithEveryLineOnceUnderItsLineNumber() {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        assertThat(BaciSampleFile.write(f, 60_000, 2022, 5)).isEqualTo(60_000);
        ImportLauncher.Outcome o = importFile("baci", f);
        assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);

        assertThat(facts()).containsEntry("n", 60_000L).containsEntry("rows", 60_000L).containsEntry("first", 2L)
                .containsEntry("last", 60_001L);
        List<Long> parts = jdbc.queryForList("""
                select read_count from batch_step_execution where step_name like 'baciLoadPartitionStep:partition%'
                order by step_name""", Long.class);
        assertThat(parts).as("blocks of 1,000 lines read by each part").hasSize(3).allMatch(n -> n >= 15 && n <= 25);
        assertThat(jdbc.queryForMap("select rows_read, rows_loaded, facts_merged from etl.load"))
                .containsEntry("rows_read", 60_000L).containsEntry("rows_loaded", 60_000L)
                .containsEntry("facts_merged", 60_000L);
        assertThat(jdbc.queryForObject("select keys_proven_unique from etl.trade_load", Boolean.class))
                .as("each part read its lines in order, and the parts do not overlap").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from etl.reject", Long.class)).isZero();
    }

    @Test
    void restartsOnlyThePartThatFailedAndEndsWithEveryLineExactlyOnce() {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        assertThat(BaciSampleFile.write(f, 60_000, 2022, 9)).isEqualTo(60_000);
        // line 35,001 is in the middle part (about lines 20,000-40,000)
        ImportLauncher.Outcome failed;
        try (CrashAtLine crash = CrashAtLine.of(jdbc, 1, 35001)) {
            failed = importFile("baci", f);
        }
        assertThat(failed.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(failed.message()).contains("simulated crash at line 35001");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.trade_fact", Long.class)).isZero();
        long committed = jdbc.queryForObject("select count(*) from warehouse.trade_flow_1", Long.class);
        assertThat(committed).as("the other two parts completed").isGreaterThanOrEqualTo(38_000L).isLessThan(60_000L);

        ImportLauncher.Outcome rerun = importFile("baci", f);
        assertThat(rerun.status()).as(rerun.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(facts()).containsEntry("n", 60_000L).containsEntry("rows", 60_000L).containsEntry("first", 2L)
                .containsEntry("last", 60_001L);
        assertThat(jdbc.queryForObject("select keys_proven_unique from etl.trade_load", Boolean.class)).isTrue();
        assertThat(jdbc.queryForMap("select count(*) as loads, min(status) as status, min(rows_read) as rows_read from etl.load"))
                .containsEntry("loads", 1L).containsEntry("status", "COMPLETED").containsEntry("rows_read", 60_000L);
        List<String> restarted = jdbc.queryForList("""
                select s.step_name from batch_step_execution as s
                where s.step_name like 'baciLoadPartitionStep:%'
                  and s.job_execution_id = (select max(job_execution_id) from batch_job_execution)""", String.class);
        assertThat(restarted).as("only the failed part ran again").containsExactly("baciLoadPartitionStep:partition1");
    }
}
