package org.mineralsetl.stockpile;

import org.mineralsetl.support.CsvItemReader;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.ReadProgress;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.LoadSteps;
import org.mineralsetl.warehouse.Processed;
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
import java.util.HashSet;

/** {@code import stockpile}: stockpile holdings (commodity, quantity_t, as_of) into warehouse.stockpile_holding. */
@Configuration(proxyBeanMethods = false)
class StockpileJobConfiguration {

    static final String KIND = "stockpile";
    private static final String READER = "stockpileReader";
    private static final String LOAD_STEP = "stockpileLoadStep";

    @Bean
    @StepScope
    CsvItemReader<CsvRecord> stockpileReader(@Value("#{jobParameters['file']}") String file) {
        Path path = Path.of(file);
        return new CsvItemReader<>(READER, path,
                h -> StockpileItemProcessor.checkHeader(path.getFileName().toString(), h), r -> r);
    }

    @Bean
    @StepScope
    StockpileItemProcessor stockpileItemProcessor(JdbcTemplate jdbc) {
        return new StockpileItemProcessor(new HashSet<>(
                jdbc.queryForList("select commodity_code from ref.commodity", String.class)));
    }

    @Bean
    @StepScope
    StagingWriter<StockpileRow> stockpileWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                                DataSource dataSource, JdbcLoadDao loads) {
        return new StagingWriter<>(dataSource, loads, "staging.stockpile_row", StockpileRow.STAGING_COLUMNS,
                StockpileRow::stagingValues, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step stockpileLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           CsvItemReader<CsvRecord> stockpileReader, StockpileItemProcessor stockpileItemProcessor,
                           StagingWriter<StockpileRow> stockpileWriter) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<CsvRecord, Processed<StockpileRow>>chunk(500)
                .transactionManager(transactionManager)
                .reader(stockpileReader)
                .processor(stockpileItemProcessor)
                .listener(new ReadProgress(stockpileReader))
                .writer(stockpileWriter)
                .build();
    }

    @Bean
    Job stockpileImportJob(JobRepository jobRepository, LoadSteps loadSteps, Step stockpileLoadStep) {
        return new JobBuilder("stockpileImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("stockpilePrepareStep", KIND, StockpileJobConfiguration::inspect))
                .next(stockpileLoadStep)
                .next(loadSteps.mergeStep("stockpileMergeStep", List.of("sql/stockpile/check.sql"),
                        List.of("sql/stockpile/merge.sql"), "warehouse.stockpile_holding", LOAD_STEP, READER))
                .build();
    }

    @Bean
    ImportKind stockpileImportKind(Job stockpileImportJob) {
        return new ImportKind(KIND, "Stockpile holdings CSV (commodity, quantity_t, as_of)", stockpileImportJob,
                file -> file.getFileName().toString().matches("(?i)stockpile.*\\.csv"), StockpileJobConfiguration::inspect, 90);
    }

    static String inspect(Path file) {
        StockpileItemProcessor.checkHeader(file.getFileName().toString(), CsvItemReader.readHeader(file));
        return "holdings";
    }
}
