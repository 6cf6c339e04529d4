package org.mineralsetl.cli;

import org.mineralsetl.indicator.IndicatorRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code jobs/etl indicators}: recomputes every indicator from the facts now in the warehouse. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Recomputes every indicator (China share, concentration, NIR, group shares, WGI supply risk, stockpile cover).")
class IndicatorsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final IndicatorRunner indicators;

    IndicatorsCommand(IndicatorRunner indicators) {
        this.indicators = indicators;
    }

    @Override
    public Integer call() {
        return print(indicators.run(), spec.commandLine().getOut(), spec.commandLine().getErr());
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
