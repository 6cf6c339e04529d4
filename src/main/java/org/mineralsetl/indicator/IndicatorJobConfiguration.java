package org.mineralsetl.indicator;

import org.mineralsetl.support.SqlScript;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code jobs/etl indicators}: recomputes the indicators, one step per file of {@code sql/indicators}
 * (in name order), each file in one transaction: a reader of the indicator views never sees a half-done one.
 * The trade indicators are recomputed for the trade years marked since the last completed run
 * (V41__trade_indicator_years.sql); the job marks every year first when the indicator SQL is not the one the last
 * completed run ran, and forgets the years it took when it completes.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorJobConfiguration {

    static final String JOB = "indicatorsJob";

    static List<String> indicatorFiles() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:sql/indicators/*.sql");
            return Arrays.stream(found).map(Resource::getFilename).filter(Objects::nonNull)
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list sql/indicators", e);
        }
    }

    @Bean
    Job indicatorsJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        List<String> files = indicatorFiles();
        MessageDigest digest = sha256();
        Set<String> rewritten = new TreeSet<>();
        SimpleJobBuilder job = null;
        for (String file : files) {
            List<String> statements = SqlScript.statements("sql/indicators/" + file);
            statements.forEach(s -> digest.update(s.getBytes(StandardCharsets.UTF_8)));
            statements.forEach(s -> DELETE_FROM.matcher(s).results().forEach(m -> rewritten.add(m.group(1))));
            String name = file.replace(".sql", "");
            Step step = new StepBuilder("indicator_" + name, jobRepository)
                    .tasklet((contribution, chunkContext) -> {
                        for (String sql : statements) {
                            int n = jdbc.update(sql);
                            contribution.incrementWriteCount(DELETES.matcher(sql).find() ? 0 : n);
                        }
                        return RepeatStatus.FINISHED;
                    }, transactionManager)
                    .allowStartIfComplete(true)
                    .build();
            job = job == null ? new JobBuilder(JOB, jobRepository).start(step) : job.next(step);
        }
        return Objects.requireNonNull(job, "no indicator SQL files on the classpath")
                .listener(trackTradeYears(jdbc, HexFormat.of().formatHex(digest.digest()), List.copyOf(rewritten)))
                .build();
    }

    /** The tables the indicator files rewrite (delete from, then insert into). */
    private static final Pattern DELETE_FROM = Pattern.compile("(?m)^delete from (indicator\\.\\w+)");

    /** A statement that deletes (alone, or in a CTE that moves rows): its row count is not rows written. */
    private static final Pattern DELETES = Pattern.compile("(?m)^\\s*delete\\b");

    private static JobExecutionListener trackTradeYears(JdbcTemplate jdbc, String sqlSha256, List<String> rewritten) {
        return new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                List<String> last = jdbc.queryForList("select indicator_sha256 from indicator.recompute_state", String.class);
                if (!last.contains(sqlSha256)) {
                    jdbc.execute("select indicator.mark_every_trade_year()");
                }
            }

            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    jdbc.update("delete from indicator.trade_year_recompute");
                    jdbc.update("""
                            insert into indicator.recompute_state (id, indicator_sha256) values (true, ?)
                            on conflict (id) do update set indicator_sha256 = excluded.indicator_sha256""", sqlSha256);
                }
                // the rows each run replaces are dead until a vacuum: without it the trade indicators' tables grow by
                // the years replaced at every run, and their scans with them (outside a transaction, as vacuum must)
                jdbc.execute("vacuum " + String.join(", ", rewritten));
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
