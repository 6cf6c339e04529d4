package org.mineralsetl.support;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReadProgressTests {

    private static final class HalfRead implements ProgressSource {
        @Override
        public String fileName() {
            return "BACI_HS17_Y2022_V202301.csv";
        }

        @Override
        public long bytesRead() {
            return 500;
        }

        @Override
        public long totalBytes() {
            return 1000;
        }
    }

    private static StepExecution step() {
        return new StepExecution("load", new JobExecution(1L, new JobInstance(1L, "job"), new JobParameters()));
    }

    @Test
    void printsOneUpdatingLineOnATerminalWithRowsPercentRateAndEta() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ReadProgress progress = new ReadProgress(new HalfRead(), () -> true, new PrintStream(buffer, true, StandardCharsets.UTF_8), 0);
        progress.beforeStep(step());
        for (int i = 0; i < 256 * 3; i++) {
            progress.afterRead("row");
        }
        progress.afterStep(step());
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\rBACI_HS17_Y2022_V202301.csv: 256 rows, 50.0% of the file,")
                .contains("rows/s, ETA ").endsWith(System.lineSeparator());
        assertThat(text.chars().filter(c -> c == '\n').count()).as("one line, updated in place").isEqualTo(1);
    }

    @Test
    void writesNothingToTheTerminalWhenNotOnOne() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ReadProgress progress = new ReadProgress(new HalfRead(), () -> false, new PrintStream(buffer, true, StandardCharsets.UTF_8), 0);
        progress.beforeStep(step());
        for (int i = 0; i < 1024; i++) {
            progress.afterRead("row");
        }
        progress.afterStep(step());
        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
