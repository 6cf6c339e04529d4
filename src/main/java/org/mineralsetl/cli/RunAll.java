package org.mineralsetl.cli;

import org.mineralsetl.indicator.IndicatorRunner;
import org.mineralsetl.remote.RemoteFiles;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.RunLock;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The main job, shared by {@code run-all}, {@code run-all --inbox} and {@code schedule}: under the run
 * lock, import every recognised file, then recompute the indicators. Returns the process exit code.
 */
@Component
class RunAll {

    private final ImportKinds kinds;
    private final ImportLauncher launcher;
    private final IndicatorRunner indicators;
    private final RunLock lock;
    private final RemoteFiles remoteFiles;
    /** run-all --remote: the files go to the workers (jobs/etl worker), one partition each, all at once. */
    boolean remote;

    RunAll(ImportKinds kinds, ImportLauncher launcher, IndicatorRunner indicators, RunLock lock, RemoteFiles remoteFiles) {
        this.kinds = kinds;
        this.launcher = launcher;
        this.indicators = indicators;
        this.lock = lock;
        this.remoteFiles = remoteFiles;
    }

    private record Counts(List<ImportLauncher.Outcome> outcomes, List<String> refused, List<Path> unrecognised) {
    }

    /**
     * Imports every recognised file under root (recursively), in import-kind order. A folder with no file any
     * import recognises is a failure (exit 1): a release that did not arrive must not look like one that loaded.
     *
     * @param allowRefused files refused before launch (not what their name says) leave the exit code 0
     */
    int directory(Path root, double maxRejectPct, boolean allowRefused, PrintWriter out, PrintWriter err) {
        Optional<RunLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return refuse(err);
        }
        try (RunLock.Held ignored = held.get()) {
            List<Path> files = list(root, true);
            if (files.stream().noneMatch(f -> kinds.all().stream().anyMatch(k -> k.recognises().test(f)))) {
                err.printf("error: run-all %s: none of its %d files is one the imports recognise (imports: %s);"
                        + " nothing loaded%n", root, files.size(), kinds.names());
                err.flush();
                return EtlCommand.FAILED;
            }
            Counts counts = importAll(files, maxRejectPct, out, err, (file, outcome, reason) -> { });
            return finish("run-all " + root, counts, allowRefused, out, err);
        }
    }

    /**
     * Imports every new file of an inbox folder: recognised files are imported and moved to
     * archive/DATE/ (also byte-identical duplicates, not reloaded) or error/DATE/ with FILE.reason.txt; a file
     * whose size or modification time changes during {@code settle} is still being written and waits for the
     * next run.
     */
    int inbox(Path inbox, double maxRejectPct, boolean allowRefused, Duration settle, PrintWriter out, PrintWriter err) {
        Optional<RunLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return refuse(err);
        }
        try (RunLock.Held ignored = held.get()) {
            List<Path> candidates = list(inbox, false);
            if (candidates.isEmpty()) {
                out.printf("run-all --inbox %s: the inbox is empty; nothing to load%n", inbox);
                out.flush();
                return EtlCommand.OK;
            }
            List<Path> settled = settled(candidates, settle);
            for (Path p : candidates) {
                if (!settled.contains(p)) {
                    out.printf("waiting  %s: still being written; left for the next run%n", p.getFileName());
                }
            }
            String day = LocalDate.now().toString();
            for (Path p : settled) {
                if (kinds.all().stream().noneMatch(k -> k.recognises().test(p))) {
                    moveWithReason(p, inbox.resolve("error").resolve(day),
                            "no import recognises the file name " + p.getFileName() + " (imports: " + kinds.names() + ")", out);
                }
            }
            Counts counts = importAll(settled, maxRejectPct, out, err, (file, outcome, reason) -> {
                if (outcome != null && (outcome.status() == ImportLauncher.Status.LOADED
                        || outcome.status() == ImportLauncher.Status.ALREADY_LOADED)) {
                    move(file, inbox.resolve("archive").resolve(day), out);
                } else {
                    moveWithReason(file, inbox.resolve("error").resolve(day), reason, out);
                }
            });
            return finish("run-all --inbox " + inbox, counts, allowRefused, out, err);
        }
    }

    @FunctionalInterface
    private interface AfterFile {
        void done(Path file, ImportLauncher.Outcome outcome, String reason);
    }

    private Counts importAll(List<Path> files, double maxRejectPct, PrintWriter out, PrintWriter err, AfterFile after) {
        List<ImportLauncher.Outcome> outcomes = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<Path, ImportLauncher.Outcome> onWorkers = remote ? remoteFiles.importAll(launchable(files), maxRejectPct) : Map.of();
        for (ImportKind kind : kinds.all()) {
            for (Path file : files) {
                if (!kind.recognises().test(file)) {
                    continue;
                }
                Optional<String> refusal = refusal(kind, file);
                if (refusal.isPresent()) {
                    refused.add(refusal.get());
                    out.printf("refused  %s%n", refusal.get());
                    after.done(file, null, refusal.get());
                    continue;
                }
                ImportLauncher.Outcome o = remote ? onWorkers.get(file) : launcher.importFile(kind, file, maxRejectPct);
                ImportKinds.print(o, out, err);
                outcomes.add(o);
                after.done(file, o, o.message());
            }
        }
        List<Path> unrecognised = files.stream()
                .filter(f -> kinds.all().stream().noneMatch(k -> k.recognises().test(f))).toList();
        return new Counts(outcomes, refused, unrecognised);
    }

    /** The files importAll launches, with their kinds, in its order. */
    private List<RemoteFiles.Launch> launchable(List<Path> files) {
        List<RemoteFiles.Launch> launches = new ArrayList<>();
        for (ImportKind kind : kinds.all()) {
            files.stream().filter(kind.recognises()).filter(f -> refusal(kind, f).isEmpty())
                    .forEach(f -> launches.add(new RemoteFiles.Launch(kind, f)));
        }
        return launches;
    }

    private int finish(String what, Counts c, boolean allowRefused, PrintWriter out, PrintWriter err) {
        long loaded = c.outcomes().stream().filter(o -> o.status() == ImportLauncher.Status.LOADED).count();
        long noop = c.outcomes().stream().filter(o -> o.status() == ImportLauncher.Status.ALREADY_LOADED).count();
        long failed = c.outcomes().stream().filter(o -> o.status() == ImportLauncher.Status.FAILED).count();
        long over = c.outcomes().stream().filter(o -> o.status() == ImportLauncher.Status.REJECTS_OVER_THRESHOLD).count();
        long empty = c.outcomes().stream().filter(ImportKinds::headerOnly).count();
        long rows = 0;
        long rowsLoaded = 0;
        long rejected = 0;
        long ignoredRows = 0;
        long facts = 0;
        for (ImportLauncher.Outcome o : c.outcomes()) {
            if (o.status() == ImportLauncher.Status.LOADED && o.load().isPresent()) {
                rows += o.load().get().rowsRead();
                rowsLoaded += o.load().get().rowsLoaded();
                rejected += o.load().get().rowsRejected();
                ignoredRows += o.load().get().rowsIgnored();
                facts += o.load().get().factsMerged();
            }
        }
        out.printf("%n%s: %d files loaded (%d rows read = %d loaded + %d rejected + %d ignored by rule; %d facts),"
                        + " %d of them header only (0 rows), %d already loaded, %d refused, %d failed,"
                        + " %d over the reject threshold, %d not recognised%s%n",
                what, loaded, rows, rowsLoaded, rejected, ignoredRows, facts, empty, noop, c.refused().size(), failed,
                over, c.unrecognised().size(), c.unrecognised().isEmpty() ? "" : " (" + names(c.unrecognised()) + ")");
        out.flush();
        int indicatorExit = IndicatorsCommand.print(indicators.run(), out, err);
        int importExit = ImportKinds.exitCode(c.outcomes());
        if (importExit == EtlCommand.OK && !c.refused().isEmpty() && !allowRefused) {
            err.printf("error: %d file(s) refused (listed above); exit 1 (--allow-refused exits 0 for them)%n",
                    c.refused().size());
            err.flush();
            importExit = EtlCommand.FAILED;
        }
        return importExit != EtlCommand.OK ? importExit : indicatorExit;
    }

    private static String names(List<Path> files) {
        List<String> names = files.stream().map(f -> f.getFileName().toString()).limit(5).toList();
        return String.join(", ", names) + (files.size() > 5 ? ", ..." : "");
    }

    private int refuse(PrintWriter err) {
        err.println("refused: another run holds the run lock (" + lock.holder().orElse("holder unknown")
                + "); exiting without doing anything");
        err.flush();
        return EtlCommand.LOCKED;
    }

    private static Optional<String> refusal(ImportKind kind, Path file) {
        try {
            kind.inspector().editionOf(file);
            return Optional.empty();
        } catch (BadFileException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static List<Path> list(Path root, boolean recursive) {
        try (Stream<Path> s = recursive ? Files.walk(root) : Files.list(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".reason.txt"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> settled(List<Path> files, Duration settle) {
        Map<Path, String> before = new HashMap<>();
        files.forEach(f -> before.put(f, stamp(f)));
        if (!settle.isZero() && !files.isEmpty()) {
            try {
                Thread.sleep(settle.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return files.stream().filter(f -> Files.exists(f) && stamp(f).equals(before.get(f))).toList();
    }

    private static String stamp(Path f) {
        try {
            return Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return "gone";
        }
    }

    private static Path move(Path file, Path dir, PrintWriter out) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(file.getFileName());
            for (int i = 1; Files.exists(target); i++) {
                target = dir.resolve(file.getFileName() + "." + i);
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            out.printf("moved    %s -> %s%n", file.getFileName(), target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + dir, e);
        }
    }

    private static void moveWithReason(Path file, Path dir, String reason, PrintWriter out) {
        Path target = move(file, dir, out);
        try {
            Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"),
                    (reason == null ? "failed" : reason) + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
