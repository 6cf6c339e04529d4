package org.mineralsetl.fault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.TestDatabase;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.baci.BaciSampleFile;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.warehouse.ImportLauncher;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mineralsetl.support.TestWorkbooks.wmdSheet;

/**
 * Fault injection: the import process killed with SIGKILL at random points of a BACI-shaped load (1,000,000 rows by
 * default, -Dfault.baci.rows) and of a workbook load, also inside the merge; the load's database sessions terminated
 * at random points; two launches of the same file at once. After each fault a restart (the same import again) must
 * leave the facts equal to a clean load: the same count and the same checksum of keys and values. Each trial prints
 * what it did and how it ended.
 */
@Tag("fault")
class KillAndRestartIntegrationTests extends WarehouseIntegrationTest {

    private static final long BACI_ROWS = Long.getLong("fault.baci.rows", 1_000_000L);
    private static final long SEED = Long.getLong("fault.seed", 20261204L);

    private static final String TRADE_CHECKSUM = """
            select count(*) as n,
                   coalesce(sum(hashtextextended(concat_ws('|', year, reporter_code, partner_code, hs_code, value,
                                                          net_weight, row_number), 0)::numeric), 0) as checksum
            from warehouse.trade_flow""";
    private static final String PRODUCTION_CHECKSUM = """
            select count(*) as n,
                   coalesce(sum(hashtextextended(concat_ws('|', commodity, stage, measure, entity_key, year, quantity_t,
                                                          sheet, row_number, column_name), 0)::numeric), 0) as checksum
            from warehouse.production_fact""";

    @TempDir
    Path dir;

    private final List<String> trials = new ArrayList<>();

    @AfterEach
    void report() {
        jdbc.execute("drop function if exists staging.fault_sleep() cascade");
        trials.forEach(System.out::println);
    }

    /** The import as its own JVM, as jobs/etl runs it (the test's classpath, the test database). */
    private Process launch(String... args) throws Exception {
        TestDatabase.Connection c = TestDatabase.get();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "-Detl.home=" + dir, "-Dwarehouse.url=" + c.url(),
                "-Dwarehouse.user=" + c.user(), "-Dwarehouse.password=" + c.password(),
                "org.mineralsetl.EtlApplication"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process-" + System.nanoTime() + ".log").toFile()).start();
    }

    private long scalar(String sql) {
        Long v = jdbc.queryForObject(sql, Long.class);
        return v == null ? 0 : v;
    }

