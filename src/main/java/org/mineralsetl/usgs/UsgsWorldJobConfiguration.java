package org.mineralsetl.usgs;

import org.mineralsetl.support.CsvItemReader;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.ReadProgress;
import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.LoadSteps;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.ProductionRow;
import org.mineralsetl.warehouse.StagingWriter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * {@code import usgs-world}: a MCS world table (mcsYYYY-slug_world.csv) into production, reserves and
 * capacity facts. Reader, processor, writer, step, job, in reading order.
 */
@Configuration(proxyBeanMethods = false)
class UsgsWorldJobConfiguration {

    static final String KIND = "usgs-world";
    private static final String READER = "usgsWorldReader";
    private static final String LOAD_STEP = "usgsWorldLoadStep";

    @Bean
    @StepScope
    CsvItemReader<CsvRecord> usgsWorldReader(@Value("#{jobParameters['file']}") String file, JdbcTemplate jdbc) {
        Path path = Path.of(file);
        UsgsRules rules = UsgsRules.load(jdbc);
        return new CsvItemReader<>(READER, path, header -> UsgsWorldLayout.of(path.getFileName().toString(),
                UsgsFileName.of(path).slug(), header, rules), r -> r);
    }

    @Bean
    @StepScope
    UsgsWorldItemProcessor usgsWorldItemProcessor(@Value("#{jobParameters['file']}") String file, JdbcTemplate jdbc) {
        return new UsgsWorldItemProcessor(UsgsFileName.of(Path.of(file)), UsgsRules.load(jdbc), CountryResolver.load(jdbc));
    }

    @Bean
    @StepScope
    StagingWriter<ProductionRow> usgsWorldWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                                 DataSource dataSource, JdbcLoadDao loads) {
        return new StagingWriter<>(dataSource, loads, "staging.production_row", ProductionRow.STAGING_COLUMNS,
                ProductionRow::stagingValues, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step usgsWorldLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           CsvItemReader<CsvRecord> usgsWorldReader, UsgsWorldItemProcessor usgsWorldItemProcessor,
                           StagingWriter<ProductionRow> usgsWorldWriter) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<CsvRecord, Processed<ProductionRow>>chunk(100)
                .transactionManager(transactionManager)
                .reader(usgsWorldReader)
                .processor(usgsWorldItemProcessor)
                .listener(new ReadProgress(usgsWorldReader))
                .writer(usgsWorldWriter)
                .build();
    }

    @Bean
    Job usgsWorldImportJob(JobRepository jobRepository, LoadSteps loadSteps, Step usgsWorldLoadStep,
                           JdbcTemplate jdbc) {
        return new JobBuilder("usgsWorldImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("usgsWorldPrepareStep", KIND, file -> inspect(file, jdbc)))
                .next(usgsWorldLoadStep)
                .next(loadSteps.mergeStep("usgsWorldMergeStep", List.of("sql/production/check.sql"),
                        List.of("sql/production/merge.sql"), "warehouse.production_fact", LOAD_STEP, READER))
                .build();
    }

    @Bean
    ImportKind usgsWorldImportKind(Job usgsWorldImportJob, JdbcTemplate jdbc) {
        return new ImportKind(KIND, "USGS Mineral Commodity Summaries world table (mcsYYYY-<slug>_world.csv)",
                usgsWorldImportJob, file -> UsgsFileName.matches(file, "world"), file -> inspect(file, jdbc), 10);
    }

    /** Checks the name, the commodity slug and the header; returns the edition (MCS2024). */
    static String inspect(Path file, JdbcTemplate jdbc) {
        UsgsFileName name = UsgsFileName.of(file);
        UsgsRules rules = UsgsRules.load(jdbc);
        rules.requireKnown(name.slug(), file.getFileName().toString());
        UsgsWorldLayout.of(file.getFileName().toString(), name.slug(), CsvItemReader.readHeader(file), rules);
        return name.edition();
    }
}
