package org.mineralsetl.indicator;

import org.mineralsetl.warehouse.LoadSteps;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the indicators job as a new job instance and reports the rows each indicator wrote. The trade indicators are
 * recomputed for the trade years changed since the last completed run; {@link #runFull()} marks every year first.
 */
@Component
public class IndicatorRunner {

    /** How a recompute ended: the rows written per indicator, or the failure. */
    public record Result(boolean ok, Map<String, Long> rowsByIndicator, String message, long millis) {
    }

    private final JobOperator jobOperator;
    private final Job indicatorsJob;

    private final JdbcTemplate jdbc;

    IndicatorRunner(JobOperator jobOperator, Job indicatorsJob, JdbcTemplate jdbc) {
        this.jobOperator = jobOperator;
        this.indicatorsJob = indicatorsJob;
        this.jdbc = jdbc;
    }

    /** Recomputes every indicator for every trade year, as after a change the triggers cannot see. */
    public Result runFull() {
        jdbc.execute("select indicator.mark_every_trade_year()");
        return run();
    }

    public Result run() {
        long start = System.nanoTime();
        try {
            JobExecution execution = jobOperator.start(indicatorsJob, new JobParametersBuilder()
                    .addString("run.at", Instant.now().toString(), true).toJobParameters());
            Map<String, Long> rows = new LinkedHashMap<>();
            for (StepExecution s : execution.getStepExecutions()) {
                rows.put(s.getStepName().replace("indicator_", ""), s.getWriteCount());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                return new Result(true, rows, null, millis);
            }
            return new Result(false, rows, LoadSteps.failureMessage(execution), millis);
        } catch (Exception e) {
            return new Result(false, Map.of(), e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
