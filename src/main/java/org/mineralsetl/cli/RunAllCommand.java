package org.mineralsetl.cli;

import org.mineralsetl.indicator.IndicatorRunner;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code jobs/etl run-all [DIR]}: the main job. Imports every recognised file under DIR (default
 * input-samples) in import-kind order, recomputes the indicators and prints a summary. A file that is not what its name says is
 * refused before launch and reported; it does not fail the run.
 */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = "Imports every recognised file under DIR (default input-samples), then prints a summary.")
class RunAllCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "folder to scan (recursively)")
    Path dir;

    @Option(names = "--max-reject-pct", defaultValue = "${etl.max-reject-pct:-10}",
            description = "fail a load whose rejected rows pass this percent of the rows read (default ${DEFAULT-VALUE})")
    double maxRejectPct;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ImportKinds kinds;
    private final ImportLauncher launcher;
    private final IndicatorRunner indicators;
    private final Path home;

    RunAllCommand(ImportKinds kinds, ImportLauncher launcher, IndicatorRunner indicators,
                  @Value("${etl.home:.}") String home) {
        this.kinds = kinds;
        this.launcher = launcher;
        this.indicators = indicators;
        this.home = Path.of(home);
    }

    @Override
    public Integer call() {
        Path root = dir != null ? dir : home.resolve("input-samples");
        if (!Files.isDirectory(root)) {
            throw new CommandLine.ParameterException(spec.commandLine(), root + ": no such directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = list(root);
        int loaded = 0;
        int noop = 0;
        int failed = 0;
        List<String> refused = new ArrayList<>();
        int ignored = 0;
        long rows = 0;
        long rejected = 0;
        long facts = 0;
        for (ImportKind kind : kinds.all()) {
            for (Path file : files) {
                if (!kind.recognises().test(file)) {
                    continue;
                }
                Optional<String> refusal = refusal(kind, file);
                if (refusal.isPresent()) {
                    refused.add(refusal.get());
                    out.printf("refused  %s%n", refusal.get());
                    continue;
                }
                ImportLauncher.Outcome o = launcher.importFile(kind, file, maxRejectPct);
                ImportKinds.print(o, out, err);
                switch (o.status()) {
                    case LOADED -> {
                        loaded++;
                        rows += o.load().get().rowsRead();
                        rejected += o.load().get().rowsRejected();
                        facts += o.load().get().factsMerged();
                    }
                    case ALREADY_LOADED -> noop++;
                    case FAILED -> failed++;
                }
            }
        }
        for (Path file : files) {
            if (kinds.all().stream().noneMatch(k -> k.recognises().test(file))) {
                ignored++;
            }
        }
        out.printf("%nrun-all %s: %d files loaded (%d rows read, %d rejected, %d facts), %d already loaded,"
                        + " %d refused, %d failed, %d not recognised%n",
                root, loaded, rows, rejected, facts, noop, refused.size(), failed, ignored);
        out.flush();
        int indicatorExit = IndicatorsCommand.print(indicators.run(), out, err);
        return failed > 0 || indicatorExit != EtlCommand.OK ? EtlCommand.FAILED : EtlCommand.OK;
    }

    private static Optional<String> refusal(ImportKind kind, Path file) {
        try {
            kind.inspector().editionOf(file);
            return Optional.empty();
        } catch (BadFileException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static List<Path> list(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
