package org.mineralsetl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jobs/etl <command>}. Exit codes, the same for every command: 0 success, 1 failed, 2 bad usage.
 */
@Command(name = "etl", mixinStandardHelpOptions = true,
        description = "Loads critical-mineral production and trade statistics into the PostgreSQL warehouse.",
        subcommands = {RunAllCommand.class, ImportCommand.class, QueryCommand.class, StatusCommand.class,
                RejectsCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failed (a load failed, or a query error)", "2:bad usage"})
public class EtlCommand implements Runnable {

    public static final int OK = 0;
    public static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(EtlCommand.class, factory);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return FAILED;
        });
        return cl;
    }
}
