package org.mineralsetl.cli;

import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jobs/etl import <kind> <file>...}: loads files of one kind, each as its own restartable load. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports files of one kind. Exit 0 when every file loaded (or was already loaded), 1 when one failed,"
                + " 4 when one's rejects passed the threshold.")
class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "the import kind (jobs/etl import --help lists them in the README; e.g. usgs-world, usgs-salient, wgi, stockpile)")
    String kind;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "files to import")
    List<Path> files;

    @Option(names = "--max-reject-pct", defaultValue = "${etl.max-reject-pct:-10}",
            description = "fail a load whose rejected rows pass this percent of the rows read (default ${DEFAULT-VALUE})")
    double maxRejectPct;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ImportKinds kinds;
    private final ImportLauncher launcher;

    ImportCommand(ImportKinds kinds, ImportLauncher launcher) {
        this.kinds = kinds;
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        ImportKind k = kinds.byName(kind).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown import kind '" + kind + "'; known kinds: " + kinds.names()));
        List<ImportLauncher.Outcome> outcomes = new java.util.ArrayList<>();
        for (Path file : files) {
            ImportLauncher.Outcome o = launcher.importFile(k, file, maxRejectPct);
            ImportKinds.print(o, spec.commandLine().getOut(), spec.commandLine().getErr());
            outcomes.add(o);
        }
        return ImportKinds.exitCode(outcomes);
    }
}
