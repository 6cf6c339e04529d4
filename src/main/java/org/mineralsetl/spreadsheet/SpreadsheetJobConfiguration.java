package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.BlockItemReader;
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
import java.util.List;

/**
 * {@code import --mapping jobs/sources/NAME.yml FILE}: a workbook into production facts, as its layout
 * mapping says. Reader (mapping each row), writer, load step, in reading order; the job around them (prepare,
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
    static final int BLOCK = 500;
    /**
     * Blocks mapped ahead while the step writes (4,000 rows, most of a chunk): enough to keep the parser going
     * while the server stores a chunk; more only stays alive longer, copied by every young collection (20 blocks
     * cost a million-row import 0.5 s more of GC pauses).
     */
    static final int PREFETCH = 8;

    /**
     * The workbook's rows in blocks, each row through the mapping (a pure {@link MappingItemProcessor}) on a
     * read-ahead thread: the step only writes, while POI's parser runs on its own thread (see RowPump).
     */
    @Bean
    @StepScope
    BlockItemReader<SpreadsheetRecord, List<MappedRow>> spreadsheetReader(@Value("#{jobParameters['file']}") String file,
                                                                    @Value("#{jobParameters['kind']}") String kind,
                                                                    LayoutMappings mappings, JdbcTemplate jdbc,
                                                                    @Value("${" + CHUNK_SIZE + ":5000}") int chunkSize) {
        LayoutMapping mapping = mappings.require(kind);
        return new BlockItemReader<>(Workbooks.reader(READER, Path.of(file), new MappingLayout(mapping), r -> r),
                () -> BlockItemReader.perRecord(new MappingItemProcessor(mapping, CountryResolver.load(jdbc),
                        MappingItemProcessor.Codes.load(jdbc))),
                blockSize(chunkSize), PREFETCH);
    }

    @Bean
    @StepScope
    ProductionFactWriter spreadsheetWriter(@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource,
                                           JdbcLoadDao loads, JdbcTemplate jdbc) {
        return new ProductionFactWriter(dataSource, jdbc, loads, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step spreadsheetLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             BlockItemReader<SpreadsheetRecord, List<MappedRow>> spreadsheetReader,
                             ProductionFactWriter spreadsheetWriter,
                             @Value("${" + CHUNK_SIZE + ":5000}") int chunkSize) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<List<MappedRow>, List<MappedRow>>chunk(Math.max(1, chunkSize / blockSize(chunkSize)))
                .transactionManager(transactionManager)
                .reader(spreadsheetReader)
                .writer(spreadsheetWriter)
                .build();
    }

    /** Rows per block: 500, or the chunk when smaller (a chunk holds whole blocks). */
    static int blockSize(int chunkSize) {
        return Math.max(1, Math.min(BLOCK, chunkSize));
    }
}
