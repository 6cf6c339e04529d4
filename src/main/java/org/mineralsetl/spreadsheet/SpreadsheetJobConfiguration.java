package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.AbstractSpreadsheetItemReader;
import org.mineralsetl.support.SpreadsheetRecord;
import org.mineralsetl.support.Workbooks;
import org.mineralsetl.warehouse.CountryResolver;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
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
 * {@code import --mapping jobs/sources/NAME.yml FILE}: a workbook into production facts, as its layout
 * mapping says. Reader, processor, writer, load step, in reading order; the job around them (prepare,
 * load, merge) is built per mapping by {@link SpreadsheetImports}. The mapping of a run is found by its
 * import kind (job parameter {@code kind}, {@code mapping:NAME}).
 */
@Configuration(proxyBeanMethods = false)
class SpreadsheetJobConfiguration {

    static final String READER = "spreadsheetReader";
    static final String LOAD_STEP = "spreadsheetLoadStep";
    /**
     * Rows per chunk (one transaction, one COPY): each commit costs a WAL flush and the job repository's
     * updates, which at 500 rows took a good part of a million-row import. 5,000 rows hold about 10 MB.
     */
    static final String CHUNK_SIZE = "etl.spreadsheet.chunk-size";

    @Bean
    @StepScope
    AbstractSpreadsheetItemReader<SpreadsheetRecord> spreadsheetReader(@Value("#{jobParameters['file']}") String file,
                                                                      @Value("#{jobParameters['kind']}") String kind,
                                                                      LayoutMappings mappings) {
        return Workbooks.reader(READER, Path.of(file), new MappingLayout(mappings.require(kind)), r -> r);
    }

    @Bean
    @StepScope
    MappingItemProcessor spreadsheetItemProcessor(@Value("#{jobParameters['kind']}") String kind, LayoutMappings mappings,
                                                  JdbcTemplate jdbc) {
        return new MappingItemProcessor(mappings.require(kind), CountryResolver.load(jdbc), MappingItemProcessor.Codes.load(jdbc));
    }

    @Bean
    @StepScope
    ProductionFactWriter spreadsheetWriter(@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource,
                                           JdbcLoadDao loads, JdbcTemplate jdbc) {
        return new ProductionFactWriter(dataSource, jdbc, loads, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step spreadsheetLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             AbstractSpreadsheetItemReader<SpreadsheetRecord> spreadsheetReader,
                             MappingItemProcessor spreadsheetItemProcessor, ProductionFactWriter spreadsheetWriter,
                             @Value("${" + CHUNK_SIZE + ":5000}") int chunkSize) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<SpreadsheetRecord, MappedRow>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(spreadsheetReader)
                .processor(spreadsheetItemProcessor)
                .writer(spreadsheetWriter)
                .build();
    }
}
