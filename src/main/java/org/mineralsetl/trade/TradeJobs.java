package org.mineralsetl.trade;

import org.mineralsetl.support.SqlScript;
import org.mineralsetl.warehouse.FileInspector;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.LoadSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The job of a trade import: prepare (the file and its load), options (etl.trade_load and the load's own table),
 * the source's load step (reader, pure processor, {@link TradeFlowWriter}; partitioned or not) and the trade merge
 * (sql/trade/merge.sql). Job and step names start with the source's prefix (baciImportJob, baciMergeStep, ...).
 */
@Component
public class TradeJobs {

    /**
     * Tells from the execution contexts of the load step (or of each of its partitions) whether the load step saw
     * every natural key once, so that the merge can skip its search for repeated keys.
     */
    @FunctionalInterface
    public interface KeyProof {
        KeyProof NONE = contexts -> false;

        boolean proven(List<ExecutionContext> contexts);
    }

    private static final List<String> MERGE = SqlScript.statements("sql/trade/merge.sql");

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final LoadSteps loadSteps;
    private final JdbcLoadDao loads;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TradeJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager, LoadSteps loadSteps,
              JdbcLoadDao loads, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.loadSteps = loadSteps;
        this.loads = loads;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * @param shared       what every row of a load shares, from its job parameters (null: rows differ in it)
     * @param loadStep     the source's load step (a chunk step, or a partitioned step over one)
     * @param readStepName the step whose reader reads the file: the load step, or the worker step of its partitions
     * @param readerName   the reader's name (its saved count is the number of rows read)
     */
    public Job job(String prefix, String kind, TradeLoadOptions.Source source, FileInspector inspector,
                   Function<JobParameters, TradeRow.Shared> shared, Step loadStep, String readStepName,
                   String readerName, KeyProof keyProof) {
        return new JobBuilder(prefix + "ImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep(prefix + "PrepareStep", kind, inspector))
                .next(TradeLoadOptions.recordStep(prefix + "OptionsStep", source, shared, jobRepository,
                        transactionManager, jdbc))
                .next(loadStep)
                .next(mergeStep(prefix + "MergeStep", readStepName, readerName, keyProof))
                .build();
    }

    private Step mergeStep(String name, String readStepName, String readerName, KeyProof keyProof) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    LoadContext load = LoadContext.of(job);
                    List<StepExecution> reads = loadSteps.readSteps(job, readStepName);
                    List<ExecutionContext> contexts = reads.stream().map(StepExecution::getExecutionContext).toList();
                    long rowsRead = LoadSteps.rowsRead(reads, readerName);
                    long rowsWritten = contexts.stream().mapToLong(c -> c.getLong(TradeFlowWriter.ROWS_WRITTEN, 0)).sum();
                    TreeSet<Integer> years = new TreeSet<>();
                    contexts.forEach(c -> years.addAll(TradeFlowWriter.parseYears(c.getString(TradeFlowWriter.YEARS, ""))));
                    boolean keysProven = keyProof.proven(contexts);
                    // repeated keys are rejects too: counted before anything is merged, so that a file of repeats
                    // fails on the threshold at once (the merge then moves them to etl.reject)
                    long repeats = keysProven ? 0 : jdbc.queryForObject("select count(*) - count(distinct (year, month,"
                            + " hs_revision, reporter_code, partner_code, flow, hs_code, breakdown)) from "
                            + TradeLoadOptions.loadTable(load.loadId()), Long.class);
                    loadSteps.checkRejectThreshold(job, load, rowsRead, repeats);
                    Map<String, Object> p = new HashMap<>();
                    p.put("load_id", load.loadId());
                    p.put("keys_proven_unique", keysProven);
                    p.put("skip_repeat_search", keysProven || repeats == 0);
                    p.put("years", String.join(",", years.stream().map(String::valueOf).toList()));
                    for (String sql : MERGE) {
                        named.update(sql, p);
                    }
                    long duplicates = jdbc.queryForObject(
                            "select duplicates_removed from etl.trade_load where load_id = ?", Long.class, load.loadId());
                    loads.finish(load.loadId(), rowsRead, rowsWritten - duplicates);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }
}
