package org.mineralsetl.comtrade;

import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.support.CsvItemReader;
import org.mineralsetl.support.BlockReader;
import org.mineralsetl.support.ReadProgress;
import org.mineralsetl.trade.HsMap;
import org.mineralsetl.trade.TradeFlowWriter;
import org.mineralsetl.trade.TradeJobs;
import org.mineralsetl.trade.TradeLoadOptions;
import org.mineralsetl.trade.TradeRow;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.Processed;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code import comtrade} (v1 API/bulk layout, annual or monthly) and {@code import comtrade-legacy} (the older
 * comtrade.un.org layout) into warehouse.trade_flow. Both share the processor; the layout maps the columns.
 * Readers, processor, writer, steps, jobs, in reading order.
 */
@Configuration(proxyBeanMethods = false)
class ComtradeJobConfiguration {

    static final String KIND = "comtrade";
    /** Comtrade publishes values in USD (CIF for imports, FOB for exports) and net weights in kg. */
    static final TradeLoadOptions.Source SOURCE = new TradeLoadOptions.Source("comtrade", "USD", 1, "kg", 1000);
    static final String LEGACY_KIND = "comtrade-legacy";
    private static final String READER = "comtradeReader";
    private static final String LEGACY_READER = "comtradeLegacyReader";
    private static final int CHUNK = 1000;
    /** Records per item of the load step (see {@link BlockReader}): bulk Comtrade files have millions of rows. */
    private static final int BLOCK = 100;

    @Bean
    @StepScope
    BlockReader<ComtradeFields> comtradeReader(@Value("#{jobParameters['file']}") String file) {
        return new BlockReader<>(reader(READER, false, Path.of(file)), BLOCK);
    }

    @Bean
    @StepScope
    BlockReader<ComtradeFields> comtradeLegacyReader(@Value("#{jobParameters['file']}") String file) {
        return new BlockReader<>(reader(LEGACY_READER, true, Path.of(file)), BLOCK);
    }

    /** The CSV reader with the layout its header shows. */
    private static CsvItemReader<ComtradeFields> reader(String name, boolean legacy, Path path) {
        AtomicReference<ComtradeLayout> layout = new AtomicReference<>();
        String fileName = path.getFileName().toString();
        return new CsvItemReader<>(name, path,
                header -> layout.set(legacy ? ComtradeLayout.legacy(fileName, header) : ComtradeLayout.v1(fileName, header)),
                record -> layout.get().fields(record));
    }

    @Bean
    @StepScope
    ItemProcessor<List<ComtradeFields>, List<Processed<TradeRow>>> comtradeProcessor(
            @Value("#{jobParameters['keepBreakdowns']}") String keepBreakdowns, JdbcTemplate jdbc) {
        return BlockReader.each(new ComtradeItemProcessor(
                "true".equalsIgnoreCase(keepBreakdowns == null ? "" : keepBreakdowns.trim()),
                CountryResolver.load(jdbc), HsMap.load(jdbc)));
    }

    @Bean
    @StepScope
    TradeFlowWriter comtradeWriter(@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource,
                                   JdbcLoadDao loads) {
        // Comtrade rows differ in period, flow and breakdown: every key column goes with each row
        return new TradeFlowWriter(dataSource, loads, LoadContext.of(stepExecution.getJobExecution()), null);
    }

    @Bean
    Step comtradeLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          BlockReader<ComtradeFields> comtradeReader,
                          ItemProcessor<List<ComtradeFields>, List<Processed<TradeRow>>> comtradeProcessor,
                          TradeFlowWriter comtradeWriter) {
        return loadStep("comtradeLoadStep", jobRepository, transactionManager, comtradeReader, comtradeProcessor,
                comtradeWriter);
    }

    @Bean
    Step comtradeLegacyLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                BlockReader<ComtradeFields> comtradeLegacyReader,
                                ItemProcessor<List<ComtradeFields>, List<Processed<TradeRow>>> comtradeProcessor,
                                TradeFlowWriter comtradeWriter) {
        return loadStep("comtradeLegacyLoadStep", jobRepository, transactionManager, comtradeLegacyReader,
                comtradeProcessor, comtradeWriter);
    }

    private static Step loadStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                 BlockReader<ComtradeFields> reader,
                                 ItemProcessor<List<ComtradeFields>, List<Processed<TradeRow>>> processor,
                                 TradeFlowWriter writer) {
        return new StepBuilder(name, jobRepository)
                .<List<ComtradeFields>, List<Processed<TradeRow>>>chunk(CHUNK / BLOCK)
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .listener(new ReadProgress(reader))
                .build();
    }

    @Bean
    Job comtradeImportJob(TradeJobs tradeJobs, Step comtradeLoadStep) {
        return tradeJobs.job("comtrade", KIND, SOURCE, ComtradeFiles::inspectV1,
                params -> null, comtradeLoadStep, "comtradeLoadStep", READER, TradeJobs.KeyProof.NONE);
    }

    @Bean
    Job comtradeLegacyImportJob(TradeJobs tradeJobs, Step comtradeLegacyLoadStep) {
        return tradeJobs.job("comtradeLegacy", LEGACY_KIND, SOURCE,
                ComtradeFiles::inspectLegacy, params -> null, comtradeLegacyLoadStep, "comtradeLegacyLoadStep", LEGACY_READER,
                TradeJobs.KeyProof.NONE);
    }

    @Bean
    ImportKind comtradeImportKind(Job comtradeImportJob) {
        return new ImportKind(KIND, "UN Comtrade v1 API/bulk CSV (typeCode, freqCode, ..., annual or monthly)",
                comtradeImportJob, ComtradeFiles::isV1, ComtradeFiles::inspectV1, 40);
    }

    @Bean
    ImportKind comtradeLegacyImportKind(Job comtradeLegacyImportJob) {
        return new ImportKind(LEGACY_KIND, "UN Comtrade legacy CSV (Classification, Year, Trade Flow Code, ...)",
                comtradeLegacyImportJob, ComtradeFiles::isLegacy, ComtradeFiles::inspectLegacy, 41);
    }
}
