package org.mineralsetl.baci;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of a trade load and what the operator can do next: the load's database session cut off mid-file, a load
 * abandoned, a file of repeated keys, a bad re-delivery undone by loading the good file again.
 */
class BaciFaultIntegrationTests extends WarehouseIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    JobRepository jobRepository;

    @AfterEach
    void dropFault() {
        jdbc.execute("drop function if exists staging.cut_off() cascade");
    }

    private Map<String, Object> facts() {
        return jdbc.queryForMap("""
                select count(*) as n, count(distinct row_number) as rows, coalesce(sum(value_usd), 0) as value
                from warehouse.trade_fact""");
    }

    @Test
    void aLoadWhoseSessionIsTerminatedMidFileLoadsExactlyOnceWhenImportedAgain() {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        BaciSampleFile.write(f, 50_000, 2022, 7);
        jdbc.update("call warehouse.create_trade_flow_table(1)");
        jdbc.execute("""
                create function staging.cut_off() returns trigger language plpgsql as $$
                begin
                    if new.row_number = 30001 then
                        perform pg_terminate_backend(pg_backend_pid());
                    end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger cut_off before insert on warehouse.trade_flow_1 for each row"
                + " execute function staging.cut_off()");
        ImportLauncher.Outcome cut = importFile("baci", f);
        assertThat(cut.status()).isEqualTo(ImportLauncher.Status.FAILED);
        String leftAs = jdbc.queryForObject("select status from batch_job_execution", String.class);
        assertThat(leftAs).as("a fault mid-commit leaves the execution unfinished").isIn("UNKNOWN", "FAILED", "STARTED");
        jdbc.execute("drop trigger cut_off on warehouse.trade_flow_1");

        ImportLauncher.Outcome again = importFile("baci", f);
        assertThat(again.status()).as(again.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(facts()).containsEntry("n", 50_000L).containsEntry("rows", 50_000L);
        assertThat(jdbc.queryForObject("select count(*) from etl.load where status = 'COMPLETED'", Long.class)).isEqualTo(1L);
    }

    @Test
    void anAbandonedLoadDropsItsTableAtOnceAndTheSameFileLoadsAgain() {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        BaciSampleFile.write(f, 50_000, 2022, 7);
        ImportLauncher.Outcome failed;
        try (CrashAtLine crash = CrashAtLine.of(jdbc, 1, 30001)) {
            failed = importFile("baci", f);
        }
        assertThat(failed.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(jdbc.queryForObject("select to_regclass('warehouse.trade_flow_1') is not null", Boolean.class)).isTrue();

        JobExecution execution = jobRepository.getJobExecution(failed.jobExecutionId());
        assertThat(launcher.abandon(kind("baci"), execution)).contains("abandoned");
        assertThat(jdbc.queryForObject("select to_regclass('warehouse.trade_flow_1') is null", Boolean.class))
                .as("the abandoned load's table is dropped at once").isTrue();

        ImportLauncher.Outcome again = importFile("baci", f);
        assertThat(again.status()).as(again.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(facts()).containsEntry("n", 50_000L).containsEntry("rows", 50_000L);
        assertThat(jdbc.queryForList("select status || '#' || attempt from etl.load order by load_id", String.class))
                .containsExactly("ABANDONED#0", "COMPLETED#1");
    }

    @Test
    void repeatedKeysCountAgainstTheRejectThresholdBeforeAnythingIsMerged() throws IOException {
        Path f = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        StringBuilder b = new StringBuilder("t,i,j,k,v,q\n");
        for (int i = 0; i < 10_000; i++) {
            b.append("2022,4,8,26030").append(i % 8).append(",1.5,2\n");
        }
        Files.writeString(f, b);
        ImportLauncher.Outcome o = importFile("baci", f);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.REJECTS_OVER_THRESHOLD);
        assertThat(o.message()).contains("9992 of 10000 rows rejected").contains("9992 of them repeat a key given earlier");
        assertThat(facts()).containsEntry("n", 0L);
    }

    @Test
    void reImportingAFileWhoseFactsARedeliveryReplacedAppliesItAgain() throws IOException {
        Path good = Files.createDirectories(dir.resolve("good")).resolve("BACI_HS17_Y2022_V202301.csv");
        Path bad = Files.createDirectories(dir.resolve("bad")).resolve("BACI_HS17_Y2022_V202301.csv");
        Files.writeString(good, "t,i,j,k,v,q\n2022,4,8,260300,1.5,2\n2022,4,8,260400,2.5,3\n");
        Files.writeString(bad, "t,i,j,k,v,q\n2022,4,8,260300,999,2\n2022,4,8,260400,999,3\n");
        assertThat(importFile("baci", good).status()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(importFile("baci", bad).status()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(facts()).containsEntry("n", 2L);
        assertThat(((Number) facts().get("value")).doubleValue()).isEqualTo(1_998_000.0);

        ImportLauncher.Outcome undo = importFile("baci", good);
        assertThat(undo.status()).as(undo.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(((Number) facts().get("value")).doubleValue()).isEqualTo(4_000.0);
        assertThat(jdbc.queryForList("select load_id || '>' || by_load_id || ':' || facts from etl.superseded"
                + " order by 1", String.class)).containsExactly("1>2:2", "2>3:2");
        assertThat(importFile("baci", good).status()).as("applied again: now it serves, a no-op")
                .isEqualTo(ImportLauncher.Status.ALREADY_LOADED);
    }
}
