package org.mineralsetl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jobs/etl bench <what>}: measured speed and memory of an import, printed, never asserted. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks an import on generated data and prints rows/s and heap.",
        subcommands = {BenchXlsxCommand.class})
class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to benchmark: xlsx");
    }
}
