package org.mineralsetl.cli;

import org.mineralsetl.indicator.IndicatorRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code jobs/etl indicators [--full]}: recomputes the indicators from the facts now in the warehouse. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = {"Recomputes the indicators (China share, concentration, NIR, group shares, supply risk, "
                + "import dependence, GeoPolRisk, stockpile cover, self-sufficiency).",
                "The trade indicators are recomputed for the trade years whose trade or other inputs changed since "
                + "the last run (see docs/architecture.md); --full recomputes every year."})
class IndicatorsCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--full",
            description = "recompute every trade year, as after a change made outside the tables the warehouse watches")
    boolean full;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final IndicatorRunner indicators;

    IndicatorsCommand(IndicatorRunner indicators) {
        this.indicators = indicators;
    }

    @Override
    public Integer call() {
        return print(full ? indicators.runFull() : indicators.run(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static int print(IndicatorRunner.Result r, PrintWriter out, PrintWriter err) {
        if (!r.ok()) {
            err.println("error: indicators failed: " + r.message());
            err.flush();
            return EtlCommand.FAILED;
        }
        StringBuilder sb = new StringBuilder("indicators computed in " + r.millis() + " ms:");
        r.rowsByIndicator().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        out.println(sb);
        out.flush();
        return EtlCommand.OK;
    }
}
