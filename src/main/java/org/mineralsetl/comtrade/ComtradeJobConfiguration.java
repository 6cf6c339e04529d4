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
import org.mineralsetl.warehouse.TradeBlock;
import org.mineralsetl.warehouse.TradeBlockEncoder;
import org.mineralsetl.warehouse.TradeFlowWriter;
import org.mineralsetl.warehouse.TradeLoadOptions;
import org.mineralsetl.warehouse.TradeRow;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
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
    private static final String LEGACY_READER = "comtradeLegacyReader";
    private static final int CHUNK = 1000;

    /** Records per item: the step's per-item costs are paid per block. */
    private static final int BLOCK = 100;

    @Bean
    @StepScope
    BlockItemReader<ComtradeFields, TradeBlock> comtradeReader(
            @Value("#{stepExecution}") StepExecution stepExecution, JdbcTemplate jdbc) {
        return reader(READER, false, stepExecution, jdbc);
    }

    @Bean
    @StepScope
    BlockItemReader<ComtradeFields, TradeBlock> comtradeLegacyReader(
            @Value("#{stepExecution}") StepExecution stepExecution, JdbcTemplate jdbc) {
        return reader(LEGACY_READER, true, stepExecution, jdbc);
    }

    /** The CSV reader of the layout, in blocks, each record through the pure {@link ComtradeItemProcessor}. */
    private static BlockItemReader<ComtradeFields, TradeBlock> reader(String name, boolean legacy,
                                                                              StepExecution stepExecution,
                                                                              JdbcTemplate jdbc) {
        var job = stepExecution.getJobExecution();
        Path path = Path.of(job.getJobParameters().getString(LoadSteps.FILE));
        AtomicReference<ComtradeLayout> layout = new AtomicReference<>();
        String fileName = path.getFileName().toString();
        CsvItemReader<ComtradeFields> records = new CsvItemReader<>(name, path,
                header -> layout.set(legacy ? ComtradeLayout.legacy(fileName, header) : ComtradeLayout.v1(fileName, header)),
                record -> layout.get().fields(record));
        LoadContext load = LoadContext.of(job);
        // Comtrade rows differ in flow, period and breakdown: no load defaults, every column in the COPY
        return new BlockItemReader<>(records, () -> new TradeBlockEncoder<>(new ComtradeItemProcessor(load.edition(),
                TradeLoadOptions.keepBreakdowns(job.getJobParameters()), CountryResolver.load(jdbc), HsMap.load(jdbc)),
                load, () -> null), BLOCK, 0);
    }

    @Bean
    @StepScope
    TradeFlowWriter comtradeWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                   DataSource dataSource, JdbcLoadDao loads) {
        return new TradeFlowWriter(dataSource, loads, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Job comtradeImportJob(LoadSteps loadSteps, TradeLoadOptions options,
                          BlockItemReader<ComtradeFields, TradeBlock> comtradeReader,
                          TradeFlowWriter comtradeWriter) {
        return loadSteps.tradeImportJob("comtrade", KIND, ComtradeFiles::inspectV1,
                options.recordStep("comtradeOptionsStep", "comtrade"), comtradeReader, comtradeWriter, CHUNK / BLOCK,
                READER, null, 1);
    }

    @Bean
    Job comtradeLegacyImportJob(LoadSteps loadSteps, TradeLoadOptions options,
                                BlockItemReader<ComtradeFields, TradeBlock> comtradeLegacyReader,
                                TradeFlowWriter comtradeWriter) {
        return loadSteps.tradeImportJob("comtradeLegacy", LEGACY_KIND, ComtradeFiles::inspectLegacy,
                options.recordStep("comtradeLegacyOptionsStep", "comtrade"), comtradeLegacyReader, comtradeWriter,
                CHUNK / BLOCK, LEGACY_READER, null, 1);
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
