package org.mineralsetl.cli;

import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.LoadSteps;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code jobs/etl restart <execution-id>}: continues a failed or stopped import from its last committed chunk. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Restarts a failed or stopped import from its last committed chunk (see jobs/etl status).")
class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION-ID")
    long executionId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final JobRepository jobRepository;
    private final ImportKinds kinds;
    private final ImportLauncher launcher;

    RestartCommand(JobRepository jobRepository, ImportKinds kinds, ImportLauncher launcher) {
        this.jobRepository = jobRepository;
        this.kinds = kinds;
        this.launcher = launcher;
    }

    /** The execution, or null when there is none with that id. */
    static JobExecution find(JobRepository jobRepository, long id) {
        try {
            return jobRepository.getJobExecution(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static ImportKind importKindOf(CommandLine.Model.CommandSpec spec, ImportKinds kinds, JobExecution e, long id) {
        if (e == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no job execution " + id + " (see jobs/etl status)");
        }
        String kind = e.getJobParameters().getString(LoadSteps.KIND);
        return kinds.byName(kind == null ? "" : kind).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "execution " + id + " (" + e.getJobInstance().getJobName() + ") is not an import; run it again instead"));
    }

    @Override
    public Integer call() {
        JobExecution e = RestartCommand.find(jobRepository, executionId);
        ImportKind kind = importKindOf(spec, kinds, e, executionId);
        switch (e.getStatus()) {
            case COMPLETED -> {
                spec.commandLine().getOut().println("execution " + executionId + " completed; nothing to restart");
                return EtlCommand.OK;
            }
            case ABANDONED -> {
                spec.commandLine().getErr().println("error: execution " + executionId + " was abandoned; it is not restarted");
                return EtlCommand.FAILED;
            }
            default -> {
            }
        }
        ImportLauncher.Outcome o = launcher.restart(kind, e);
        ImportKinds.print(o, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ImportKinds.exitCode(List.of(o));
    }
}
