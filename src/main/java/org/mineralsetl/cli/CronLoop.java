package org.mineralsetl.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Fires a task at the times of a Spring cron expression until stopped (or after a number of runs). */
final class CronLoop {

    private static final Logger log = LoggerFactory.getLogger(CronLoop.class);

    /** Waits; returns false when interrupted (SIGTERM). */
    interface Sleeper {
        boolean sleep(Duration d);
    }

    private final CronExpression cron;
    private final Supplier<LocalDateTime> clock;
    private final Sleeper sleeper;

    CronLoop(CronExpression cron, Supplier<LocalDateTime> clock, Sleeper sleeper) {
        this.cron = cron;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Runs the task at each fire time; returns how many runs there were. maxRuns 0 = until stopped. */
    int run(int maxRuns, IntSupplier task) {
        int runs = 0;
        while (maxRuns == 0 || runs < maxRuns) {
            LocalDateTime now = clock.get();
            LocalDateTime next = cron.next(now);
            if (next == null) {
                log.warn("schedule '{}' has no further fire time; stopping", cron);
                break;
            }
            log.info("next run at {}", next);
            if (!sleeper.sleep(Duration.between(now, next))) {
                log.info("stopped while waiting for the next run");
                break;
            }
            long start = System.nanoTime();
            int exit = task.getAsInt();
            runs++;
            log.info("run {} finished with exit code {} in {} s", runs, exit, (System.nanoTime() - start) / 1_000_000_000L);
        }
        return runs;
    }

    static boolean threadSleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
