package org.mineralsetl.warehouse;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.Sha256;
import org.mineralsetl.support.SqlScript;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The two steps every import shares around its own chunk step: prepare (register the file by SHA-256,
 * inspect it, open the load) and merge (check the reject threshold, merge staging into the facts in one
 * transaction, close the load). With the listener that records why a load failed.
 */
@Component
public class LoadSteps {

    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String KIND = "kind";
    public static final String MAX_REJECT_PCT = "maxRejectPct";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcLoadDao loads;
    private final NamedParameterJdbcTemplate jdbc;

    public LoadSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcLoadDao loads,
                     NamedParameterJdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.loads = loads;
        this.jdbc = jdbc;
    }

    public Step prepareStep(String name, String kind, FileInspector inspector) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = chunkContext.getStepContext().getStepExecution();
                    JobExecution job = step.getJobExecution();
                    JobParameters params = job.getJobParameters();
                    Path file = Path.of(params.getString(FILE));
                    String sha = params.getString(SHA256);
                    if (!Files.isRegularFile(file)) {
                        throw new BadFileException(file + ": no such file");
                    }
                    String actual = Sha256.of(file);
                    if (!actual.equals(sha)) {
                        throw new BadFileException(file.getFileName() + ": the file changed since the load was started"
                                + " (SHA-256 " + actual + ", expected " + sha + "); import it again as a new load");
                    }
                    String edition = inspector.editionOf(file);
                    long sourceFileId = loads.registerFile(kind, file, Files.size(file), sha, edition);
                    long loadId = loads.startLoad(sourceFileId, job.getJobInstance().getJobName(),
                            job.getJobInstance().getInstanceId(), job.getId());
                    ExecutionContext ctx = job.getExecutionContext();
                    ctx.putLong(LoadContext.LOAD_ID, loadId);
                    ctx.putLong(LoadContext.SOURCE_FILE_ID, sourceFileId);
                    ctx.putString(LoadContext.FILE_NAME, file.getFileName().toString());
                    ctx.putString(LoadContext.EDITION, edition);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * @param mergeSql     classpath resource with the merge statements (parameter :load_id)
     * @param factTable    the fact table the merge writes, to count its rows for the load record
     * @param stagingTable the staging table of the load, to count the source rows staged
     * @param loadStepName the chunk step, whose reader's saved count is the number of rows read
     * @param readerName   that reader's name
     */
    public Step mergeStep(String name, String mergeSql, String factTable, String stagingTable, String loadStepName,
                          String readerName) {
        return mergeStep(name, List.of(mergeSql), factTable, stagingTable, loadStepName, readerName, false);
    }

    /**
     * @param oneStagedRowPerSourceRow true when every source row stages at most one row (trade files): the
     *                                 staged rows are then counted with count(*), not a sort of millions of rows
     */
    public Step mergeStep(String name, String mergeSql, String factTable, String stagingTable, String loadStepName,
                          String readerName, boolean oneStagedRowPerSourceRow) {
        return mergeStep(name, List.of(mergeSql), factTable, stagingTable, loadStepName, readerName, oneStagedRowPerSourceRow);
    }

    /** The same, running several SQL files in order in the one transaction (a clean-up of staging, then the merge). */
    public Step mergeStep(String name, List<String> mergeSqls, String factTable, String stagingTable,
                          String loadStepName, String readerName) {
        return mergeStep(name, mergeSqls, factTable, stagingTable, loadStepName, readerName, false);
    }

    private Step mergeStep(String name, List<String> mergeSqls, String factTable, String stagingTable,
                           String loadStepName, String readerName, boolean oneStagedRowPerSourceRow) {
        String countStaged = oneStagedRowPerSourceRow
                ? "select count(*) from " + stagingTable + " where load_id = :load_id"
                : "select count(distinct (coalesce(sheet, ''), row_number)) from " + stagingTable + " where load_id = :load_id";
        return mergeStepWithCounts(name, mergeSqls, countStaged,
                "select count(*) from " + factTable + " where load_id = :load_id", loadStepName, readerName);
    }

    /**
     * A trade import job: prepare, the options step ({@link TradeLoadOptions#recordStep}), the load step (blocks of
     * records read, processed and encoded ahead ({@link TradeBlockEncoder}), COPY into the load's own table by
     * {@link TradeFlowWriter}) and the trade merge. Its job and step names start with {@code prefix}
     * (baciImportJob, baciLoadStep, ...).
     *
     * @param readerName  the name under which the reader's delegate saves its count (rows read)
     * @param partitioner null for one load step over the whole file; else the load step is partitioned: the
     *                    partitioner's parts (step executions {@code <prefix>LoadPartitionStep:partition<n>}) load at once
     *                    on {@code threads} threads into the same load, each restartable on its own
     */
    public Job tradeImportJob(String prefix, String kind, FileInspector inspector, Step optionsStep,
                              ItemReader<TradeBlock> reader, TradeFlowWriter writer, int blocksPerChunk,
                              String readerName, Partitioner partitioner, int threads) {
        String loadStepName = prefix + "LoadStep";
        // the step that reads: the load step, or the worker step of its partitions (<name>:partition<n>)
        String readStepName = partitioner == null ? loadStepName : prefix + "LoadPartitionStep";
        Step chunkStep = new StepBuilder(readStepName, jobRepository)
                .<TradeBlock, TradeBlock>chunk(blocksPerChunk)
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .build();
        Step loadStep = partitioner == null ? chunkStep : new StepBuilder(loadStepName, jobRepository)
                .partitioner(loadStepName, partitioner)
                .step(chunkStep)
                .gridSize(threads)
                .taskExecutor(new SimpleAsyncTaskExecutor(prefix + "-partition-"))
                .build();
        return new JobBuilder(prefix + "ImportJob", jobRepository)
                .listener(listener())
                .start(prepareStep(prefix + "PrepareStep", kind, inspector))
                .next(optionsStep)
                .next(loadStep)
                .next(tradeMergeStep(prefix + "MergeStep", readStepName, readerName))
                .build();
    }

    /**
     * The merge step of a trade import: its rows are in the load's own table warehouse.trade_flow_&lt;load_id&gt;
     * (one per source row, counted by the writer), which sql/merge/trade_flow.sql checks and attaches.
     */
    private Step tradeMergeStep(String name, String loadStepName, String readerName) {
        return mergeStepWithCounts(name, List.of("sql/merge/trade_flow.sql"),
                "select rows_written from etl.trade_load where load_id = :load_id",
                "select rows_written - duplicates_removed from etl.trade_load where load_id = :load_id", loadStepName,
                readerName);
    }

    /**
     * The same, for loads that count their own rows as they write them (millions of facts need no count(*)).
     *
     * @param countLoadedSql the source rows that gave facts (parameter :load_id), asked before the merge
     * @param countFactsSql  the facts of the load (parameter :load_id), asked after the merge
     */
    public Step mergeStepWithCounts(String name, List<String> mergeSqls, String countLoadedSql, String countFactsSql,
                          String loadStepName, String readerName) {
        String countStaged = countLoadedSql;
        List<String> statements = mergeSqls.stream().flatMap(f -> SqlScript.statements(f).stream()).toList();
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    LoadContext load = LoadContext.of(job);
                    Map<String, Object> p = Map.of("load_id", load.loadId());
                    long rowsRead = rowsRead(job, loadStepName, readerName);
                    long rowsStaged = jdbc.queryForObject(countStaged, p, Long.class);
                    long rejectedRows = loads.rejectedRows(load.loadId());
                    double maxPct = job.getJobParameters().getDouble(MAX_REJECT_PCT, 10.0);
                    double pct = rowsRead == 0 ? 0 : 100.0 * rejectedRows / rowsRead;
                    if (pct > maxPct) {
                        String message = String.format(java.util.Locale.ROOT,
                                "%s: %d of %d rows rejected (%.1f%%), above the %.1f%% threshold of this load;"
                                        + " nothing was merged. See the reasons with: jobs/etl rejects %d",
                                load.fileName(), rejectedRows, rowsRead, pct, maxPct, load.loadId());
                        throw new RejectThresholdExceededException(message);
                    }
                    for (String sql : statements) {
                        jdbc.update(sql, p);
                    }
                    long facts = jdbc.queryForObject(countFactsSql, p, Long.class);
                    loads.finish(load.loadId(), "COMPLETED", rowsRead, rowsStaged, loads.rejectedRows(load.loadId()),
                            facts, null);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * Rows the reading step read: its reader's saved count, or the sum over its partitions
     * ({@code <readStepName>:partition<n>}), each count less its final read that found the end.
     */
    private long rowsRead(JobExecution job, String readStepName, String readerName) {
        long rows = rowsRead(jobRepository.getLastStepExecution(job.getJobInstance(), readStepName), readerName);
        StepExecution part;
        for (int p = 0; (part = jobRepository.getLastStepExecution(job.getJobInstance(),
                readStepName + ":partition" + p)) != null; p++) {
            rows += rowsRead(part, readerName);
        }
        return rows;
    }

    private static long rowsRead(StepExecution step, String readerName) {
        return step == null ? 0 : Math.max(0, step.getExecutionContext().getInt(readerName + ".read.count", 0) - 1);
    }

    /** Records a failed or stopped job on its load, with the first error's message. */
    public JobExecutionListener listener() {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution jobExecution) {
                if (jobExecution.getStatus().isUnsuccessful() || jobExecution.getStatus().isRunning()) {
                    String message = failureMessage(jobExecution);
                    loads.markEnded(jobExecution.getJobInstance().getInstanceId(), "FAILED", message);
                }
            }
        };
    }

    /** True when the job failed because its rejected rows passed the threshold. */
    public static boolean failedOnRejects(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RejectThresholdExceededException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message of the first failure of a job execution, or its exit description. */
    public static String failureMessage(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            String d = execution.getExitStatus().getExitDescription();
            return d == null || d.isBlank() ? execution.getStatus().toString() : d;
        }
        // a partitioned step fails with a summary; the reason is in the failed partition's own exception
        Throwable t = failures.stream()
                .filter(f -> f.getMessage() == null || !f.getMessage().startsWith("Partition handler returned"))
                .findFirst().orElse(failures.get(0));
        while (t.getCause() != null && !(t instanceof BadFileException) && !(t instanceof RejectThresholdExceededException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
