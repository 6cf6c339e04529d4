package org.mineralsetl.spreadsheet;

import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.support.ReadProgress;
import org.mineralsetl.support.AbstractSpreadsheetItemReader;
import org.mineralsetl.support.SpreadsheetRecord;
import org.mineralsetl.support.Workbooks;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.ProductionRow;
import org.mineralsetl.warehouse.StagingWriter;
import org.springframework.batch.core.configuration.annotation.StepScope;
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

/**
 * {@code import --mapping jobs/sources/NAME.yml FILE}: a workbook into production facts, as its layout mapping
 * says. Reader, processor, writer, load step, in reading order; the job around them (prepare, load, merge) is
 * built per mapping by {@link SpreadsheetImports}. The mapping of a run is found by its import kind (job
 * parameter {@code kind}, {@code mapping:NAME}).
 */
@Configuration(proxyBeanMethods = false)
class SpreadsheetJobConfiguration {

    static final String READER = "spreadsheetReader";
    static final String LOAD_STEP = "spreadsheetLoadStep";

    @Bean
    @StepScope
    AbstractSpreadsheetItemReader<SpreadsheetRecord> spreadsheetReader(@Value("#{jobParameters['file']}") String file,
                                                                      @Value("#{jobParameters['kind']}") String kind,
                                                                      LayoutMappings mappings) {
        return Workbooks.reader(READER, Path.of(file), new MappingLayout(mappings.require(kind)), r -> r);
    }

    @Bean
    @StepScope
    MappingItemProcessor spreadsheetProcessor(@Value("#{jobParameters['kind']}") String kind,
                                              @Value("#{stepExecution}") StepExecution stepExecution,
                                              LayoutMappings mappings, JdbcTemplate jdbc) {
        return new MappingItemProcessor(mappings.require(kind), LoadContext.of(stepExecution.getJobExecution()).edition(),
                CountryResolver.load(jdbc), MappingItemProcessor.Codes.load(jdbc));
    }

    @Bean
    @StepScope
    StagingWriter<ProductionRow> spreadsheetWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                                   DataSource dataSource, JdbcLoadDao loads) {
        return new StagingWriter<>(dataSource, loads, "staging.production_row", ProductionRow.STAGING_COLUMNS,
                ProductionRow::stagingValues, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step spreadsheetLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             AbstractSpreadsheetItemReader<SpreadsheetRecord> spreadsheetReader,
                             MappingItemProcessor spreadsheetProcessor, StagingWriter<ProductionRow> spreadsheetWriter,
                             @Value("${etl.spreadsheet.chunk-size:1000}") int chunkSize) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<SpreadsheetRecord, Processed<ProductionRow>>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(spreadsheetReader)
                .processor(spreadsheetProcessor)
                .writer(spreadsheetWriter)
                .listener(new ReadProgress(spreadsheetReader))
                .build();
    }
}
