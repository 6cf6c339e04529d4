package org.mineralsetl.remote;

import org.mineralsetl.baci.BaciJobs;
import org.mineralsetl.trade.TradeJobs;
import org.mineralsetl.warehouse.ImportKind;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The imports {@code --remote} runs: the same jobs as the local imports (same names, steps and restarts), whose
 * partitioned load step hands its partitions to workers ({@code jobs/etl worker}) through RabbitMQ instead of local
 * threads. A BACI file is cut into line ranges (etl.remote.baci-partitions, default 8, never parts under
 * etl.baci.partition-min-bytes).
 */
@Component
public class RemoteImports {

    private final RemotePartitioning partitioning;
    private final ApplicationContext context;
    private final JobRepository jobRepository;
    private final TradeJobs tradeJobs;
    private final JdbcTemplate jdbc;
    private final int baciPartitions;
    private Job baciJob;

    RemoteImports(RemotePartitioning partitioning, ApplicationContext context, JobRepository jobRepository,
                  TradeJobs tradeJobs, JdbcTemplate jdbc, @Value("${etl.remote.baci-partitions:8}") int baciPartitions) {
        this.partitioning = partitioning;
        this.context = context;
        this.jobRepository = jobRepository;
        this.tradeJobs = tradeJobs;
        this.jdbc = jdbc;
        this.baciPartitions = baciPartitions;
    }

    /** True when {@link #manager} can run this kind on workers. */
    public boolean supports(ImportKind kind) {
        return kind.name().equals(BaciJobs.KIND);
    }

    /**
     * The kind whose job hands its partitions to the workers.
     *
     * @throws IllegalArgumentException for a kind with no partitioned load step
     */
    public synchronized ImportKind manager(ImportKind local) {
        partitioning.requireSharedWarehouse();
        if (!supports(local)) {
            throw new IllegalArgumentException("--remote splits a BACI file into line ranges; a " + local.name()
                    + " file is loaded whole: use run-all --remote to spread files over the workers");
        }
        if (baciJob == null) {
            baciJob = BaciJobs.withLoadStep(tradeJobs, jdbc, baciManagerStep());
        }
        return new ImportKind(local.name(), local.description(), baciJob, local.recognises(), local.inspector(),
                local.order());
    }

    private Step baciManagerStep() {
        Step worker = context.getBean(BaciJobs.PARTITION_STEP, Step.class);
        Partitioner partitioner = context.getBean(BaciJobs.PARTITIONER, Partitioner.class);
        return new StepBuilder(BaciJobs.LOAD_STEP, jobRepository)
                .partitioner(BaciJobs.PARTITION_STEP, partitioner)
                .step(worker)
                .partitionHandler(partitioning.handler(BaciJobs.PARTITION_STEP, baciPartitions))
                .listener(partitioning.staleWorkers(BaciJobs.PARTITION_STEP))
                .build();
    }
}
