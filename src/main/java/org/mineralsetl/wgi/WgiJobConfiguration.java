package org.mineralsetl.wgi;

import org.mineralsetl.support.CsvItemReader;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.ReadProgress;
import org.mineralsetl.reference.CountryResolver;
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

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/** {@code import wgi}: the World Bank Worldwide Governance Indicators bulk CSV (WGIData.csv) into ref.governance_indicator. */
@Configuration(proxyBeanMethods = false)
class WgiJobConfiguration {

    static final String KIND = "wgi";
    private static final String READER = "wgiReader";
    private static final String LOAD_STEP = "wgiLoadStep";

    @Bean
    @StepScope
    CsvItemReader<CsvRecord> wgiReader(@Value("#{jobParameters['file']}") String file) {
        Path path = Path.of(file);
        return new CsvItemReader<>(READER, path, h -> WgiItemProcessor.checkHeader(path.getFileName().toString(), h), r -> r);
    }

    @Bean
    @StepScope
    WgiItemProcessor wgiItemProcessor(JdbcTemplate jdbc) {
        return new WgiItemProcessor(CountryResolver.load(jdbc));
    }

    @Bean
    @StepScope
    StagingWriter<WgiRow> wgiWriter(@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource,
                                    JdbcLoadDao loads) {
        return new StagingWriter<>(dataSource, loads, "staging.governance_indicator_row", WgiRow.STAGING_COLUMNS,
                WgiRow::stagingValues, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step wgiLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                     CsvItemReader<CsvRecord> wgiReader, WgiItemProcessor wgiItemProcessor, StagingWriter<WgiRow> wgiWriter) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<CsvRecord, Processed<WgiRow>>chunk(1000)
                .transactionManager(transactionManager)
                .reader(wgiReader)
                .processor(wgiItemProcessor)
                .listener(new ReadProgress(wgiReader))
                .writer(wgiWriter)
                .build();
    }

    @Bean
    Job wgiImportJob(JobRepository jobRepository, LoadSteps loadSteps, Step wgiLoadStep) {
        return new JobBuilder("wgiImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("wgiPrepareStep", KIND, WgiJobConfiguration::inspect))
                .next(wgiLoadStep)
                .next(loadSteps.mergeStep("wgiMergeStep", List.of("sql/wgi/check.sql"), List.of("sql/wgi/merge.sql"),
                        "ref.governance_indicator", LOAD_STEP, READER))
                .build();
    }

    @Bean
    ImportKind wgiImportKind(Job wgiImportJob) {
        return new ImportKind(KIND, "World Bank Worldwide Governance Indicators bulk CSV (WGIData.csv)", wgiImportJob,
                file -> file.getFileName().toString().matches("(?i)WGIData.*\\.csv"), WgiJobConfiguration::inspect, 80);
    }

    /** Edition: WGI and the latest year column, e.g. WGI2022. */
    static String inspect(Path file) {
        List<String> header = CsvItemReader.readHeader(file);
        WgiItemProcessor.checkHeader(file.getFileName().toString(), header);
        return "WGI" + header.stream().filter(h -> h.matches("(19|20)\\d{2}")).max(String::compareTo).orElseThrow();
    }
}