    private static void await(BooleanSupplier condition, long timeoutMillis, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** After a kill the server notices the dead client; the file's lock goes with its session. */
    private void awaitNoOtherSessionHoldsALock() throws InterruptedException {
        await(() -> scalar("select count(*) from pg_locks where locktype = 'advisory' and pid <> pg_backend_pid()"
                + " and database = (select oid from pg_database where datname = current_database())") == 0,
                30_000, "the killed process's sessions to end");
    }

    /** Makes statements on a table sleep, so that a kill can land inside them (the merge, a chunk's write). */
    private void slowDown(String table, String event, double seconds) {
        jdbc.execute("create or replace function staging.fault_sleep() returns trigger language plpgsql as $$ begin"
                + " perform pg_sleep(" + seconds + "); return null; end $$");
        jdbc.execute("create trigger fault_sleep before " + event + " on " + table
                + " for each statement execute function staging.fault_sleep()");
    }

    private void noSlowDown(String table) {
        jdbc.execute("drop trigger if exists fault_sleep on " + table);
    }

    @Test
    void aBaciLoadKilledAtRandomPointsEndsEqualToACleanLoadAfterARestart() throws Exception {
        Path file = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        BaciSampleFile.write(file, BACI_ROWS, 2022, 11);
        long t0 = System.nanoTime();
        assertThat(importFile("baci", file).status()).isEqualTo(ImportLauncher.Status.LOADED);
        double cleanSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> clean = jdbc.queryForMap(TRADE_CHECKSUM);
        assertThat(clean.get("n")).isEqualTo(BACI_ROWS);
        trials.add(String.format(Locale.ROOT, "baci clean load: %d rows in %.1f s, checksum %s", BACI_ROWS, cleanSeconds,
                clean.get("checksum")));

        SplittableRandom random = new SplittableRandom(SEED);
        int trial = 0;
        // 8 kills at a random share of the lines committed, 2 inside the merge
        for (; trial < 10; trial++) {
            emptyWarehouse();
            boolean inMerge = trial >= 8;
            double share = random.nextDouble(0.02, 0.95);
            if (inMerge) {
                slowDown("etl.trade_load", "update", 3);
            }
            Process p = launch("import", "baci", file.toString());
            long start = System.nanoTime();
            if (inMerge) {
                await(() -> scalar("select count(*) from batch_step_execution where step_name = 'baciMergeStep'"
                        + " and status = 'STARTED'") > 0 || !p.isAlive(), 120_000, "the merge to start");
                Thread.sleep(random.nextInt(200, 2500));
            } else {
                long target = (long) (share * BACI_ROWS / 1000);
                await(() -> scalar("select coalesce(sum(read_count), 0) from batch_step_execution"
                        + " where step_name like 'baciLoadPartitionStep:%'") >= target || !p.isAlive(), 120_000,
                        "the load to commit " + target + " blocks");
            }
            boolean aliveAtKill = p.isAlive();
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            double killedAfter = (System.nanoTime() - start) / 1e9;
            long committedBefore = scalar("select count(*) from etl.load where status = 'COMPLETED'");
            long linesCommitted = scalar("select coalesce(sum(read_count), 0) * 1000 from batch_step_execution"
                    + " where step_name like 'baciLoadPartitionStep:%'");
            awaitNoOtherSessionHoldsALock();
            if (inMerge) {
                noSlowDown("etl.trade_load");
            }
            ImportLauncher.Outcome restart = importFile("baci", file);
            Map<String, Object> after = jdbc.queryForMap(TRADE_CHECKSUM);
            trials.add(String.format(Locale.ROOT, "baci trial %d: kill -9 %s after %.1f s (%s, about %d lines committed,"
                            + " %d loads completed before the kill) -> restart %s, %s rows, checksum %s",
                    trial + 1, inMerge ? "inside the merge" : "during the load", killedAfter,
                    aliveAtKill ? "process alive" : "process had ended", linesCommitted, committedBefore,
                    restart.status(), after.get("n"), after.get("checksum").equals(clean.get("checksum")) ? "equal" : "DIFFERENT"));
            assertThat(restart.status()).as(restart.message()).isIn(ImportLauncher.Status.LOADED,
                    ImportLauncher.Status.ALREADY_LOADED);
            assertThat(after).as("trial " + (trial + 1)).isEqualTo(clean);
            assertThat(scalar("select count(*) from etl.load where status = 'COMPLETED'")).isEqualTo(1L);
        }
    }

    @Test
    void aWorkbookLoadKilledWhileLoadingOrInsideTheMergeEndsEqualToACleanLoadAfterARestart() throws Exception {
        List<TestWorkbooks.SheetSpec> sheets = new ArrayList<>();
        String[] countries = {"Chile", "Peru", "China", "Australia", "Argentina", "Brazil", "Canada", "Congo, D.R.",
                "Zimbabwe", "Portugal"};
        String[] minerals = {"Lithium", "Cobalt", "Copper", "Nickel", "Graphite", "Gallium", "Germanium", "Manganese"};
        for (int m = 0; m < minerals.length; m++) {
            Object[][] rows = new Object[countries.length][];
            for (int c = 0; c < countries.length; c++) {
                rows[c] = new Object[] {countries[c], "metr. t", 100 + m * 10 + c, 200 + c, 300 + m, 400 + c * m, 500,
                        "reported"};
            }
            sheets.add(wmdSheet(minerals[m], rows));
        }
        Path file = TestWorkbooks.xlsx(dir.resolve("wmd-fault.xlsx"), sheets.toArray(TestWorkbooks.SheetSpec[]::new));
        assertThat(launcher.importFile(kind("mapping:wmd"), file, 10.0).status()).isEqualTo(ImportLauncher.Status.LOADED);
        Map<String, Object> clean = jdbc.queryForMap(PRODUCTION_CHECKSUM);
        trials.add("workbook clean load: " + clean.get("n") + " facts, checksum " + clean.get("checksum"));

        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int trial = 0; trial < 4; trial++) {
            emptyWarehouse();
            boolean inMerge = trial >= 2;
            // each chunk's write (or the merge's insert) sleeps, so that the kill lands inside it
            String table = inMerge ? "warehouse.production_fact" : "staging.production_row";
            slowDown(table, "insert", inMerge ? 3 : 0.5);
            Process p = launch("import", "--mapping", Path.of("jobs/sources/wmd.yml").toAbsolutePath().toString(),
                    file.toString(), "--max-reject-pct", "10");
            long start = System.nanoTime();
            if (inMerge) {
                await(() -> scalar("select count(*) from batch_step_execution where step_name = 'spreadsheetMergeStep'"
                        + " and status = 'STARTED'") > 0 || !p.isAlive(), 120_000, "the merge to start");
            } else {
                await(() -> scalar("select count(*) from batch_step_execution where step_name = 'spreadsheetLoadStep'"
                        + " and status = 'STARTED'") > 0 || !p.isAlive(), 120_000, "the load to start");
            }
            Thread.sleep(random.nextInt(100, 1500));
            boolean aliveAtKill = p.isAlive();
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            double killedAfter = (System.nanoTime() - start) / 1e9;
            awaitNoOtherSessionHoldsALock();
            noSlowDown(table);
            ImportLauncher.Outcome restart = launcher.importFile(kind("mapping:wmd"), file, 10.0);
            Map<String, Object> after = jdbc.queryForMap(PRODUCTION_CHECKSUM);
            trials.add(String.format(Locale.ROOT, "workbook trial %d: kill -9 %s after %.1f s (%s) -> restart %s, %s facts,"
                            + " checksum %s", trial + 1, inMerge ? "inside the merge" : "during the load", killedAfter,
                    aliveAtKill ? "process alive" : "process had ended", restart.status(), after.get("n"),
                    after.get("checksum").equals(clean.get("checksum")) ? "equal" : "DIFFERENT"));
            assertThat(restart.status()).as(restart.message()).isIn(ImportLauncher.Status.LOADED,
                    ImportLauncher.Status.ALREADY_LOADED);
            assertThat(after).as("trial " + (trial + 1)).isEqualTo(clean);
        }
    }

