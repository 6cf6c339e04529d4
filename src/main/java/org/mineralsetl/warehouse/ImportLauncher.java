package org.mineralsetl.warehouse;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.FileScan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Launches one file's import. A file is identified by its content (SHA-256) and import kind: a
 * byte-identical file already loaded is a no-op that says so, unless later loads replaced its facts (then it is
 * loaded again, as a new attempt, to apply it); a failed, killed or cut-off load of the same content is restarted
 * from its last committed chunk; an abandoned one is loaded again from the start. A PostgreSQL advisory lock keeps two processes
 * from loading the same file at once, and tells a dead execution (nobody holds its lock) from a live one.
 */
@Component
public class ImportLauncher {

    private static final Logger log = LoggerFactory.getLogger(ImportLauncher.class);

    /** How one file's import ended. */
    public enum Status { LOADED, ALREADY_LOADED, FAILED, REJECTS_OVER_THRESHOLD }

    public record Outcome(String kind, Path file, Status status, String message, Optional<LoadSummary> load,
                          Long jobExecutionId) {
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final JdbcLoadDao loads;
    private final DataSource dataSource;

    public ImportLauncher(JobOperator jobOperator, JobRepository jobRepository, JdbcLoadDao loads, DataSource dataSource) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.loads = loads;
        this.dataSource = dataSource;
    }

    public Outcome importFile(ImportKind kind, Path file, double maxRejectPct) {
        return importFile(kind, file, maxRejectPct, Map.of());
    }

