package org.mineralsetl.baci;

import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.support.BlockReader;
import org.mineralsetl.support.CsvItemReader;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.FileScan;
import org.mineralsetl.support.LineRange;
import org.mineralsetl.support.LineRangePartitioner;
import org.mineralsetl.support.ReadProgress;
import org.mineralsetl.trade.HsMap;
import org.mineralsetl.trade.TradeFlowWriter;
import org.mineralsetl.trade.TradeJobs;
import org.mineralsetl.trade.TradeLoadOptions;
import org.mineralsetl.trade.TradeRow;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.LoadSteps;
import org.mineralsetl.warehouse.Processed;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code import baci}: a CEPII BACI year file (BACI_HS17_Y2022_V202301.csv: t,i,j,k,v,q; about 11 million lines)
 * into warehouse.trade_flow. The file is cut into line ranges (at line starts found when its SHA-256 was taken)
 * that a partitioned step loads at once, one database session each, so the server's work spreads over the cores:
 * each part reads its range with the CSV reader, maps each line with the pure {@link BaciItemProcessor} and COPYs
 * into the load's own table; {@link BaciKeyOrder} watches the line order so that the merge, which attaches the
 * table, can skip its search for repeated keys. Reader, processor, writer, steps, job, in reading order.
 */
@Configuration(proxyBeanMethods = false)
class BaciJobConfiguration {

    static final String KIND = "baci";
    /** BACI publishes values in thousands of USD (FOB) and quantities in metric tonnes. */
    static final TradeLoadOptions.Source SOURCE = new TradeLoadOptions.Source("baci", "kUSD", 1000, "t", 1);
    private static final String READER = "baciReader";
    private static final String PARTITION_STEP = "baciLoadPartitionStep";
    /** Lines per item of the load step (see {@link BlockReader}). */
    static final int BLOCK = 1000;

    /** The partition's line range of the file, in blocks of etl.baci.block-size lines (default 1,000). */
    @Bean
    @StepScope
    BlockReader<CsvRecord> baciReader(@Value("#{jobParameters['file']}") String file,
                                      @Value("#{stepExecution}") StepExecution stepExecution,
                                      @Value("${etl.baci.block-size:" + BLOCK + "}") int blockSize) {
        Path path = Path.of(file);
        return new BlockReader<>(new CsvItemReader<>(READER, path,
                header -> BaciItemProcessor.checkHeader(path.getFileName().toString(), header), r -> r,
                LineRange.of(stepExecution.getExecutionContext())), blockSize);
    }

    @Bean
    @StepScope
    ItemProcessor<List<CsvRecord>, List<Processed<TradeRow>>> baciProcessor(
            @Value("#{jobParameters['file']}") String file, @Value("#{jobParameters['hsRevision']}") String hsRevision,
            JdbcTemplate jdbc) {
        BaciFileName name = BaciFileName.of(Path.of(file), hsRevision == null || hsRevision.isBlank() ? null
                : hsRevision.trim());
        return BlockReader.each(new BaciItemProcessor(name, CountryResolver.load(jdbc), HsMap.load(jdbc)));
    }

    @Bean
    @StepScope
    TradeFlowWriter baciWriter(@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource,
                               JdbcLoadDao loads) {
        return new TradeFlowWriter(dataSource, loads, LoadContext.of(stepExecution.getJobExecution()),
                shared(stepExecution.getJobExecution().getJobParameters()));
    }

    /** Every row of a BACI file is an annual export total of the file's HS revision. */
    static TradeRow.Shared shared(JobParameters params) {
        BaciFileName name = BaciFileName.of(Path.of(params.getString(LoadSteps.FILE)), TradeLoadOptions.hsRevision(params));
        return new TradeRow.Shared(0, name.hsRevision(), "X", TradeRow.Breakdown.TOTALS);
    }

    @Bean
    @StepScope
    BaciKeyOrder baciKeyOrder() {
        return new BaciKeyOrder();
    }

