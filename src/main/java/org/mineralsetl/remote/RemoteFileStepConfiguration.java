package org.mineralsetl.remote;

import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.ImportLauncher;
import org.mineralsetl.warehouse.LoadSummary;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The step a worker runs for one file of {@code run-all --remote}: the file's own import, exactly as the local
 * run-all launches it (a new load, a no-op for a file already loaded, a restart of a load a dead process left), its
 * outcome kept in the partition's execution context for the manager.
 */
@Configuration(proxyBeanMethods = false)
class RemoteFileStepConfiguration {

    static final String STEP = "remoteFileStep";
    static final String KIND = "kind";
    static final String FILE = "file";
    static final String MAX_REJECT_PCT = "maxRejectPct";
    static final String STATUS = "outcome.status";
    static final String MESSAGE = "outcome.message";
    static final String LOAD_ID = "outcome.loadId";
    static final String JOB_EXECUTION_ID = "outcome.jobExecutionId";

    private static final Executor IMPORTS = r -> {
        Thread t = new Thread(r, "remote-file-import");
        t.start();
    };

    /** The import it runs is a job of its own, with its own transactions. */
    @Bean
    Step remoteFileStep(JobRepository jobRepository, ImportLauncher launcher, List<ImportKind> kinds) {
        return new StepBuilder(STEP, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = chunkContext.getStepContext().getStepExecution();
                    ExecutionContext c = step.getExecutionContext();
                    String name = c.getString(KIND);
                    ImportKind kind = kinds.stream().filter(k -> k.name().equals(name)).findFirst()
                            .orElseThrow(() -> new IllegalStateException("this worker has no import kind " + name));
                    // on a thread of its own: the import's job must not run inside this step's transaction
                    ImportLauncher.Outcome o = CompletableFuture.supplyAsync(() -> launcher.importFile(kind,
                            Path.of(c.getString(FILE)), c.getDouble(MAX_REJECT_PCT, 10.0)), IMPORTS).get();
                    c.putString(STATUS, o.status().name());
                    if (o.message() != null) {
                        c.putString(MESSAGE, o.message());
                    }
                    o.load().map(LoadSummary::loadId).ifPresent(id -> c.putLong(LOAD_ID, id));
                    if (o.jobExecutionId() != null) {
                        c.putLong(JOB_EXECUTION_ID, o.jobExecutionId());
                    }
                    return RepeatStatus.FINISHED;
                }, new ResourcelessTransactionManager())
                .build();
    }
}
