package org.mineralsetl.remote;

import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code run-all --remote}: one partition per file. The manager's job (remoteFilesJob) hands each file to a worker,
 * which imports it as the local import would ({@link RemoteFileStepConfiguration}: its own load, by SHA-256, with its
 * restarts and locks); the manager then reads each file's outcome from the partition's execution context.
 */
@Component
public class RemoteFiles {

    /** A file and the import kind that loads it. */
    public record Launch(ImportKind kind, Path file) {
    }

    static final String JOB = "remoteFilesJob";
    static final String MANAGER_STEP = "remoteFilesStep";

    private final RemotePartitioning partitioning;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JdbcLoadDao loads;
    private final Step worker;

    RemoteFiles(RemotePartitioning partitioning, JobRepository jobRepository, JobOperator jobOperator, JdbcLoadDao loads,
                @Qualifier(RemoteFileStepConfiguration.STEP) Step worker) {
        this.partitioning = partitioning;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.loads = loads;
        this.worker = worker;
    }

    /** Imports the files on the workers, all at once; returns each file's outcome, in the order given. */
    public Map<Path, ImportLauncher.Outcome> importAll(List<Launch> launches, double maxRejectPct) {
        partitioning.requireSharedWarehouse();
        Map<Path, ImportLauncher.Outcome> outcomes = new LinkedHashMap<>();
        if (launches.isEmpty()) {
            return outcomes;
        }
        Partitioner oneEach = gridSize -> {
            Map<String, ExecutionContext> parts = new LinkedHashMap<>();
            for (int i = 0; i < launches.size(); i++) {
                ExecutionContext c = new ExecutionContext();
                c.putString(RemoteFileStepConfiguration.KIND, launches.get(i).kind().name());
                c.putString(RemoteFileStepConfiguration.FILE, launches.get(i).file().toAbsolutePath().toString());
                c.putDouble(RemoteFileStepConfiguration.MAX_REJECT_PCT, maxRejectPct);
                parts.put("partition" + i, c);
            }
            return parts;
        };
        Job job = new JobBuilder(JOB, jobRepository)
                .start(new StepBuilder(MANAGER_STEP, jobRepository)
                        .partitioner(RemoteFileStepConfiguration.STEP, oneEach)
                        .step(worker)
                        .partitionHandler(partitioning.handler(RemoteFileStepConfiguration.STEP, launches.size()))
                        .listener(partitioning.staleWorkers(RemoteFileStepConfiguration.STEP))
                        .build())
                .build();
        JobExecution execution;
        try {
            execution = jobOperator.start(job, new JobParametersBuilder()
                    .addString("run", UUID.randomUUID().toString()).toJobParameters());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the remote run: " + e.getMessage(), e);
        }
        Map<String, StepExecution> parts = new LinkedHashMap<>();
        for (StepExecution s : jobRepository.getJobExecution(execution.getId()).getStepExecutions()) {
            if (s.getStepName().startsWith(RemoteFileStepConfiguration.STEP + ":")) {
                parts.put(s.getExecutionContext().getString(RemoteFileStepConfiguration.FILE, ""), s);
            }
        }
        for (Launch l : launches) {
            StepExecution s = parts.get(l.file().toAbsolutePath().toString());
            outcomes.put(l.file(), outcome(l, s));
        }
        return outcomes;
    }

    private ImportLauncher.Outcome outcome(Launch l, StepExecution s) {
        String name = l.kind().name();
        if (s == null) {
            return new ImportLauncher.Outcome(name, l.file(), ImportLauncher.Status.FAILED,
                    l.file().getFileName() + ": not handed to a worker", Optional.empty(), null);
        }
        ExecutionContext c = s.getExecutionContext();
        if (!c.containsKey(RemoteFileStepConfiguration.STATUS)) {
            return new ImportLauncher.Outcome(name, l.file(), ImportLauncher.Status.FAILED, l.file().getFileName()
                    + ": no worker finished it within " + partitioning.timeout() + " (" + s.getStatus()
                    + "); run run-all --remote again to resume it", Optional.empty(), null);
        }
        long loadId = c.getLong(RemoteFileStepConfiguration.LOAD_ID, -1L);
        long jobExecutionId = c.getLong(RemoteFileStepConfiguration.JOB_EXECUTION_ID, -1L);
        return new ImportLauncher.Outcome(name, l.file(),
                ImportLauncher.Status.valueOf(c.getString(RemoteFileStepConfiguration.STATUS)),
                c.getString(RemoteFileStepConfiguration.MESSAGE, null),
                loadId < 0 ? Optional.empty() : loads.load(loadId), jobExecutionId < 0 ? null : jobExecutionId);
    }
}
