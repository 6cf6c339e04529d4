package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.indicator.IndicatorRunner;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jobs/etl report}: its exit codes (0 written, 1 failed, 2 bad usage) and what it prints. */
class ReportCommandIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    SpringCommandFactory factory;

    @Autowired
    IndicatorRunner indicators;

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run etl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EtlCommand.commandLine(factory);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheReportAndListsItsFilesWithExitCode0() throws IOException {
        Path world = dir.resolve("mcs2024-tungs_world.csv");
        Files.writeString(world, "Source,Country,Type,Prod_t_2022,Prod_t_est_2023,Prod_notes,Reserves_t,Reserves_notes\r\n"
                + "MCS2024,China,\"Mine production, tungsten content\",60,50,,NA,\r\n"
                + "MCS2024,Australia,\"Mine production, tungsten content\",40,50,,NA,\r\n"
                + "MCS2024,World total (rounded),\"Mine production, tungsten content\",100,100,,NA,\r\n", StandardCharsets.UTF_8);
        importFile("usgs-world", world);
        assertThat(indicators.run().ok()).isTrue();

        Run run = etl("report", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("report written to").contains("indicators.xlsx").contains("china-share.png")
                .contains("concentration-hhi.png").contains("top-producers.png").contains("index.html");
        assertThat(dir.resolve("out/index.html")).isRegularFile();
    }

    @Test
    void failsWithExitCode1AndAHintOnAnEmptyWarehouse() {
        Run run = etl("report", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error: report failed: no indicators").contains("jobs/etl run-all");
    }

    @Test
    void refusesAMissingOutOrAFileAsOutWithExitCode2() throws IOException {
        assertThat(etl("report").exitCode()).isEqualTo(2);

        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Run run = etl("report", "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a file, not a directory");
    }
}