    @Test
    void aBaciLoadWhoseSessionsAreTerminatedAtRandomPointsEndsEqualToACleanLoadAfterARestart() throws Exception {
        Path file = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        long rows = Math.min(BACI_ROWS, 300_000);
        BaciSampleFile.write(file, rows, 2022, 13);
        assertThat(importFile("baci", file).status()).isEqualTo(ImportLauncher.Status.LOADED);
        Map<String, Object> clean = jdbc.queryForMap(TRADE_CHECKSUM);
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int trial = 0; trial < 5; trial++) {
            emptyWarehouse();
            long target = (long) (random.nextDouble(0.05, 0.9) * rows / 1000);
            CompletableFuture<ImportLauncher.Outcome> load = CompletableFuture.supplyAsync(() -> importFile("baci", file));
            await(() -> scalar("select coalesce(sum(read_count), 0) from batch_step_execution"
                    + " where step_name like 'baciLoadPartitionStep:%'") >= target || load.isDone(), 120_000, "the load");
            // a database fault: every other session of this database is cut off (the load's and the pool's)
            long cut = scalar("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'");
            ImportLauncher.Outcome first = load.get(120, TimeUnit.SECONDS);
            String leftAs = jdbc.queryForObject("select status from batch_job_execution order by job_execution_id desc"
                    + " limit 1", String.class);
            ImportLauncher.Outcome restart = importFile("baci", file);
            Map<String, Object> after = jdbc.queryForMap(TRADE_CHECKSUM);
            trials.add(String.format(Locale.ROOT, "backend trial %d: %d sessions terminated at >= %d blocks -> the load"
                            + " %s (execution left %s) -> restart %s, %s rows, checksum %s", trial + 1, cut, target,
                    first.status(), leftAs, restart.status(), after.get("n"),
                    after.get("checksum").equals(clean.get("checksum")) ? "equal" : "DIFFERENT"));
            assertThat(restart.status()).as(restart.message()).isIn(ImportLauncher.Status.LOADED,
                    ImportLauncher.Status.ALREADY_LOADED);
            assertThat(after).as("trial " + (trial + 1)).isEqualTo(clean);
        }
    }

    @Test
    void twoLaunchesOfTheSameFileAtOnceLoadItOnce() throws Exception {
        Path file = dir.resolve("BACI_HS17_Y2022_V202301.csv");
        BaciSampleFile.write(file, 200_000, 2022, 17);
        // (a small sample file runs into the next year: those lines are rejects, under this threshold)
        Process a = launch("import", "--max-reject-pct", "50", "baci", file.toString());
        Process b = launch("import", "--max-reject-pct", "50", "baci", file.toString());
        assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
        List<Integer> exits = List.of(a.exitValue(), b.exitValue());
        trials.add("two launches at once: exit codes " + exits + ", "
                + scalar("select count(*) from warehouse.trade_flow") + " rows, "
                + scalar("select count(*) from etl.load where status = 'COMPLETED'") + " completed load");
        assertThat(exits).as("one loads; the other is refused while the first holds the file (1) or finds it loaded (0)")
                .contains(0);
        assertThat(scalar("select count(*) from etl.load where status = 'COMPLETED'")).isEqualTo(1L);
        assertThat(scalar("select count(*) from warehouse.trade_flow")).isPositive()
                .isEqualTo(scalar("select facts_merged from etl.load where status = 'COMPLETED'"));
        assertThat(scalar("select rows_read from etl.load where status = 'COMPLETED'")).isEqualTo(200_000L);
        if (exits.contains(1)) {
            ImportLauncher.Outcome again = importFile("baci", file, 50);
            assertThat(again.status()).isEqualTo(ImportLauncher.Status.ALREADY_LOADED);
        }
    }
}
