package org.mineralsetl.cli;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl schedule}: for hosts without cron, fires run-all (or an inbox scan) on a Spring cron
 * expression (ETL_SCHEDULE, seconds first: {@code 0 0 3 * * SUN}), logging each run; SIGTERM stops it
 * while it waits (a run cut short by a stop restarts from its last chunk next time).
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Long-running mode: fires run-all on a cron expression (ETL_SCHEDULE) until stopped.")
class ScheduleCommand implements Callable<Integer> {

    @Option(names = "--cron", description = "Spring cron expression, seconds first (default: ETL_SCHEDULE, else weekly '0 0 3 * * SUN')")
    String cron;

    @Option(names = "--inbox", paramLabel = "DIR", description = "scan this inbox instead of running run-all on input-samples")
    Path inbox;

    @Option(names = "--runs", defaultValue = "0", description = "stop after this many runs (0: until stopped)")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunAll runAll;
    private final Path home;
    private final String configuredCron;

    ScheduleCommand(RunAll runAll, @Value("${etl.home:.}") String home, @Value("${etl.schedule}") String configuredCron) {
        this.runAll = runAll;
        this.home = Path.of(home);
        this.configuredCron = configuredCron;
    }

    @Override
    public Integer call() {
        String expression = cron != null ? cron : configuredCron;
        CronExpression parsed;
        try {
            parsed = CronExpression.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a cron expression: '" + expression + "' (" + e.getMessage() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Thread main = Thread.currentThread();
        Thread hook = new Thread(main::interrupt);
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("schedule '" + expression + "': " + (inbox != null ? "run-all --inbox " + inbox : "run-all") + "; SIGTERM stops");
        out.flush();
        new CronLoop(parsed, LocalDateTime::now, CronLoop::threadSleep).run(runs, () -> inbox != null
                ? runAll.inbox(inbox, 10.0, false, Duration.ofSeconds(2), out, err)
                : runAll.directory(home.resolve("input-samples"), 10.0, false, out, err));
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping
        }
        return EtlCommand.OK;
    }
}
