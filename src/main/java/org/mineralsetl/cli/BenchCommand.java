package org.mineralsetl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jobs/etl bench <what>}: speed measurements on this machine. Not tests: they print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures load speed (prints rows/s); changes nothing it does not clean up.",
        subcommands = {BenchTradeCommand.class, BenchXlsxCommand.class, BenchIndicatorsCommand.class})
class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to measure: trade, xlsx or indicators");
    }
}
