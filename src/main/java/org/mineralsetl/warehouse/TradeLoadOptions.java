package org.mineralsetl.warehouse;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Locale;

/**
 * The job parameters that change how a trade file loads, and the step that writes them to the load record
 * (etl.trade_load, with the source's units as published) right after the prepare step, creating the load's own
 * table warehouse.trade_flow_&lt;load_id&gt;: keepBreakdowns (default false: breakdown totals only) and hsRevision (for
 * files whose name does not carry it).
 */
@Component
public class TradeLoadOptions {

    public static final String KEEP_BREAKDOWNS = "keepBreakdowns";
    public static final String HS_REVISION = "hsRevision";

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;

    public TradeLoadOptions(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
    }

    public static boolean keepBreakdowns(JobParameters params) {
        String v = params.getString(KEEP_BREAKDOWNS);
        return v != null && v.trim().equalsIgnoreCase("true");
    }

    public static String hsRevision(JobParameters params) {
        String v = params.getString(HS_REVISION);
        return v == null || v.isBlank() ? null : v.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * @param source the trade source the load writes: baci (values in thousands of USD, weights in tonnes) or
     *               comtrade (USD, kg)
     */
    public Step recordStep(String name, String source) {
        boolean baci = source.equals("baci");
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    JobParameters params = job.getJobParameters();
                    LoadContext load = LoadContext.of(job);
                    jdbc.update("""
                            insert into etl.trade_load (load_id, keep_breakdowns, hs_revision, hs_map_version, source,
                                edition, original_value_unit, value_per_original, original_weight_unit, original_per_tonne)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (load_id) do update set keep_breakdowns = excluded.keep_breakdowns,
                                hs_revision = excluded.hs_revision, hs_map_version = excluded.hs_map_version""",
                            load.loadId(), keepBreakdowns(params), hsRevision(params), HsMap.load(jdbc).version(),
                            source, load.edition(), baci ? "kUSD" : "USD", baci ? 1000 : 1, baci ? "t" : "kg",
                            baci ? 1 : 1000);
                    jdbc.update("call warehouse.create_trade_flow_table(?)", load.loadId());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }
}
