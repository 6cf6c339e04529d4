package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.EtlApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job as a new user runs it: {@code run-all} on the embedded default (no WAREHOUSE_URL), then a
 * later process that queries what the first one loaded, then a re-run that loads nothing twice.
 */
class RunAllEndToEndIntegrationTests {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out) {
    }

    private Run etl(Path dataDir, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        // system properties rank above application.properties, as WAREHOUSE_* environment variables would
        System.setProperty("warehouse.url", "");
        System.setProperty("warehouse.data-dir", dataDir.toString());
        try {
            int code = SpringApplication.exit(new SpringApplicationBuilder(EtlApplication.class).run(args));
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.clearProperty("warehouse.url");
            System.clearProperty("warehouse.data-dir");
        }
    }

    @Test
    void runAllLoadsTheSamplesIntoTheEmbeddedWarehouseThatALaterRunCanQuery() throws Exception {
        Path data = dir.resolve("warehouse");

        Run first = etl(data, "run-all");

        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).contains("0 failed").contains("0 refused").contains("1 not recognised (SOURCES.md)")
                .containsPattern("run-all .*: \\d+ files loaded").contains("0 over the reject threshold")
                .contains("import_dependence=");
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        Run query = etl(data, "query", "select country_iso3, quantity_t from warehouse.v_production "
                + "where commodity = 'rare_earths' and year = 2023 and country_iso3 = 'CHN'");

        assertThat(query.exitCode()).isZero();
        assertThat(query.out()).as(first.out()).isEqualTo("country_iso3,quantity_t\nCHN,240000\n");

        Run again = etl(data, "run-all");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 files loaded").containsPattern("[1-9]\\d+ already loaded");

        Run bad = etl(data, "query", "select * from no_such_table");
        assertThat(bad.exitCode()).isEqualTo(1);

        Run usage = etl(data, "import", "no-such-kind", "x.csv");
        assertThat(usage.exitCode()).isEqualTo(2);
    }
}
