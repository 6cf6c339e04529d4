package org.mineralsetl.indicator;

import org.mineralsetl.support.SqlScript;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@code jobs/etl indicators}: recomputes every indicator, one step per file of {@code sql/indicators}
 * (in name order), each file in one transaction: a reader of the indicator views never sees a half-done one.
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
        SimpleJobBuilder job = null;
        for (String file : files) {
            List<String> statements = SqlScript.statements("sql/indicators/" + file);
            String name = file.replace(".sql", "");
            Step step = new StepBuilder("indicator_" + name, jobRepository)
                    .tasklet((contribution, chunkContext) -> {
                        for (String sql : statements) {
                            int n = jdbc.update(sql);
                            contribution.incrementWriteCount(sql.startsWith("delete") || sql.contains("\ndelete") ? 0 : n);
                        }
                        return RepeatStatus.FINISHED;
                    }, transactionManager)
                    .allowStartIfComplete(true)
                    .build();
            job = job == null ? new JobBuilder(JOB, jobRepository).start(step) : job.next(step);
        }
        return Objects.requireNonNull(job, "no indicator SQL files on the classpath").build();
    }
}
