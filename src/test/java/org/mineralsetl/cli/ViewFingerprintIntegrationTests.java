package org.mineralsetl.cli;

import org.junit.jupiter.api.Test;
import org.mineralsetl.ViewFingerprints;
import org.mineralsetl.WarehouseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public views keep their rows and values: after {@code run-all} on input-samples/, the fingerprint of every
 * public view (row count and MD5 of its rows, see {@link ViewFingerprints}) equals the one recorded in
 * src/test/resources/fingerprints/input-samples.txt. A change to a view's contents must change that file with it,
 * in the same commit, saying why ({@code ViewFingerprints.main} writes it).
 */
class ViewFingerprintIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    RunAll runAll;

    @Autowired
    DataSource dataSource;

    @Test
    void everyPublicViewHoldsTheRecordedRowsAfterRunAllOnTheSamples() throws Exception {
        StringWriter out = new StringWriter();
        int exit = runAll.directory(Path.of("input-samples"), 10, true, new PrintWriter(out), new PrintWriter(out));
        assertThat(exit).as(out.toString()).isZero();

        String expected = Files.readString(Path.of("src/test/resources/fingerprints/input-samples.txt"),
                StandardCharsets.UTF_8);
        try (Connection c = dataSource.getConnection()) {
            assertThat(ViewFingerprints.format(ViewFingerprints.of(c))).isEqualTo(expected);
        }
    }
}
