package org.mineralsetl.cli;

import org.mineralsetl.spreadsheet.SpreadsheetImports;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl import <kind> <file>...} or {@code jobs/etl import --mapping <mapping.yml> <file>...}: loads
 * files of one kind (or one layout mapping), each as its own restartable load.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports files of one kind, or workbooks by a layout mapping (--mapping)."
                + " Exit 0 when every file loaded (or was already loaded), 1 otherwise.")
class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "KIND FILE...",
            description = "the kind (usgs-world, usgs-salient, mapping:NAME), then the files; with --mapping only files")
    List<String> args;

    @Option(names = "--mapping", paramLabel = "MAPPING",
            description = "a layout mapping file (jobs/sources/NAME.yml): the files are workbooks of that layout")
    Path mapping;

    @Option(names = "--max-reject-pct", defaultValue = "${etl.max-reject-pct:-10}",
            description = "fail a load whose rejected rows pass this percent of the rows read (default ${DEFAULT-VALUE})")
    double maxRejectPct;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ImportKinds kinds;
    private final ImportLauncher launcher;
    private final SpreadsheetImports spreadsheets;

    ImportCommand(ImportKinds kinds, ImportLauncher launcher, SpreadsheetImports spreadsheets) {
        this.kinds = kinds;
        this.launcher = launcher;
        this.spreadsheets = spreadsheets;
    }

    @Override
    public Integer call() {
        ImportKind k;
        List<Path> files;
        if (mapping != null) {
            try {
                k = spreadsheets.kindFor(mapping);
            } catch (BadFileException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            files = args.stream().map(Path::of).toList();
        } else {
            if (args.size() < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give a KIND and at least one FILE"
                        + " (or --mapping MAPPING and the files)");
            }
            String kind = args.get(0);
            k = kinds.byName(kind).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown import kind '" + kind + "'; known kinds: " + kinds.names()));
            files = args.subList(1, args.size()).stream().map(Path::of).toList();
        }
        int exit = EtlCommand.OK;
        for (Path file : files) {
            ImportLauncher.Outcome o = launcher.importFile(k, file, maxRejectPct);
            ImportKinds.print(o, spec.commandLine().getOut(), spec.commandLine().getErr());
            if (o.status() == ImportLauncher.Status.FAILED) {
                exit = EtlCommand.FAILED;
            }
        }
        return exit;
    }
}
