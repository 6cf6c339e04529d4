package org.mineralsetl.cli;

import org.springframework.beans.factory.annotation.Value;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl run-all [DIR]} or {@code jobs/etl run-all --inbox DIR}: the main job. Imports every
 * recognised file, recomputes the indicators and prints a summary. A file that is not what its name says
 * is refused before launch and reported. Only one run at a time: a second one exits with code 3.
 */
@Command(name = "run-all", mixinStandardHelpOptions = true,
        description = {"Imports every recognised file under DIR (default input-samples), recomputes the indicators,"
                + " prints a summary.",
                "With --inbox DIR: imports the new files of DIR and moves each to DIR/archive/<date>/ or"
                        + " DIR/error/<date>/ (with <file>.reason.txt)."})
class RunAllCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "folder to scan (recursively)")
    Path dir;

    @Option(names = "--inbox", paramLabel = "DIR", description = "an inbox folder: import new files and move them away")
    Path inbox;

    @Option(names = "--settle-seconds", defaultValue = "2",
            description = "inbox: a file whose size or time changes within this many seconds is left for the next run (default ${DEFAULT-VALUE})")
    long settleSeconds;

    @Option(names = "--max-reject-pct", defaultValue = "${etl.max-reject-pct:-10}",
            description = "fail a load whose rejected rows pass this percent of the rows read (default ${DEFAULT-VALUE})")
    double maxRejectPct;

    @Option(names = "--allow-refused",
            description = "exit 0 even when files were refused before loading (default: exit 1, so cron sees them)")
    boolean allowRefused;

    @Option(names = "--remote", description = "hand the files to workers (jobs/etl worker) through RabbitMQ"
            + " (RABBITMQ_URL), one partition per file; needs WAREHOUSE_URL and the files at the same path on every worker")
    boolean remote;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RunAll runAll;
    private final Path home;

    RunAllCommand(RunAll runAll, @Value("${etl.home:.}") String home) {
        this.runAll = runAll;
        this.home = Path.of(home);
    }

    @Override
    public Integer call() {
        ImportKinds.checkMaxRejectPct(spec.commandLine(), maxRejectPct);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        runAll.remote = remote;
        if (inbox != null) {
            if (!Files.isDirectory(inbox)) {
                throw new CommandLine.ParameterException(spec.commandLine(), inbox + ": no such directory");
            }
            return runAll.inbox(inbox, maxRejectPct, allowRefused, Duration.ofSeconds(settleSeconds), out, err);
        }
        Path root = dir != null ? dir : home.resolve("input-samples");
        if (!Files.isDirectory(root)) {
            throw new CommandLine.ParameterException(spec.commandLine(), root + ": no such directory");
        }
        return runAll.directory(root, maxRejectPct, allowRefused, out, err);
    }
}
