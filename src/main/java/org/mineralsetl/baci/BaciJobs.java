package org.mineralsetl.baci;

import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.trade.TradeJobs;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.Step;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The BACI import job around a load step other than the local partitioned one (remote partitioning hands the
 * line ranges to workers): the same job name, steps and key proof, so a load started one way restarts the other.
 */
public final class BaciJobs {

    /** The BACI import kind's name. */
    public static final String KIND = BaciJobConfiguration.KIND;
    /** The step that loads one line range; a worker looks it up by this name. */
    public static final String PARTITION_STEP = "baciLoadPartitionStep";
    /** The step that splits the file into line ranges (the bean {@code baciPartitioner} cuts them). */
    public static final String LOAD_STEP = "baciLoadStep";
    /** The job-scoped partitioner bean that cuts the file into line ranges. */
    public static final String PARTITIONER = "baciPartitioner";

    private BaciJobs() {
    }

    public static Job withLoadStep(TradeJobs tradeJobs, JdbcTemplate jdbc, Step loadStep) {
        return tradeJobs.job("baci", KIND, BaciJobConfiguration.SOURCE, BaciJobConfiguration::inspect,
                BaciJobConfiguration::shared, loadStep, PARTITION_STEP, "baciReader",
                contexts -> BaciKeyOrder.proof(CountryResolver.load(jdbc)).proven(contexts));
    }
}
