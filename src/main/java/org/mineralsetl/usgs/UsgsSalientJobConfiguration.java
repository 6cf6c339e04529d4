package org.mineralsetl.usgs;

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
import org.mineralsetl.support.BadFileException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code import usgs-salient}: a MCS salient table (mcsYYYY-slug_salient.csv, US statistics by year) into
 * warehouse.us_salient_fact in long format. A file that is not what its name says is refused.
 */
@Configuration(proxyBeanMethods = false)
class UsgsSalientJobConfiguration {

    static final String KIND = "usgs-salient";
    private static final String READER = "usgsSalientReader";
    private static final String LOAD_STEP = "usgsSalientLoadStep";

    @Bean
    @StepScope
    CsvItemReader<CsvRecord> usgsSalientReader(@Value("#{jobParameters['file']}") String file) {
        return new CsvItemReader<>(READER, Path.of(file), header -> { }, r -> r);
    }

    @Bean
    @StepScope
    UsgsSalientItemProcessor usgsSalientItemProcessor(@Value("#{jobParameters['file']}") String file, JdbcTemplate jdbc) {
        return new UsgsSalientItemProcessor(UsgsFileName.of(Path.of(file)), UsgsRules.load(jdbc));
    }

    @Bean
    @StepScope
    StagingWriter<UsgsSalientRow> usgsSalientWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                                    DataSource dataSource, JdbcLoadDao loads) {
        return new StagingWriter<>(dataSource, loads, "staging.us_salient_row", UsgsSalientRow.STAGING_COLUMNS,
                UsgsSalientRow::stagingValues, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step usgsSalientLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             CsvItemReader<CsvRecord> usgsSalientReader, UsgsSalientItemProcessor usgsSalientItemProcessor,
                             StagingWriter<UsgsSalientRow> usgsSalientWriter) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<CsvRecord, Processed<UsgsSalientRow>>chunk(100)
                .transactionManager(transactionManager)
                .reader(usgsSalientReader)
                .processor(usgsSalientItemProcessor)
                .listener(new ReadProgress(usgsSalientReader))
                .writer(usgsSalientWriter)
                .build();
    }

    @Bean
    Job usgsSalientImportJob(JobRepository jobRepository, LoadSteps loadSteps, Step usgsSalientLoadStep,
                             JdbcTemplate jdbc) {
        return new JobBuilder("usgsSalientImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("usgsSalientPrepareStep", KIND, file -> inspect(file, jdbc)))
                .next(usgsSalientLoadStep)
                .next(loadSteps.mergeStep("usgsSalientMergeStep", List.of("sql/usgs/us_salient_check.sql"),
                        List.of("sql/usgs/us_salient_merge.sql"), "warehouse.us_salient_fact", LOAD_STEP, READER))
                .build();
    }

    @Bean
    ImportKind usgsSalientImportKind(Job usgsSalientImportJob, JdbcTemplate jdbc) {
        return new ImportKind(KIND, "USGS Mineral Commodity Summaries US salient statistics (mcsYYYY-<slug>_salient.csv)",
                usgsSalientImportJob, file -> UsgsFileName.matches(file, "salient"), file -> inspect(file, jdbc), 20);
    }

    /** Checks the name, the slug and every column of the header; returns the edition (MCS2024). */
    static String inspect(Path file, JdbcTemplate jdbc) {
        UsgsFileName name = UsgsFileName.of(file);
        UsgsRules rules = UsgsRules.load(jdbc);
        rules.requireKnown(name.slug(), file.getFileName().toString());
        List<String> header = CsvItemReader.readHeader(file);
        sameBytesAsTheWorldTable(file, header);
        UsgsSalientLayout.of(file.getFileName().toString(), name.slug(), header, rules);
        return name.edition();
    }

    /**
     * Refuses a salient-named file that is a byte-identical copy of its commodity's world table (MCS 2024 gypsum and
     * kyanite), saying so: the world file loads those numbers, nothing of them is lost.
     */
    private static void sameBytesAsTheWorldTable(Path file, List<String> header) {
        if (UsgsWorldLayout.indexOf(header, "Country") < 0) {
            return;
        }
        String worldName = file.getFileName().toString().replaceAll("(?i)_salient\\.csv$", "_world.csv");
        Path parent = file.toAbsolutePath().getParent();
        for (Path world : List.of(parent.resolve(worldName), parent.resolveSibling("world").resolve(worldName))) {
            try {
                if (Files.isRegularFile(world) && Files.mismatch(file, world) == -1) {
                    throw new BadFileException(file.getFileName() + " is named as US salient statistics but is a byte-identical copy of "
                            + "the world production table " + world.getFileName() + "; refused: that file loads these numbers"
                            + " as the world table, nothing of them is lost");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
