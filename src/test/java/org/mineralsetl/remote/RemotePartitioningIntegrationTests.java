package org.mineralsetl.remote;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.TestDatabase;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.baci.BaciSampleFile;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning for real: this test's context is the manager, the workers are {@code jobs/etl worker}
 * processes of their own (separate JVMs) that take the partitions from the RabbitMQ on 127.0.0.1:5672 (a queue of
 * this run's own) and write into the same PostgreSQL. The warehouse they load must equal a single-process load,
 * and a worker killed (SIGKILL) mid-partition must leave a failed partition that a restart completes exactly once.
 */
class RemotePartitioningIntegrationTests extends WarehouseIntegrationTest {

    private static final String QUEUE = "minerals-etl.test-" + UUID.randomUUID();
    /** The manager gives up on a partition no worker finished within this time. */
    private static final String TIMEOUT = "40s";

    @TempDir
    Path dir;

    @Autowired
    RemoteImports remote;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    RemoteFiles remoteFiles;

    @Autowired
    AmqpAdmin admin;

    private static AmqpAdmin adminForCleanup;

    @DynamicPropertySource
    static void remoteProperties(DynamicPropertyRegistry registry) {
        workerProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** What manager and workers share: the queue, the timeout, small chunks and parts, so small files split. */
    private static Map<String, String> workerProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("etl.remote.queue", QUEUE);
        p.put("etl.remote.timeout", TIMEOUT);
        p.put("etl.remote.baci-partitions", "4");
        p.put("etl.baci.partition-min-bytes", "65536");
        p.put("etl.baci.chunk-size", "2000");
        return p;
    }

    private static Map<String, String> workerProcessProperties() {
        return workerProcessProperties("worker");
    }

    /** @param name the worker's sessions' application_name in pg_stat_activity */
    private static Map<String, String> workerProcessProperties(String name) {
        Map<String, String> p = new LinkedHashMap<>(workerProperties());
        TestDatabase.Connection c = TestDatabase.get();
        p.put("warehouse.url", c.url() + (c.url().contains("?") ? "&" : "?") + "ApplicationName=" + name);
        p.put("warehouse.user", c.user());
        p.put("warehouse.password", c.password());
        p.put("logging.level.org.mineralsetl", "INFO");
        return p;
    }

    @AfterAll
    static void deleteQueue() {
        if (adminForCleanup != null) {
            adminForCleanup.deleteQueue(QUEUE);
        }
    }

    private ImportKind remoteBaci() {
        adminForCleanup = admin;
        return remote.manager(kind("baci"));
    }

    /** Count and checksum of every key and value of the trade facts (not the load ids, which differ). */
    private Map<String, Object> tradeChecksum() {
        return jdbc.queryForMap("""
                select count(*) as n,
                       md5(string_agg(concat_ws('|', year, month, hs_revision, reporter_code, partner_code, flow, hs_code,
                                                breakdown, hs_map_code, value, net_weight, row_number), ','
                                      order by year, reporter_code, partner_code, hs_code, flow, month, breakdown)) as sum
                from warehouse.trade_flow""");
    }

    /** Count and checksum of every column of a fact table but its lineage (load, job execution, file id, time). */
    private Map<String, Object> checksum(String table, String keyOrder) {
        return jdbc.queryForMap("""
                select count(*) as n, md5(string_agg(to_jsonb(f)::text, ',' order by %s)) as sum
                from (select * from %s) t,
                     lateral (select to_jsonb(t) - 'load_id' - 'job_execution_id' - 'source_file_id' - 'loaded_at') f(j)
                """.formatted(keyOrder.replace("$", "t."), table));
    }

    private List<Path> baciYears(int years, long rows) {
        List<Path> files = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            Path f = dir.resolve("BACI_HS17_Y" + (2019 + y) + "_V202301.csv");
            assertThat(BaciSampleFile.write(f, rows, 2019 + y, 31 + y)).isEqualTo(rows);
            files.add(f);
        }
        return files;
    }

    private Map<String, Object> singleProcessLoad(List<Path> files) {
        for (Path f : files) {
            ImportLauncher.Outcome o = importFile("baci", f);
            assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        }
        Map<String, Object> sum = tradeChecksum();
        emptyWarehouse();
        return sum;
    }

    @Test
    void twoWorkerProcessesLoadTheSameWarehouseAsASingleProcess() {
        List<Path> files = baciYears(3, 40_000);
        Map<String, Object> expected = singleProcessLoad(files);
        assertThat(expected.get("n")).isEqualTo(120_000L);

        ImportKind baci = remoteBaci();
        try (WorkerProcess w1 = WorkerProcess.start("two-workers-1", workerProcessProperties());
             WorkerProcess w2 = WorkerProcess.start("two-workers-2", workerProcessProperties())) {
            for (Path f : files) {
                ImportLauncher.Outcome o = launcher.importFile(baci, f, 10.0);
                assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
                assertThat(o.load().orElseThrow().factsMerged()).isEqualTo(40_000L);
            }
            assertThat(tradeChecksum()).isEqualTo(expected);
            assertThat(jdbc.queryForObject("select count(*) from etl.load where status = 'COMPLETED'", Long.class))
                    .isEqualTo(3L);
            assertThat(jdbc.queryForObject("select sum(duplicates_removed) from etl.trade_load", Long.class)).isZero();
            // the partitions ran in the worker processes, and both took some
            assertThat(jdbc.queryForObject("""
                    select count(*) from batch_step_execution
                    where step_name like 'baciLoadPartitionStep:partition%' and status = 'COMPLETED'""", Long.class))
                    .isEqualTo(12L);
            assertThat(w1.output()).contains("worker: baciLoadPartitionStep:partition");
            assertThat(w2.output()).contains("worker: baciLoadPartitionStep:partition");
        }
    }

    private Map<String, Map<String, Object>> warehouse() {
        return Map.of("trade", tradeChecksum(),
                "production", checksum("warehouse.production_fact",
                        "$source, $edition, $commodity, $stage, $measure, $entity_key, $year"),
                "salient", checksum("warehouse.us_salient_fact",
                        "$source, $edition, $commodity, $year, $measure, $detail, $unit"));
    }

    @Test
    void runAllRemoteLoadsOneFilePerPartitionOnTwoWorkersAsASingleProcessWould() throws Exception {
        List<RemoteFiles.Launch> launches = new ArrayList<>();
        for (String k : List.of("usgs-world", "usgs-salient")) {
            try (var s = java.nio.file.Files.walk(MCS2024)) {
                s.filter(java.nio.file.Files::isRegularFile).filter(kind(k).recognises()).sorted()
                        .forEach(f -> launches.add(new RemoteFiles.Launch(kind(k), f)));
            }
        }
        baciYears(2, 30_000).forEach(f -> launches.add(new RemoteFiles.Launch(kind("baci"), f)));
        assertThat(launches).hasSizeGreaterThan(10);
        // the real MCS files include one the salient import refuses (a world table under a salient name)
        Map<Path, ImportLauncher.Status> statuses = new LinkedHashMap<>();
        for (RemoteFiles.Launch l : launches) {
            statuses.put(l.file(), launcher.importFile(l.kind(), l.file(), 10.0).status());
        }
        assertThat(statuses.values().stream().filter(s -> s == ImportLauncher.Status.LOADED).count())
                .isGreaterThan(10);
        Map<String, Map<String, Object>> expected = warehouse();
        assertThat(expected.get("trade").get("n")).isEqualTo(60_000L);
        assertThat((Long) expected.get("production").get("n")).isPositive();
        assertThat((Long) expected.get("salient").get("n")).isPositive();
        emptyWarehouse();

        adminForCleanup = admin;
        Map<Path, ImportLauncher.Outcome> outcomes;
        try (WorkerProcess w1 = WorkerProcess.start("files-1", workerProcessProperties());
             WorkerProcess w2 = WorkerProcess.start("files-2", workerProcessProperties())) {
            outcomes = remoteFiles.importAll(launches, 10.0);
            assertThat(w1.output()).contains("worker: remoteFileStep:partition");
            assertThat(w2.output()).contains("worker: remoteFileStep:partition");
        }
        assertThat(outcomes).hasSize(launches.size());
        outcomes.forEach((f, o) -> assertThat(o.status()).as(o.message()).isEqualTo(statuses.get(f)));
        assertThat(outcomes.values()).filteredOn(o -> o.status() == ImportLauncher.Status.LOADED)
                .allMatch(o -> o.load().isPresent() && o.jobExecutionId() != null);
        assertThat(warehouse()).isEqualTo(expected);
    }

    @Test
    void aWorkerKilledMidPartitionLeavesAFailedPartitionThatARestartCompletesExactlyOnce() {
        Path f = baciYears(1, 90_000).get(0);
        Map<String, Object> expected = singleProcessLoad(List.of(f));

        ImportKind baci = remoteBaci();
        ImportLauncher.Outcome failed;
        // the load's table stalls on line 35,001 (the second of four parts): the worker is mid-partition, with
        // chunks of that part committed before it
        try (StallAtLine stall = StallAtLine.of(jdbc, 1, 35_001);
             WorkerProcess worker = WorkerProcess.start("killed", workerProcessProperties())) {
            Thread killer = new Thread(() -> {
                stall.awaitStalled(Duration.ofSeconds(120));
                worker.kill();
                stall.release();
            });
            killer.start();
            failed = launcher.importFile(baci, f, 10.0);
            join(killer);
            assertThat(worker.alive()).isFalse();
        }
        assertThat(failed.status()).isEqualTo(ImportLauncher.Status.FAILED);
        Map<String, Object> killedPart = jdbc.queryForMap("""
                select status, exit_message, commit_count from batch_step_execution
                where step_name like 'baciLoadPartitionStep:partition%' and exit_message like '%no result from a worker%'
                  and commit_count > 0""");
        assertThat(killedPart.get("status")).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("""
                select count(*) from batch_step_execution
                where step_name like 'baciLoadPartitionStep:partition%' and status in ('STARTING', 'STARTED')""",
                Long.class)).as("no partition is left looking alive").isZero();

        JobExecution execution = jobRepository.getJobExecution(failed.jobExecutionId());
        try (WorkerProcess worker = WorkerProcess.start("restart", workerProcessProperties())) {
            ImportLauncher.Outcome restarted = launcher.restart(baci, execution);
            assertThat(restarted.status()).as(restarted.message()).isEqualTo(ImportLauncher.Status.LOADED);
            assertThat(worker.output()).as("the requests of the failed run, still queued, are dropped")
                    .contains("its step execution is FAILED already");
        }
        assertThat(tradeChecksum()).isEqualTo(expected);
        assertThat(jdbc.queryForMap("select rows_read, rows_loaded, facts_merged from etl.load"))
                .containsEntry("rows_read", 90_000L).containsEntry("rows_loaded", 90_000L)
                .containsEntry("facts_merged", 90_000L);
        assertThat(jdbc.queryForObject("select duplicates_removed from etl.trade_load", Long.class)).isZero();
    }

    @Test
    void aPartitionWhoseWorkerIsKilledIsFinishedByAnotherWorkerWithoutARestart() {
        Path f = baciYears(1, 90_000).get(0);
        Map<String, Object> expected = singleProcessLoad(List.of(f));

        ImportKind baci = remoteBaci();
        ImportLauncher.Outcome o;
        try (StallAtLine stall = StallAtLine.of(jdbc, 1, 35_001);
             WorkerProcess a = WorkerProcess.start("redelivery-a", workerProcessProperties("redelivery-a"));
             WorkerProcess b = WorkerProcess.start("redelivery-b", workerProcessProperties("redelivery-b"))) {
            List<String> killed = new ArrayList<>();
            Thread killer = new Thread(() -> {
                String stalled = stall.awaitStalled(Duration.ofSeconds(120));
                killed.add(stalled);
                (stalled.equals("redelivery-a") ? a : b).kill();
                stall.release();
            });
            killer.start();
            o = launcher.importFile(baci, f, 10.0);
            join(killer);
            assertThat(killed).hasSize(1);
            WorkerProcess survivor = killed.get(0).equals("redelivery-a") ? b : a;
            assertThat(survivor.alive()).isTrue();
            assertThat(o.status()).as(o.message()).isEqualTo(ImportLauncher.Status.LOADED);
        }
        assertThat(tradeChecksum()).isEqualTo(expected);
        assertThat(jdbc.queryForMap("select rows_read, rows_loaded, facts_merged from etl.load"))
                .containsEntry("rows_read", 90_000L).containsEntry("rows_loaded", 90_000L)
                .containsEntry("facts_merged", 90_000L);
        assertThat(jdbc.queryForObject("select duplicates_removed from etl.trade_load", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from batch_step_execution where status <> 'COMPLETED'",
                Long.class)).as("the killed worker's partition was continued, not failed").isZero();
    }

    private static void join(Thread t) {
        try {
            t.join(Duration.ofMinutes(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
