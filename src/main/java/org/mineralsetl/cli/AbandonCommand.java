package org.mineralsetl.cli;

import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code jobs/etl abandon <execution-id>}: marks a failed or stopped import as never to be restarted. */
@Command(name = "abandon", mixinStandardHelpOptions = true,
        description = "Abandons a failed or stopped import so that it is never restarted (its staged rows stay unmerged).")
class AbandonCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION-ID")
    long executionId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final JobRepository jobRepository;
    private final ImportKinds kinds;
    private final ImportLauncher launcher;

    AbandonCommand(JobRepository jobRepository, ImportKinds kinds, ImportLauncher launcher) {
        this.jobRepository = jobRepository;
        this.kinds = kinds;
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        JobExecution e = RestartCommand.find(jobRepository, executionId);
        ImportKind kind = RestartCommand.importKindOf(spec, kinds, e, executionId);
        if (e.getStatus() == org.springframework.batch.core.BatchStatus.COMPLETED) {
            spec.commandLine().getErr().println("error: execution " + executionId + " completed; there is nothing to abandon");
            return EtlCommand.FAILED;
        }
        String message = launcher.abandon(kind, e);
        if (message == null) {
            spec.commandLine().getErr().println("refused: execution " + executionId + " is running in another process");
            return EtlCommand.LOCKED;
        }
        spec.commandLine().getOut().println(message);
        return EtlCommand.OK;
    }
}