    /**
     * Imports several files of one kind, each as its own load, on {@code threads} threads (1 = one after the
     * other). Outcomes come back in the order of the files.
     */
    public List<Outcome> importFiles(ImportKind kind, List<Path> files, double maxRejectPct,
                                     Map<String, String> options, int threads) {
        if (threads <= 1 || files.size() <= 1) {
            return files.stream().map(f -> importFile(kind, f, maxRejectPct, options)).toList();
        }
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()),
                r -> new Thread(r, "import-" + n.incrementAndGet()));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> importFile(kind, f, maxRejectPct, options)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome(kind.name(), files.get(i), Status.FAILED,
                            files.get(i).getFileName() + ": " + e.getCause().getMessage(), Optional.empty(), null));
                }
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * @param options extra job parameters (not part of the file's identity), e.g. keepBreakdowns=true or
     *                hsRevision=HS17 for trade files
     */
    public Outcome importFile(ImportKind kind, Path file, double maxRejectPct, Map<String, String> options) {
        if (!Files.isRegularFile(file)) {
            return new Outcome(kind.name(), file, Status.FAILED, file + ": no such file", Optional.empty(), null);
        }
        FileScan scan;
        try {
            scan = FileScan.of(file);
        } catch (BadFileException e) {
            return new Outcome(kind.name(), file, Status.FAILED, e.getMessage(), Optional.empty(), null);
        }
        return importScanned(kind, file, scan, maxRejectPct, options);
    }

    private Outcome importScanned(ImportKind kind, Path file, FileScan scan, double maxRejectPct,
                                  Map<String, String> options) {
        String sha = scan.sha256();
        // the latest load of this content decides: none yet or one to finish (same attempt), done (a no-op), or
        // given up / replaced by a later delivery (a new attempt: a new load that applies the file again)
        Optional<LoadSummary> latest = loads.latestLoad(kind.name(), sha);
        int attempt = latest.map(LoadSummary::attempt).orElse(0);
        if (latest.isPresent() && latest.get().status().equals("COMPLETED")) {
            LoadSummary done = latest.get();
            if (done.factsReplacedByLater() == 0) {
                return alreadyLoaded(kind, file, done);
            }
            log.info("{}: load {} of this file was replaced in {} facts by later loads; loading it again to apply it",
                    file.getFileName(), done.loadId(), done.factsReplacedByLater());
            attempt++;
        } else if (latest.isPresent() && latest.get().status().equals("ABANDONED")) {
            attempt++;
        }
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(LoadSteps.KIND, kind.name(), true)
                .addString(LoadSteps.SHA256, sha, true)
                .addString(LoadSteps.FILE, file.toAbsolutePath().toString(), false)
                .addLong(LoadSteps.FILE_SIZE, scan.size(), false)
                .addString(LoadSteps.LINE_INDEX, scan.lineIndex(), false)
                .addDouble(LoadSteps.MAX_REJECT_PCT, maxRejectPct, false);
        if (attempt > 0) {
            builder.addLong(LoadSteps.ATTEMPT, (long) attempt, true);
        }
        options.forEach((key, value) -> builder.addString(key, value, false));
        JobParameters params = builder.toJobParameters();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, kind.name() + ':' + sha)) {
                return new Outcome(kind.name(), file, Status.FAILED, file.getFileName()
                        + ": another process is loading this file right now; try again when it has finished",
                        Optional.empty(), null);
            }
            try {
                recoverDeadExecution(kind, params);
                JobExecution execution = jobOperator.start(kind.job(), params);
                Optional<LoadSummary> load = loads.loadOfJobInstance(execution.getJobInstance().getInstanceId());
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    return new Outcome(kind.name(), file, Status.LOADED, null, load, execution.getId());
                }
                Status status = LoadSteps.failedOnRejects(execution) ? Status.REJECTS_OVER_THRESHOLD : Status.FAILED;
                return new Outcome(kind.name(), file, status, LoadSteps.failureMessage(execution), load,
                        execution.getId());
            } finally {
                unlock(lock, kind.name() + ':' + sha);
            }
        } catch (JobInstanceAlreadyCompleteException e) {
            return loads.completedLoad(kind.name(), sha).map(l -> alreadyLoaded(kind, file, l))
                    .orElse(new Outcome(kind.name(), file, Status.ALREADY_LOADED,
                            file.getFileName() + " was already loaded (same SHA-256); nothing to do", Optional.empty(), null));
        } catch (Exception e) {
            log.debug("import {} {} failed", kind.name(), file, e);
            return new Outcome(kind.name(), file, Status.FAILED, file.getFileName() + ": " + e.getMessage(),
                    Optional.empty(), null);
        }
    }

    /**
     * Restarts the import of a failed or stopped job execution from its last committed chunk: the same file
     * content (SHA-256) through the same job instance.
     */
    public Outcome restart(ImportKind kind, JobExecution execution) {
        Path file = Path.of(execution.getJobParameters().getString(LoadSteps.FILE));
        String sha = execution.getJobParameters().getString(LoadSteps.SHA256);
        if (!Files.isRegularFile(file)) {
            return new Outcome(kind.name(), file, Status.FAILED, "execution " + execution.getId() + " read " + file
                    + ", which is no longer there; import the file again from where it is now", Optional.empty(), null);
        }
        FileScan scan = FileScan.of(file);
        if (!scan.sha256().equals(sha)) {
            return new Outcome(kind.name(), file, Status.FAILED, file + " changed since execution " + execution.getId()
                    + " (different SHA-256); it is a new file: import it as a new load", Optional.empty(), null);
        }
        Map<String, String> options = new java.util.HashMap<>();
        execution.getJobParameters().parameters().forEach(p -> {
            if (!p.identifying() && p.value() instanceof String v
                    && !p.name().equals(LoadSteps.FILE) && !p.name().equals(LoadSteps.LINE_INDEX)) {
                options.put(p.name(), v);
            }
        });
        return importScanned(kind, file, scan, execution.getJobParameters().getDouble(LoadSteps.MAX_REJECT_PCT, 10.0),
                options);
    }

    /** Abandons a failed, stopped or dead execution so that its load is never restarted. */
    public String abandon(ImportKind kind, JobExecution execution) {
        String sha = execution.getJobParameters().getString(LoadSteps.SHA256);
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, kind.name() + ':' + sha)) {
                return null;
            }
            try {
                JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
                if (last != null && (last.isRunning() || last.getStatus() == BatchStatus.UNKNOWN)) {
                    markFailed(last);
                }
                jobOperator.abandon(last != null ? last.getId() : execution.getId());
                Optional<LoadSummary> load = loads.loadOfJobInstance(execution.getJobInstance().getInstanceId());
                load.ifPresent(l -> loads.discardUnmerged(l.loadId()));
                loads.markEnded(execution.getJobInstance().getInstanceId(), "ABANDONED", "abandoned by an operator");
                return "execution " + execution.getId() + " abandoned; its unmerged rows were dropped. Importing the"
                        + " same file again starts a new load";
            } finally {
                unlock(lock, kind.name() + ':' + sha);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot abandon execution " + execution.getId() + ": " + e.getMessage(), e);
        }
    }

    private static Outcome alreadyLoaded(ImportKind kind, Path file, LoadSummary load) {
        return new Outcome(kind.name(), file, Status.ALREADY_LOADED, file.getFileName()
                + " is byte-identical (SHA-256 " + load.sha256().substring(0, 12) + "...) to " + load.fileName()
                + " already loaded as load " + load.loadId() + "; nothing to do", Optional.of(load), null);
    }

    /**
     * An execution left STARTED (its process died) or UNKNOWN (a database fault cut it off mid-commit) whose lock
     * nobody holds can never finish: mark it and its unfinished steps FAILED so that it restarts from its last
     * committed chunk. Everything a chunk writes commits with the chunk's step execution, so the restart neither
     * loses nor repeats a row.
     */
    private void recoverDeadExecution(ImportKind kind, JobParameters params) {
        JobInstance instance = jobRepository.getJobInstance(kind.job().getName(), params);
        if (instance == null) {
            return;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last != null && (last.isRunning() || last.getStatus() == BatchStatus.UNKNOWN)) {
            log.warn("job execution {} of {} was left {} by a process that is gone or a database fault; marking it"
                    + " FAILED and restarting", last.getId(), kind.job().getName(), last.getStatus());
            markFailed(last);
        }
    }

    private void markFailed(JobExecution execution) {
        String why = "left " + execution.getStatus() + " by a process that is gone or a database fault";
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        execution.setEndTime(now);
        jobRepository.update(execution);
        loads.markEnded(execution.getJobInstance().getInstanceId(), "FAILED", why);
    }

    private static void unlock(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
            ps.setString(1, key);
            ps.execute();
        }
    }

    private static boolean tryLock(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 0))")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
