package org.mineralsetl.warehouse;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.SqlScript;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The steps every import shares around its own load step: prepare (register the file by SHA-256, inspect it, open
 * the load) and merge (check the reject threshold, merge staging into the facts in one transaction, close the
 * load). With the listener that records why a load failed.
 */
@Component
public class LoadSteps {

    public static final String FILE = "file";
    public static final String SHA256 = "sha256";
    public static final String FILE_SIZE = "fileSize";
    public static final String LINE_INDEX = "lineIndex";
    public static final String KIND = "kind";
    public static final String MAX_REJECT_PCT = "maxRejectPct";
    /** Identifying, present from 1 on: a new load of a content loaded before (abandoned, or replaced by a later load). */
    public static final String ATTEMPT = "attempt";

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

    /**
     * Registers the file (its SHA-256 was taken by {@link ImportLauncher}) and opens or reopens its load. A file
     * whose size changed since the launch is refused: it is another file now.
     */
    public Step prepareStep(String name, String kind, FileInspector inspector) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    JobParameters params = job.getJobParameters();
                    Path file = Path.of(params.getString(FILE));
                    if (!Files.isRegularFile(file)) {
                        throw new BadFileException(file + ": no such file");
                    }
                    long size = Files.size(file);
                    Long launched = params.getLong(FILE_SIZE);
                    if (launched != null && launched != size) {
                        throw new BadFileException(file.getFileName() + ": the file changed since the load was started ("
                                + size + " bytes, " + launched + " when launched); import it again as a new load");
                    }
                    String edition = inspector.editionOf(file);
                    long sourceFileId = loads.registerFile(kind, file, size, params.getString(SHA256), edition);
                    long loadId = loads.startLoad(sourceFileId, job.getJobInstance().getJobName(),
                            job.getJobInstance().getInstanceId(), job.getId(), params.getLong(ATTEMPT, 0L).intValue());
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
     * The merge step of a load staged in {@code stagingTable}. First its checks ({@code checkSqls}, parameter
     * :load_id), each moving the rows it rejects from staging to etl.reject, in a transaction of their own so that
     * those rejects stay when the load then fails; then the reject threshold over every reject of the load; then the
     * merge files in order in one transaction, the count of the facts, and the load closed.
     *
     * @param factTable    the fact table the merge writes, to count the load's facts
     * @param loadStepName the step whose reader's saved count is the number of rows read
     */
    public Step mergeStep(String name, List<String> checkSqls, List<String> mergeSqls, String factTable,
                          String loadStepName, String readerName) {
        List<String> checks = checkSqls.stream().flatMap(f -> SqlScript.statements(f).stream()).toList();
        List<String> statements = mergeSqls.stream().flatMap(f -> SqlScript.statements(f).stream()).toList();
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    LoadContext load = LoadContext.of(job);
                    Map<String, Object> p = Map.of("load_id", load.loadId());
                    long rowsRead = rowsRead(readSteps(job, loadStepName), readerName);
                    runChecks(checks, p);
                    checkRejectThreshold(job, load, rowsRead);
                    for (String sql : statements) {
                        jdbc.update(sql, p);
                    }
                    long facts = jdbc.queryForObject("select count(*) from " + factTable + " where load_id = :load_id",
                            p, Long.class);
                    loads.finish(load.loadId(), rowsRead, facts);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** Runs checks that move rejected rows out of staging, committed on their own (running them again finds nothing). */
    public void runChecks(List<String> statements, Map<String, Object> params) {
        if (statements.isEmpty()) {
            return;
        }
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(status -> statements.forEach(sql -> jdbc.update(sql, params)));
    }

    /**
     * Fails the load, nothing merged, when its rejected rows (every reason: unparseable, unknown code, impossible
     * value, repeated key) are more than the job's share of the rows read.
     */
    public void checkRejectThreshold(JobExecution job, LoadContext load, long rowsRead) {
        checkRejectThreshold(job, load, rowsRead, 0);
    }

    /**
     * The same, with {@code repeats} rows counted by the caller that repeat a key given earlier in the file (not yet
     * recorded one by one in etl.reject: a file of repeats fails before that costs anything).
     */
    public void checkRejectThreshold(JobExecution job, LoadContext load, long rowsRead, long repeats) {
        long rejectedRows = loads.rejectedRows(load.loadId()) + repeats;
        double maxPct = job.getJobParameters().getDouble(MAX_REJECT_PCT, 10.0);
        double pct = rowsRead == 0 ? 0 : 100.0 * rejectedRows / rowsRead;
        if (pct > maxPct) {
            throw new RejectThresholdExceededException(String.format(Locale.ROOT,
                    "%s: %d of %d rows rejected (%.1f%%), above the %.1f%% threshold of this load; nothing was merged.%s"
                            + " See the reasons with: jobs/etl rejects %d",
                    load.fileName(), rejectedRows, rowsRead, pct, maxPct,
                    repeats == 0 ? "" : " " + repeats + " of them repeat a key given earlier in the file (not listed"
                            + " one by one).", load.loadId()));
        }
    }

    /**
     * The executions of the step that read the file: the step itself, or each partition of it
     * ({@code <readStepName>:partition<n>}), latest execution of each.
     */
    public List<StepExecution> readSteps(JobExecution job, String readStepName) {
        List<StepExecution> steps = new ArrayList<>();
        StepExecution whole = jobRepository.getLastStepExecution(job.getJobInstance(), readStepName);
        if (whole != null) {
            steps.add(whole);
        }
        StepExecution part;
        for (int p = 0; (part = jobRepository.getLastStepExecution(job.getJobInstance(),
                readStepName + ":partition" + p)) != null; p++) {
            steps.add(part);
        }
        return steps;
    }

    /** Rows the reader read, from its saved count in each step (less the final read that found the end). */
    public static long rowsRead(List<StepExecution> steps, String readerName) {
        return steps.stream()
                .mapToLong(s -> Math.max(0, s.getExecutionContext().getInt(readerName + ".read.count", 0) - 1))
                .sum();
    }

    /** Records a failed or stopped job on its load, with the first error's message. */
    public JobExecutionListener listener() {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution jobExecution) {
                if (jobExecution.getStatus().isUnsuccessful() || jobExecution.getStatus().isRunning()) {
                    loads.markEnded(jobExecution.getJobInstance().getInstanceId(), "FAILED",
                            failureMessage(jobExecution));
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
