package org.mineralsetl.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.TestDatabase;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.RunLock;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unattended and operator paths: the run lock, the inbox, restart and abandon, the read-only role. */
class OperationsIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    RunAll runAll;

    @Autowired
    RunLock runLock;

    @Autowired
    SpringCommandFactory factory;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void dropTriggers() {
        jdbc.execute("drop trigger if exists slow_or_fail on staging.production_row");
        jdbc.execute("drop function if exists staging.slow_or_fail()");
    }

    private void onStagingInsert(String body) {
        jdbc.execute("create or replace function staging.slow_or_fail() returns trigger language plpgsql as $$ begin "
                + body + " return null; end $$");
        jdbc.execute("create trigger slow_or_fail before insert on staging.production_row for each statement execute function staging.slow_or_fail()");
    }

    private Path samples(String... names) throws IOException {
        Path d = Files.createDirectories(dir.resolve("samples"));
        for (String n : names) {
            Files.copy(MCS2024.resolve("world").resolve(n), d.resolve(n));
        }
        return d;
    }

    private int cli(String... args) {
        return EtlCommand.commandLine(factory).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void refusesASecondRunAllWhileTheFirstHoldsTheLockWithExitCode3() throws Exception {
        Path samples = samples("mcs2024-raree_world.csv", "mcs2024-galli_world.csv");
        onStagingInsert("perform pg_sleep(1.5);");
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                () -> runAll.directory(samples, 10, false, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        long deadline = System.currentTimeMillis() + 20_000;
        while (runLock.holder().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runLock.holder()).as("the first run holds the lock").isPresent();

        int second = runAll.directory(samples, 10, false, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(second).isEqualTo(EtlCommand.LOCKED);
        assertThat(err.toString()).startsWith("refused: another run holds the run lock").hasLineCount(1);
        assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(EtlCommand.OK);
        assertThat(jdbc.queryForObject("select count(*) from etl.load where status = 'COMPLETED'", Long.class)).isEqualTo(2);
        assertThat(runLock.holder()).as("released at the end").isEmpty();
    }

    @Test
    void movesInboxFilesToArchiveOrErrorWithAReasonAndLeavesGrowingFiles() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.copy(MCS2024.resolve("world/mcs2024-raree_world.csv"), inbox.resolve("mcs2024-raree_world.csv"));
        Files.copy(MCS2024.resolve("salient/mcs2024-lithi_salient.csv"), inbox.resolve("mcs2024-graph_world.csv"));
        Files.writeString(inbox.resolve("notes.txt"), "not data");
        Path growing = inbox.resolve("mcs2024-lithi_world.csv");
        Files.writeString(growing, "Source,Country,Type,Prod_t_2022\r\n");
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 30; i++) {
                try {
                    Files.writeString(growing, "MCS2024,Chile,Mine production," + i + "\r\n", StandardOpenOption.APPEND);
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        int exit = runAll.inbox(inbox, 10, false, Duration.ofSeconds(1), new PrintWriter(out, true), new PrintWriter(err, true));
        writer.get(10, TimeUnit.SECONDS);

        String day = java.time.LocalDate.now().toString();
        assertThat(exit).as("a refused file fails the run, so that cron sees it").isEqualTo(EtlCommand.FAILED);
        assertThat(inbox.resolve("archive").resolve(day).resolve("mcs2024-raree_world.csv")).exists();
        Path refused = inbox.resolve("error").resolve(day).resolve("mcs2024-graph_world.csv");
        assertThat(refused).exists();
        assertThat(Files.readString(refused.resolveSibling("mcs2024-graph_world.csv.reason.txt")))
                .contains("holds US salient statistics");
        assertThat(Files.readString(inbox.resolve("error").resolve(day).resolve("notes.txt.reason.txt")))
                .contains("no import recognises the file name notes.txt");
        assertThat(growing).exists();
        assertThat(out.toString()).contains("waiting  mcs2024-lithi_world.csv: still being written");
        assertThat(jdbc.queryForObject("select count(*) from etl.load", Long.class)).isOne();

        // the same bytes again: archived as a duplicate, not reloaded
        Files.copy(MCS2024.resolve("world/mcs2024-raree_world.csv"), inbox.resolve("mcs2024-raree_world.csv"));
        Files.delete(growing);
        assertThat(runAll.inbox(inbox, 10, false, Duration.ZERO, new PrintWriter(out, true), new PrintWriter(err, true)))
                .isEqualTo(EtlCommand.OK);
        assertThat(inbox.resolve("archive").resolve(day).resolve("mcs2024-raree_world.csv.1")).exists();
        assertThat(jdbc.queryForObject("select count(*) from etl.load", Long.class)).isOne();
        assertThat(out.toString()).contains("byte-identical");
    }

    @Test
    void restartsAFailedImportByExecutionIdAndLoadsAnAbandonedOneAgainAsANewLoad() throws Exception {
        Path samples = samples("mcs2024-raree_world.csv", "mcs2024-galli_world.csv");
        onStagingInsert("raise exception 'disk full (injected)';");
        assertThat(importFile("usgs-world", samples.resolve("mcs2024-raree_world.csv")).status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(importFile("usgs-world", samples.resolve("mcs2024-galli_world.csv")).status()).isEqualTo(ImportLauncher.Status.FAILED);
        long raree = jdbc.queryForObject("select job_execution_id from etl.load l join etl.source_file f using (source_file_id) where f.file_name = 'mcs2024-raree_world.csv'", Long.class);
        long galli = jdbc.queryForObject("select job_execution_id from etl.load l join etl.source_file f using (source_file_id) where f.file_name = 'mcs2024-galli_world.csv'", Long.class);
        dropTriggers();

        assertThat(cli("restart", String.valueOf(raree))).isEqualTo(EtlCommand.OK);
        assertThat(out.toString()).contains("loaded   mcs2024-raree_world.csv");
        assertThat(cli("abandon", String.valueOf(galli))).isEqualTo(EtlCommand.OK);
        assertThat(out.toString()).contains("abandoned");

        ImportLauncher.Outcome again = importFile("usgs-world", samples.resolve("mcs2024-galli_world.csv"));
        assertThat(again.status()).as(again.message()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select f.file_name || '=' || l.status || '#' || l.attempt from etl.load l"
                + " join etl.source_file f using (source_file_id) order by 1", String.class))
                .containsExactly("mcs2024-galli_world.csv=ABANDONED#0", "mcs2024-galli_world.csv=COMPLETED#1",
                        "mcs2024-raree_world.csv=COMPLETED#0");
        assertThat(cli("restart", "999999")).isEqualTo(EtlCommand.USAGE);
        assertThat(cli("status", "5")).isZero();
        assertThat(out.toString()).contains("usgsWorldImportJob").contains("rows_per_s");
    }

    @Test
    void exitsWith4WhenALoadsRejectsPassTheThreshold() throws IOException {
        Path file = dir.resolve("mcs2024-raree_world.csv");
        Files.writeString(file, "Source,Country,Type,Prod_t_2022\r\nMCS2024,Atlantis,Mine production,5\r\nMCS2024,China,Mine production,5\r\n",
                StandardCharsets.UTF_8);
        assertThat(cli("import", "usgs-world", file.toString())).isEqualTo(EtlCommand.REJECTS);
        assertThat(err.toString()).contains("1 of 2 rows rejected");
        assertThat(cli("rejects", "1")).isZero();
        assertThat(out.toString()).contains("unknown country 'Atlantis'");
    }

    @Test
    void letsTheReaderRoleSelectThePublicViewsOnly() throws Exception {
        importFile("usgs-world", MCS2024.resolve("world/mcs2024-raree_world.csv"));
        TestDatabase.Connection db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.url(), "warehouse_reader", "reader");
             Statement st = c.createStatement()) {
            var rs = st.executeQuery("select count(*) from warehouse.v_production where commodity = 'rare_earths'");
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
            assertThatThrownBy(() -> st.executeUpdate("insert into ref.stage values ('x', 'x', 9)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeUpdate("delete from warehouse.production_fact"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeQuery("select * from etl.load"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeQuery("select * from warehouse.production_fact"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeQuery("select * from batch_job_execution"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }
}
