package org.mineralsetl.cli;

import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.LoadSummary;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The imports on offer, and how an import's outcome is printed. */
@Component
class ImportKinds {

    private final List<ImportKind> kinds;

    ImportKinds(List<ImportKind> kinds) {
        this.kinds = kinds.stream().sorted(Comparator.comparingInt(ImportKind::order)).toList();
    }

    List<ImportKind> all() {
        return kinds;
    }

    Optional<ImportKind> byName(String name) {
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    String names() {
        return kinds.stream().map(ImportKind::name).collect(Collectors.joining(", "));
    }

    /** --max-reject-pct is a percent: 0 to 100. */
    static void checkMaxRejectPct(picocli.CommandLine commandLine, double pct) {
        if (!(pct >= 0 && pct <= 100)) {
            throw new picocli.CommandLine.ParameterException(commandLine,
                    "--max-reject-pct must be a percent from 0 to 100, not " + pct);
        }
    }

    /** 1 when any load failed, else 4 when any passed its reject threshold, else 0. */
    static int exitCode(List<ImportLauncher.Outcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o.status() == ImportLauncher.Status.FAILED)) {
            return EtlCommand.FAILED;
        }
        if (outcomes.stream().anyMatch(o -> o.status() == ImportLauncher.Status.REJECTS_OVER_THRESHOLD)) {
            return EtlCommand.REJECTS;
        }
        return EtlCommand.OK;
    }

    /** A file of a header and no data rows: loaded as a load of 0 rows, with a warning. */
    static boolean headerOnly(ImportLauncher.Outcome o) {
        return o.status() == ImportLauncher.Status.LOADED && o.load().map(l -> l.rowsRead() == 0).orElse(false);
    }

    static void print(ImportLauncher.Outcome o, PrintWriter out, PrintWriter err) {
        switch (o.status()) {
            case LOADED -> {
                LoadSummary l = o.load().orElseThrow();
                out.printf("loaded   %-34s %s: %d rows read = %d loaded + %d rejected + %d ignored by rule;"
                                + " %d facts merged%s (load %d)%n",
                        o.file().getFileName(), o.kind(), l.rowsRead(), l.rowsLoaded(), l.rowsRejected(),
                        l.rowsIgnored(), l.factsMerged(),
                        l.factsSuperseded() > 0 ? ", " + l.factsSuperseded() + " of them replacing earlier values" : "",
                        l.loadId());
                if (headerOnly(o)) {
                    err.printf("warning: %s has a header and no data rows: a load of 0 rows%n", o.file().getFileName());
                }
            }
            case ALREADY_LOADED -> out.printf("no-op    %s%n", o.message());
            case FAILED, REJECTS_OVER_THRESHOLD -> err.printf("error: %s%n", o.message());
        }
        out.flush();
        err.flush();
    }
}
