package org.mineralsetl.baci;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.CsvItemReader;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.RejectRow;
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
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code import baci-codes}: BACI's country_codes_V*.csv and product_codes_HS*_V*.csv into ref.baci_country and
 * ref.hs_product; new country codes become crosswalk aliases. Run-all loads them before the trade files.
 */
@Configuration(proxyBeanMethods = false)
class BaciCodesJobConfiguration {

    static final String KIND = "baci-codes";
    private static final String READER = "baciCodesReader";
    private static final String LOAD_STEP = "baciCodesLoadStep";
    private static final Pattern COUNTRY = Pattern.compile("(?i)country_codes_(V\\d{6}[a-z]?)\\.csv");
    private static final Pattern PRODUCT = Pattern.compile("(?i)product_codes_(HS\\d{2})_(V\\d{6}[a-z]?)\\.csv");

    @Bean
    @StepScope
    CsvItemReader<CsvRecord> baciCodesReader(@Value("#{jobParameters['file']}") String file) {
        Path path = Path.of(file);
        return new CsvItemReader<>(READER, path, header -> checkHeader(path, header), r -> r);
    }

    @Bean
    @StepScope
    ItemProcessor<CsvRecord, Processed<BaciCodeRow>> baciCodesProcessor(@Value("#{jobParameters['file']}") String file) {
        Path path = Path.of(file);
        Matcher country = COUNTRY.matcher(path.getFileName().toString());
        Matcher product = PRODUCT.matcher(path.getFileName().toString());
        boolean isCountry = country.matches();
        String version = isCountry ? country.group(1).toUpperCase(Locale.ROOT)
                : product.matches() ? product.group(2).toUpperCase(Locale.ROOT) : null;
        String revision = isCountry || version == null ? null : BaciFileName.hsRevision(product.group(1), file);
        return record -> {
            String code = record.cell(0).strip();
            if (!code.matches("[0-9]{1,6}")) {
                return new Processed<>(List.of(), List.of(new RejectRow(null, record.lineNumber(), record.header().get(0),
                        record.rawText(), "code '" + code + "' is not a number")));
            }
            BaciCodeRow row = isCountry
                    ? new BaciCodeRow("country", version, null, code, record.cell(1).strip(), blank(record.cell(2)),
                    blank(record.cell(3)), blank(record.cell(4)), record.lineNumber())
                    : new BaciCodeRow("product", version, revision, code, record.cell(1).strip(), null, null, null,
                    record.lineNumber());
            return new Processed<>(List.of(row), List.of());
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Bean
    @StepScope
    StagingWriter<BaciCodeRow> baciCodesWriter(@Value("#{stepExecution}") StepExecution stepExecution,
                                               DataSource dataSource, JdbcLoadDao loads) {
        return new StagingWriter<>(dataSource, loads, "staging.baci_code_row", BaciCodeRow.STAGING_COLUMNS,
                BaciCodeRow::stagingValues, LoadContext.of(stepExecution.getJobExecution()));
    }

    @Bean
    Step baciCodesLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           CsvItemReader<CsvRecord> baciCodesReader,
                           ItemProcessor<CsvRecord, Processed<BaciCodeRow>> baciCodesProcessor,
                           StagingWriter<BaciCodeRow> baciCodesWriter) {
        return new StepBuilder(LOAD_STEP, jobRepository)
                .<CsvRecord, Processed<BaciCodeRow>>chunk(2000)
                .transactionManager(transactionManager)
                .reader(baciCodesReader)
                .processor(baciCodesProcessor)
                .writer(baciCodesWriter)
                .build();
    }

    @Bean
    Job baciCodesImportJob(JobRepository jobRepository, LoadSteps loadSteps, Step baciCodesLoadStep) {
        return new JobBuilder("baciCodesImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("baciCodesPrepareStep", KIND, BaciCodesJobConfiguration::inspect))
                .next(baciCodesLoadStep)
                .next(loadSteps.mergeStep("baciCodesMergeStep", List.of(), List.of("sql/baci/codes_merge.sql"),
                        "ref.v_baci_code_load", LOAD_STEP, READER))
                .build();
    }

    @Bean
    ImportKind baciCodesImportKind(Job baciCodesImportJob) {
        return new ImportKind(KIND, "CEPII BACI code tables (country_codes_V*.csv, product_codes_HS*_V*.csv)",
                baciCodesImportJob, BaciCodesJobConfiguration::recognises, BaciCodesJobConfiguration::inspect, 30);
    }

    static boolean recognises(Path file) {
        String name = file.getFileName().toString();
        return COUNTRY.matcher(name).matches() || PRODUCT.matcher(name).matches();
    }

    static String inspect(Path file) {
        String name = file.getFileName().toString();
        Matcher country = COUNTRY.matcher(name);
        Matcher product = PRODUCT.matcher(name);
        if (!country.matches() && !product.matches()) {
            throw new BadFileException(name + ": not a BACI code table name (country_codes_V202301.csv or product_codes_HS17_V202301.csv)");
        }
        checkHeader(file, CsvItemReader.readHeader(file));
        return (country.matches() ? country.group(1) : product.group(2)).toUpperCase(Locale.ROOT);
    }

    private static void checkHeader(Path file, List<String> header) {
        List<String> h = header.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        boolean country = COUNTRY.matcher(file.getFileName().toString()).matches();
        boolean ok = country ? h.size() >= 5 && h.get(0).equals("country_code") && h.get(4).contains("iso3")
                || h.size() >= 5 && h.get(0).equals("country_code") && h.get(4).equals("iso_3digit_alpha")
                : h.size() >= 2 && h.get(0).equals("code") && h.get(1).equals("description");
        if (!ok) {
            throw new BadFileException(file.getFileName() + ": unexpected header " + String.join(",", header)
                    + (country ? " (expected country_code, name, full name, ISO2, ISO3)" : " (expected code,description)"));
        }
    }
}
