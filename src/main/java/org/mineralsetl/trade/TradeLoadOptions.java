package org.mineralsetl.trade;

import org.mineralsetl.warehouse.LoadContext;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Locale;
import java.util.function.Function;

/**
 * The job parameters that change how a trade file loads, and the step that records them with what every row of
 * the load shares (etl.trade_load: source, edition, units as published, HS map version) and creates the load's own
 * table warehouse.trade_flow_&lt;load_id&gt; with what every row shares as column defaults: keepBreakdowns (default false: breakdown totals only) and hsRevision
 * (for files whose name does not carry it).
 */
public final class TradeLoadOptions {

    public static final String KEEP_BREAKDOWNS = "keepBreakdowns";
    public static final String HS_REVISION = "hsRevision";

    /**
     * A trade source and the units it publishes values and weights in (BACI: thousands of USD and tonnes; Comtrade:
     * USD and kg), recorded with each load so that the views give USD and tonnes.
     */
    public record Source(String code, String valueUnit, int valuePerOriginal, String weightUnit, int originalPerTonne) {
    }

    private TradeLoadOptions() {
    }

    public static boolean keepBreakdowns(JobParameters params) {
        String v = params.getString(KEEP_BREAKDOWNS);
        return v != null && v.trim().equalsIgnoreCase("true");
    }

    public static String hsRevision(JobParameters params) {
        String v = params.getString(HS_REVISION);
        return v == null || v.isBlank() ? null : v.trim().toUpperCase(Locale.ROOT);
    }

    /** The table the load step writes: warehouse.trade_flow_&lt;load_id&gt;. */
    static String loadTable(long loadId) {
        return "warehouse.trade_flow_" + loadId;
    }

    /**
     * @param shared what every row of a load shares (from its job parameters), or null when rows differ in it: the
     *               load's table takes it as column defaults, as it takes the load and this job execution
     */
    static Step recordStep(String name, Source source, Function<JobParameters, TradeRow.Shared> shared,
                           JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           JdbcTemplate jdbc) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    JobParameters params = job.getJobParameters();
                    LoadContext load = LoadContext.of(job);
                    jdbc.update("""
                            insert into etl.trade_load (load_id, source, edition, keep_breakdowns, hs_revision,
                                hs_map_version, original_value_unit, value_per_original, original_weight_unit,
                                original_per_tonne)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (load_id) do update set keep_breakdowns = excluded.keep_breakdowns,
                                hs_revision = excluded.hs_revision, hs_map_version = excluded.hs_map_version""",
                            load.loadId(), source.code(), load.edition(), keepBreakdowns(params), hsRevision(params),
                            HsMap.load(jdbc).version(), source.valueUnit(), source.valuePerOriginal(), source.weightUnit(),
                            source.originalPerTonne());
                    jdbc.update("call warehouse.create_trade_flow_table(?)", load.loadId());
                    TradeRow.Shared s = shared.apply(params);
                    jdbc.update("call warehouse.set_trade_flow_defaults(?, ?, ?::smallint, ?, ?, ?)", load.loadId(),
                            job.getId(), s == null ? null : s.month(), s == null ? null : s.hsRevision(),
                            s == null ? null : s.flow(), s == null ? null : s.breakdown().key());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }
}
