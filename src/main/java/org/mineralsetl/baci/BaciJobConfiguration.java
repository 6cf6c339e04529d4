package org.mineralsetl.baci;

import org.mineralsetl.support.BlockItemReader;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.DelimitedLineItemReader;
import org.mineralsetl.support.LineRange;
import org.mineralsetl.support.LineRangePartitioner;
import org.mineralsetl.warehouse.CountryResolver;
import org.mineralsetl.warehouse.HsMap;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.LoadSteps;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.TradeBlock;
import org.mineralsetl.warehouse.TradeBlockEncoder;
import org.mineralsetl.warehouse.TradeFlowWriter;
import org.mineralsetl.warehouse.TradeLoadOptions;
import org.mineralsetl.warehouse.TradeRow;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * {@code import baci}: a CEPII BACI year file (BACI_HS17_Y2022_V202301.csv, t,i,j,k,v,q) into
 * warehouse.trade_flow at COPY speed: the file cut into line ranges loaded at once by a partitioned step (one
 * database session per part, so the server's work spreads over the cores), each read by the plain line reader in
 * blocks, processed and encoded ahead of its step, binary COPY straight into the load's own table in large chunks;
 * then a set-based merge that attaches it. Reader, writer, job, in reading order.
 */
@Configuration(proxyBeanMethods = false)
class BaciJobConfiguration {

    static final String KIND = "baci";
    private static final String READER = "baciReader";

    /** Lines per item: the step's per-item costs are paid per block of lines (a BACI year has 11M lines). */
    static final int BLOCK = 1000;
    /** Blocks read, processed and encoded ahead while the step writes: two chunks of 20,000 rows, about 4 MB. */
    static final int PREFETCH = 40;

    /**
     * The plain line reader, in blocks, each line through the pure {@link BaciItemProcessor} on the read-ahead
     * thread (the step then has no processor of its own).
     */
    @Bean
    @StepScope
    BlockItemReader<CsvRecord, TradeBlock> baciReader(@Value("#{stepExecution}") StepExecution stepExecution,
                                                      JdbcTemplate jdbc) {
        var params = stepExecution.getJobExecution().getJobParameters();
        Path path = Path.of(params.getString(LoadSteps.FILE));
        LoadContext load = LoadContext.of(stepExecution.getJobExecution());
        return new BlockItemReader<>(new DelimitedLineItemReader<>(READER, path,
                header -> BaciItemProcessor.checkHeader(path.getFileName().toString(), header), r -> r,
                LineRange.of(stepExecution.getExecutionContext())),
                () -> {
                    BaciFileName file = BaciFileName.of(path, TradeLoadOptions.hsRevision(params));
                    // every row of a BACI file is an annual export total of the file's HS revision
                    return new TradeBlockEncoder<>(new BaciItemProcessor(file, CountryResolver.load(jdbc), HsMap.load(jdbc)),
                            load, () -> new TradeRow.Defaults(0, file.hsRevision(), "X", TradeRow.Breakdown.TOTALS));
                },
                BLOCK, PREFETCH);
    }

    @Bean
    @StepScope
    TradeFlowWriter baciWriter(@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource,
                               JdbcLoadDao loads) {
        return new TradeFlowWriter(dataSource, loads, LoadContext.of(stepExecution.getJobExecution()));
    }

    /** The file's line ranges, one per partition of the load step (a small file is one range). */
    @Bean
    @JobScope
    LineRangePartitioner baciPartitioner(@Value("#{jobParameters['file']}") String file,
                                         @Value("${etl.baci.partition-min-bytes:8388608}") long minBytes) {
        return new LineRangePartitioner(Path.of(file), minBytes);
    }

    /**
     * @param partitions parts of a file loaded at once (etl.baci.partitions; 0, the default: one per core, at
     *                   most 4); each holds a pooled connection while it writes
     */
    @Bean
    Job baciImportJob(LoadSteps loadSteps, TradeLoadOptions options,
                      BlockItemReader<CsvRecord, TradeBlock> baciReader, TradeFlowWriter baciWriter,
                      LineRangePartitioner baciPartitioner,
                      @Value("${etl.baci.chunk-size:20000}") int chunkSize,
                      @Value("${etl.baci.partitions:0}") int partitions) {
        int threads = partitions > 0 ? partitions : Math.min(4, Runtime.getRuntime().availableProcessors());
        return loadSteps.tradeImportJob("baci", KIND, BaciJobConfiguration::inspect,
                options.recordStep("baciOptionsStep", "baci"), baciReader, baciWriter, Math.max(1, chunkSize / BLOCK),
                READER, baciPartitioner, threads);
    }

    @Bean
    ImportKind baciImportKind(Job baciImportJob) {
        return new ImportKind(KIND, "CEPII BACI trade file (BACI_HS17_Y2022_V202301.csv: t,i,j,k,v,q)",
                baciImportJob, BaciFileName::matches, BaciJobConfiguration::inspect, 50);
    }

    /** Checks the name and the header; returns the BACI release (V202301) as the edition. */
    static String inspect(Path file) {
        String release = BaciFileName.release(file);
        BaciItemProcessor.checkHeader(file.getFileName().toString(),
                org.mineralsetl.support.CsvItemReader.readHeader(file));
        return release;
    }
}
