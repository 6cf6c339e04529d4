package org.mineralsetl.comtrade;

import org.mineralsetl.support.BlockItemReader;
import org.mineralsetl.support.CsvItemReader;
import org.mineralsetl.warehouse.CountryResolver;
import org.mineralsetl.warehouse.HsMap;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.LoadSteps;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.TradeFlowWriter;
import org.mineralsetl.warehouse.TradeLoadOptions;
import org.mineralsetl.warehouse.TradeRow;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code import comtrade} (v1 API/bulk layout, annual or monthly) and {@code import comtrade-legacy} (the
 * older comtrade.un.org layout) into warehouse.trade_fact. Both share the processor; the layout maps the
 * columns. Reader, processor, writer, step, job, in reading order.
 */
@Configuration(proxyBeanMethods = false)
class ComtradeJobConfiguration {

    static final String KIND = "comtrade";
    static final String LEGACY_KIND = "comtrade-legacy";
    private static final String READER = "comtradeReader";
    private static final String LOAD_STEP = "comtradeLoadStep";
    private static final String LEGACY_READER = "comtradeLegacyReader";
    private static final String LEGACY_LOAD_STEP = "comtradeLegacyLoadStep";
    private static final int CHUNK = 1000;

    /** Records per item: the step's per-item costs are paid per block. */
    private static final int BLOCK = 100;

    @Bean
    @StepScope
    BlockItemReader<ComtradeFields, Processed<TradeRow>> comtradeReader(
            @Value("#{stepExecution}") StepExecution stepExecution, JdbcTemplate jdbc) {
        return reader(READER, false, stepExecution, jdbc);
    }

    @Bean
    @StepScope
    BlockItemReader<ComtradeFields, Processed<TradeRow>> comtradeLegacyReader(
            @Value("#{stepExecution}") StepExecution stepExecution, JdbcTemplate jdbc) {
        return reader(LEGACY_READER, true, stepExecution, jdbc);
    }

    /** The CSV reader of the layout, in blocks, each record through the pure {@link ComtradeItemProcessor}. */
    private static BlockItemReader<ComtradeFields, Processed<TradeRow>> reader(String name, boolean legacy,
                                                                              StepExecution stepExecution,
                                                                              JdbcTemplate jdbc) {
        var job = stepExecution.getJobExecution();
        Path path = Path.of(job.getJobParameters().getString(LoadSteps.FILE));
        AtomicReference<ComtradeLayout> layout = new AtomicReference<>();
        String fileName = path.getFileName().toString();
        CsvItemReader<ComtradeFields> records = new CsvItemReader<>(name, path,
                header -> layout.set(legacy ? ComtradeLayout.legacy(fileName, header) : ComtradeLayout.v1(fileName, header)),
                record -> layout.get().fields(record));
        return new BlockItemReader<>(records, () -> new ComtradeItemProcessor(LoadContext.of(job).edition(),
                TradeLoadOptions.keepBreakdowns(job.getJobParameters()), CountryResolver.load(jdbc), HsMap.load(jdbc)),
                BLOCK, 0);
    }

    @Bean
    @StepScope
    TradeFlowWriter comtradeWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                   DataSource dataSource, JdbcLoadDao loads) {
        return new TradeFlowWriter(dataSource, loads, LoadContext.of(stepExecution.getJobExecution()), () -> null);
    }

    @Bean
    Step comtradeLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          BlockItemReader<ComtradeFields, Processed<TradeRow>> comtradeReader,
                          TradeFlowWriter comtradeWriter) {
        return loadStep(LOAD_STEP, jobRepository, transactionManager, comtradeReader, comtradeWriter);
    }

    @Bean
    Step comtradeLegacyLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                BlockItemReader<ComtradeFields, Processed<TradeRow>> comtradeLegacyReader,
                                TradeFlowWriter comtradeWriter) {
        return loadStep(LEGACY_LOAD_STEP, jobRepository, transactionManager, comtradeLegacyReader, comtradeWriter);
    }

    private static Step loadStep(String name, JobRepository jobRepository, PlatformTransactionManager tm,
                                 BlockItemReader<ComtradeFields, Processed<TradeRow>> reader, TradeFlowWriter writer) {
        return new StepBuilder(name, jobRepository)
                .<List<Processed<TradeRow>>, List<Processed<TradeRow>>>chunk(CHUNK / BLOCK)
                .transactionManager(tm)
                .reader(reader)
                .writer(writer)
                .build();
    }

    @Bean
    Job comtradeImportJob(JobRepository jobRepository, LoadSteps loadSteps, TradeLoadOptions options,
                          Step comtradeLoadStep) {
        return new JobBuilder("comtradeImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("comtradePrepareStep", KIND, ComtradeFiles::inspectV1))
                .next(options.recordStep("comtradeOptionsStep", "comtrade"))
                .next(comtradeLoadStep)
                .next(loadSteps.tradeMergeStep("comtradeMergeStep", LOAD_STEP, READER))
                .build();
    }

    @Bean
    Job comtradeLegacyImportJob(JobRepository jobRepository, LoadSteps loadSteps, TradeLoadOptions options,
                                Step comtradeLegacyLoadStep) {
        return new JobBuilder("comtradeLegacyImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("comtradeLegacyPrepareStep", LEGACY_KIND, ComtradeFiles::inspectLegacy))
                .next(options.recordStep("comtradeLegacyOptionsStep", "comtrade"))
                .next(comtradeLegacyLoadStep)
                .next(loadSteps.tradeMergeStep("comtradeLegacyMergeStep", LEGACY_LOAD_STEP, LEGACY_READER))
                .build();
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
