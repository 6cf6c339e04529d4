package org.mineralsetl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jobs/etl <command>}. Exit codes, the same for every command: 0 success, 1 failed, 2 bad usage,
 * 3 refused because another run holds the lock, 4 finished but a load's rejects passed its threshold.
 */
@Command(name = "etl", mixinStandardHelpOptions = true,
        description = "Loads critical-mineral production and trade statistics into the PostgreSQL warehouse.",
        subcommands = {RunAllCommand.class, ImportCommand.class, IndicatorsCommand.class, QueryCommand.class,
                StatusCommand.class, RejectsCommand.class, RestartCommand.class, AbandonCommand.class, ScheduleCommand.class,
                ServeCommand.class, PsqlCommand.class, ReportCommand.class,
                ScenarioCommand.class, WorkerCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failed (a load failed or was refused, a query error)", "2:bad usage",
                "3:refused: another run holds the lock", "4:finished, but a load's rejects passed its threshold (nothing of it merged)"})
class EtlCommand implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LOCKED = 3;
    public static final int REJECTS = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every command takes it: the terminal shows all log lines with their stack traces (var/log/etl.log always has them). */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "show every log line with stack traces on the terminal (they are always in var/log/etl.log)")
    void verbose(boolean on) {
        ConsoleFilter.verboseRun(on);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(EtlCommand.class, factory);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return ex instanceof CommandLine.ParameterException ? USAGE : FAILED;
        });
        return cl;
    }
}
