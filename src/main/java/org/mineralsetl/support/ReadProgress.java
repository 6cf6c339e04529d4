package org.mineralsetl.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Progress of a long load: rows, percent of the file (of its part, for a partition), rows/s and ETA (rows and rows/s
 * for a workbook, streamed without knowing how far through its bytes it is). On a terminal, one line on stderr that
 * updates in place (4 times a second at most); otherwise a log line every few seconds. One instance per step
 * execution: step-scoped where partitions run at once.
 */
public class ReadProgress implements ItemReadListener<Object>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ReadProgress.class);

    private final ProgressSource source;
    private final BooleanSupplier terminal;
    private final PrintStream err;
    private final long logEveryNanos;
    private long rows;
    private long startNanos;
    private long lastNanos;
    private boolean printed;

    public ReadProgress(ProgressSource source) {
        this(source, () -> System.console() != null, System.err, 5_000_000_000L);
    }

    ReadProgress(ProgressSource source, BooleanSupplier terminal, PrintStream err, long logEveryNanos) {
        this.source = source;
        this.terminal = terminal;
        this.err = err;
        this.logEveryNanos = logEveryNanos;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        rows = 0;
        startNanos = System.nanoTime();
        lastNanos = startNanos - Long.MAX_VALUE / 2; // the first report comes at once, then at most 4 a second
        printed = false;
    }

    /** Counts a record, or the records of a block ({@link BlockReader}). */
    @Override
    public void afterRead(Object item) {
        long before = rows;
        rows += item instanceof List<?> block ? block.size() : 1;
        if (rows >>> 8 == before >>> 8) {
            return;
        }
        long now = System.nanoTime();
        boolean tty = terminal.getAsBoolean();
        if (now - lastNanos < (tty ? 250_000_000L : logEveryNanos)
                || (!tty && now - startNanos < logEveryNanos)) {
            return; // a log gets a line every few seconds, and none for a load shorter than that
        }
        lastNanos = now;
        String line = line(now);
        if (tty) {
            err.print("\r" + line + "   ");
            err.flush();
            printed = true;
        } else {
            log.info(line);
        }
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = rows / seconds;
        long total = source.totalBytes();
        if (total <= 0) {
            return String.format(Locale.ROOT, "%s: %,d rows, %,.0f rows/s", source.fileName(), rows, rate);
        }
        double fraction = total > 0 ? Math.min(1.0, (double) source.bytesRead() / total) : 0;
        String eta = fraction > 0.001 ? String.format(Locale.ROOT, "%.0fs", seconds * (1 - fraction) / fraction) : "?";
        return String.format(Locale.ROOT, "%s: %,d rows, %.1f%% of the file, %,.0f rows/s, ETA %s",
                source.fileName(), rows, 100 * fraction, rate, eta);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (printed) {
            err.println();
            err.flush();
        }
        return stepExecution.getExitStatus();
    }
}
