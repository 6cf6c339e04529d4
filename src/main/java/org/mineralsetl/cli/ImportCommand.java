package org.mineralsetl.cli;

import org.mineralsetl.spreadsheet.SpreadsheetImports;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code jobs/etl import <kind> <file>...} or {@code jobs/etl import --mapping <mapping.yml> <file>...}: loads
 * files of one kind, each as its own restartable load.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports files of one kind, or workbooks by a layout mapping (--mapping). Exit 0 when every file"
                + " loaded (or was already loaded), 1 when one failed, 4 when one's rejects passed the threshold.")
class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "KIND FILE...",
            description = "the kind (usgs-world, usgs-salient, wgi, stockpile, comtrade, comtrade-legacy, baci, baci-codes,"
                    + " mapping:NAME), then the files (a folder stands for the files in it that KIND recognises);"
                    + " with --mapping only files")
    List<String> args;

    @Option(names = "--mapping", paramLabel = "MAPPING",
            description = "a layout mapping file (jobs/sources/NAME.yml): the files are workbooks of that layout")
    Path mapping;

    @Option(names = "--max-reject-pct", defaultValue = "${etl.max-reject-pct:-10}",
            description = "fail a load whose rejected rows pass this percent of the rows read (default ${DEFAULT-VALUE})")
    double maxRejectPct;

    @Option(names = "--threads", defaultValue = "1",
            description = "load the files on N threads, each file its own load (1-3, default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE",
            description = "job option, e.g. keepBreakdowns=true (Comtrade: keep customs/transport/partner2 breakdowns)"
                    + " or hsRevision=HS17 (BACI file without HSxx in its name)")
    Map<String, String> params = new LinkedHashMap<>();

    @CommandLine.Mixin
    RemoteOption remote;

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
        ImportKinds.checkMaxRejectPct(spec.commandLine(), maxRejectPct);
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
        if (threads < 1 || threads > 3) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be 1 to 3 (each load holds two of the 8 pooled connections)");
        }
        k = remote.kind(k, spec);
        List<ImportLauncher.Outcome> outcomes = new ArrayList<>();
        for (ImportLauncher.Outcome o : launcher.importFiles(k, expand(k, files), maxRejectPct, params, threads)) {
            ImportKinds.print(o, spec.commandLine().getOut(), spec.commandLine().getErr());
            outcomes.add(o);
        }
        return ImportKinds.exitCode(outcomes);
    }

    private static List<Path> expand(ImportKind kind, List<Path> files) {
        List<Path> all = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isDirectory(f)) {
                all.add(f);
                continue;
            }
            try (Stream<Path> s = Files.list(f)) {
                s.filter(Files::isRegularFile).filter(kind.recognises()).sorted().forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }
}
