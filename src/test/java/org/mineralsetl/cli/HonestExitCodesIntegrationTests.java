package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the command line says and returns when things are not as they should be: cron and scripts rely on it. */
class HonestExitCodesIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    RunAll runAll;

    @Autowired
    SpringCommandFactory factory;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        return EtlCommand.commandLine(factory).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private Path copy(Path into, String... worldFiles) throws IOException {
        Files.createDirectories(into);
        for (String n : worldFiles) {
            Files.copy(MCS2024.resolve("world").resolve(n), into.resolve(n));
        }
        return into;
    }

    /** A salient-named file that holds a world table: refused before launch, whatever its bytes. */
    private static void writeMisnamed(Path into) throws IOException {
        Files.writeString(into.resolve("mcs2024-galli_salient.csv"),
                "Source,Country,Type,Prod_t_2022\r\nMCS2024,China,Mine production,5\r\n", StandardCharsets.UTF_8);
    }

    @Test
    void queryRefusesStackedStatementsAndChangesNothing() {
        assertThat(cli("query", "select 1; create table public.sneaky (a int)")).isEqualTo(EtlCommand.USAGE);
        assertThat(err.toString()).contains("exactly one SQL statement (found 2)");
        assertThat(jdbc.queryForObject("select to_regclass('public.sneaky') is null", Boolean.class)).isTrue();
    }

    @Test
    void queryIsReadOnlyUnlessToldToWrite() {
        assertThat(cli("query", "create table public.sneaky (a int)")).isEqualTo(EtlCommand.FAILED);
        assertThat(err.toString()).contains("read-only transaction");
        assertThat(jdbc.queryForObject("select to_regclass('public.sneaky') is null", Boolean.class)).isTrue();

        assertThat(cli("query", "--write", "insert into ref.country_group_member (group_code, iso3)"
                + " values ('allied_bloc', 'NOR') on conflict do nothing")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ref.country_group_member"
                + " where group_code = 'allied_bloc' and iso3 = 'NOR'", Long.class)).isEqualTo(1L);
        jdbc.update("delete from ref.country_group_member where group_code = 'allied_bloc' and iso3 = 'NOR'");

        assertThat(cli("query", "select 1 as one;")).isZero();
        assertThat(out.toString()).isEqualTo("one\n1\n");
    }

    @Test
    void rejectsOfAnUnknownLoadIsBadUsage() {
        assertThat(cli("rejects", "424242")).isEqualTo(EtlCommand.USAGE);
        assertThat(err.toString()).contains("no load 424242");
    }

    @Test
    void maxRejectPctMustBeAPercent() throws IOException {
        Path samples = copy(dir.resolve("in"), "mcs2024-galli_world.csv");
        assertThat(cli("import", "--max-reject-pct", "-5", "usgs-world", samples.toString())).isEqualTo(EtlCommand.USAGE);
        assertThat(cli("import", "--max-reject-pct", "500", "usgs-world", samples.toString())).isEqualTo(EtlCommand.USAGE);
        assertThat(cli("run-all", "--max-reject-pct", "101", samples.toString())).isEqualTo(EtlCommand.USAGE);
        assertThat(err.toString()).contains("--max-reject-pct must be a percent from 0 to 100");
        assertThat(jdbc.queryForObject("select count(*) from etl.load", Long.class)).isZero();
    }

    @Test
    void runAllExitsOneWhenAFileIsRefusedUnlessAllowed() throws IOException {
        Path release = copy(dir.resolve("release"), "mcs2024-galli_world.csv");
        writeMisnamed(release);
        assertThat(cli("run-all", release.toString())).isEqualTo(EtlCommand.FAILED);
        assertThat(out.toString()).contains("refused  mcs2024-galli_salient.csv").contains("1 refused");
        assertThat(err.toString()).contains("1 file(s) refused");
        assertThat(jdbc.queryForObject("select count(*) from etl.load where status = 'COMPLETED'", Long.class))
                .as("the good file still loads").isEqualTo(1L);

        assertThat(cli("run-all", "--allow-refused", release.toString())).isZero();
    }

    @Test
    void runAllOfAFolderWithNothingToLoadFails() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        Files.writeString(empty.resolve("notes.txt"), "not data");
        assertThat(cli("run-all", empty.toString())).isEqualTo(EtlCommand.FAILED);
        assertThat(err.toString()).contains("none of its 1 files is one the imports recognise");
    }

    @Test
    void headerOnlyFilesLoadZeroRowsWithAWarningCountedApart() throws IOException {
        Path release = copy(dir.resolve("release"), "mcs2024-galli_world.csv");
        Files.writeString(release.resolve("mcs2024-raree_world.csv"),
                "Source,Country,Type,Prod_t_2022\r\n", StandardCharsets.UTF_8);
        assertThat(cli("run-all", release.toString())).isZero();
        assertThat(err.toString()).contains("warning: mcs2024-raree_world.csv has a header and no data rows");
        assertThat(out.toString()).contains("2 files loaded").contains("1 of them header only (0 rows)");
    }

    @Test
    void inboxSummaryCountsOnlyTheFilesNoImportRecognises() throws IOException {
        Path inbox = copy(dir.resolve("inbox"), "mcs2024-galli_world.csv", "mcs2024-raree_world.csv");
        writeMisnamed(inbox);
        Files.writeString(inbox.resolve("README.txt"), "notes");
        Files.writeString(inbox.resolve("prices.xlsx.part"), "partial");
        int exit = runAll.inbox(inbox, 10, false, Duration.ZERO, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as("a refused file makes the run fail").isEqualTo(EtlCommand.FAILED);
        assertThat(out.toString()).contains("2 files loaded").contains("1 refused")
                .contains("2 not recognised (README.txt, prices.xlsx.part)");
        assertThat(runAll.inbox(inbox, 10, false, Duration.ZERO, new PrintWriter(out, true), new PrintWriter(err, true)))
                .isZero();
        assertThat(out.toString()).contains("the inbox is empty");
    }

    @Test
    void aRefusedImportPrintsItsReasonWithoutAStackTrace() throws IOException {
        Path f = dir.resolve("BACI_HS17_Y2021_V202301.csv");
        Files.writeString(f, "x,y\n1,2\n");
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
            exit = cli("import", "baci", f.toString());
        } finally {
            System.setErr(stderr);
        }
        assertThat(exit).isEqualTo(EtlCommand.FAILED);
        assertThat(err.toString()).contains("not a BACI trade file: the header is x,y");
        assertThat(console.toString(StandardCharsets.UTF_8)).as("the log lines on the terminal")
                .doesNotContain("\tat org.").doesNotContain("Encountered an error executing step");
    }
}