    /** Progress of one partition over its line range (one per partition: they run at once). */
    @Bean
    @StepScope
    ReadProgress baciProgress(BlockReader<CsvRecord> baciReader) {
        return new ReadProgress(baciReader);
    }

    /** The progress as a listener of the blocks this step reads (it counts any item, a block by its size). */
    @SuppressWarnings("unchecked")
    private static org.springframework.batch.core.listener.ItemReadListener<List<CsvRecord>> progressOf(ReadProgress p) {
        return (org.springframework.batch.core.listener.ItemReadListener<List<CsvRecord>>)
                (org.springframework.batch.core.listener.ItemReadListener<?>) p;
    }

    /** The step each partition runs over its line range. */
    @Bean
    Step baciLoadPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               BlockReader<CsvRecord> baciReader,
                               ItemProcessor<List<CsvRecord>, List<Processed<TradeRow>>> baciProcessor,
                               TradeFlowWriter baciWriter, BaciKeyOrder baciKeyOrder, ReadProgress baciProgress,
                               @Value("${etl.baci.chunk-size:20000}") int chunkSize,
                               @Value("${etl.baci.block-size:" + BLOCK + "}") int blockSize) {
        return new StepBuilder(PARTITION_STEP, jobRepository)
                .<List<CsvRecord>, List<Processed<TradeRow>>>chunk(Math.max(1, chunkSize / blockSize))
                .transactionManager(transactionManager)
                .reader(baciReader)
                .processor(baciProcessor)
                .writer(baciWriter)
                .listener(baciKeyOrder)
                .listener((org.springframework.batch.core.listener.StepExecutionListener) baciProgress)
                .listener(progressOf(baciProgress))
                .stream(baciKeyOrder)
                .build();
    }

    /** The file's line ranges, one per partition (a file under etl.baci.partition-min-bytes a part stays whole). */
    @Bean
    @JobScope
    LineRangePartitioner baciPartitioner(@Value("#{jobParameters['fileSize']}") Long size,
                                         @Value("#{jobParameters['lineIndex']}") String lineIndex,
                                         @Value("${etl.baci.partition-min-bytes:8388608}") long minBytes) {
        return new LineRangePartitioner(size == null ? 0 : size, FileScan.parseLineIndex(lineIndex), minBytes);
    }

    /**
     * @param partitions parts of a file loaded at once (etl.baci.partitions; 0, the default: one per core, at most 4);
     *                   each holds a pooled connection while it writes
     */
    @Bean
    Step baciLoadStep(JobRepository jobRepository, Step baciLoadPartitionStep, LineRangePartitioner baciPartitioner,
                      @Value("${etl.baci.partitions:0}") int partitions) {
        int threads = partitions > 0 ? partitions : Math.min(4, Runtime.getRuntime().availableProcessors());
        return new StepBuilder("baciLoadStep", jobRepository)
                .partitioner(PARTITION_STEP, baciPartitioner)
                .step(baciLoadPartitionStep)
                .gridSize(threads)
                .taskExecutor(new SimpleAsyncTaskExecutor("baci-partition-"))
                .build();
    }

    @Bean
    Job baciImportJob(TradeJobs tradeJobs, Step baciLoadStep, JdbcTemplate jdbc) {
        return tradeJobs.job("baci", KIND, SOURCE, BaciJobConfiguration::inspect,
                BaciJobConfiguration::shared, baciLoadStep, PARTITION_STEP, READER,
                contexts -> BaciKeyOrder.proof(CountryResolver.load(jdbc)).proven(contexts));
    }

    @Bean
    ImportKind baciImportKind(Job baciImportJob) {
        return new ImportKind(KIND, "CEPII BACI trade file (BACI_HS17_Y2022_V202301.csv: t,i,j,k,v,q)",
                baciImportJob, BaciFileName::matches, BaciJobConfiguration::inspect, 50);
    }

    /** Checks the name and the header; returns the BACI release (V202301) as the edition. */
    static String inspect(Path file) {
        String release = BaciFileName.release(file);
        BaciItemProcessor.checkHeader(file.getFileName().toString(), CsvItemReader.readHeader(file));
        return release;
    }
}
