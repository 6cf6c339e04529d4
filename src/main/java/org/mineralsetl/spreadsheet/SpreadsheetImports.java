package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.AbstractSpreadsheetItemReader;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.Workbooks;
import org.mineralsetl.warehouse.ImportKind;
import org.mineralsetl.warehouse.LoadSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.List;

/**
 * The import kinds of the layout mappings: one per mapping ({@code mapping:NAME}), recognising files by
 * the mapping's file-name pattern, each with its job (prepare, load, merge) over the shared steps.
 */
@Component
public class SpreadsheetImports {

    /** run-all imports mapping kinds after the built-in imports, in mapping-file order. */
    static final int FIRST_ORDER = 50;

    private final LayoutMappings mappings;
    private final JobRepository jobRepository;
    private final LoadSteps loadSteps;
    private final Step spreadsheetLoadStep;

    SpreadsheetImports(LayoutMappings mappings, JobRepository jobRepository, LoadSteps loadSteps, Step spreadsheetLoadStep) {
        this.mappings = mappings;
        this.jobRepository = jobRepository;
        this.loadSteps = loadSteps;
        this.spreadsheetLoadStep = spreadsheetLoadStep;
    }

    /** The import kind of a mapping file (loaded, or reloaded when given again). */
    public ImportKind kindFor(Path mappingFile) {
        return kindFor(mappingFile, FIRST_ORDER);
    }

    ImportKind kindFor(Path mappingFile, int order) {
        return build(mappings.register(mappingFile), order);
    }

    private static String describe(LayoutMapping m) {
        return m.description() + " (mapping " + m.path().getFileName() + ")";
    }

    private ImportKind build(LayoutMapping m, int order) {
        FileInspector inspector = new FileInspector(mappings, m.kind());
        Job job = new JobBuilder("spreadsheetImportJob", jobRepository)
                .listener(loadSteps.listener())
                .start(loadSteps.prepareStep("spreadsheetPrepareStep", m.kind(), inspector::editionOf))
                .next(spreadsheetLoadStep)
                .next(loadSteps.mergeStep("spreadsheetMergeStep",
                        List.of("sql/spreadsheet/combine_country_parts.sql", "sql/production/check.sql"),
                        List.of("sql/production/merge.sql"), "warehouse.production_fact",
                        SpreadsheetJobConfiguration.LOAD_STEP,
                        SpreadsheetJobConfiguration.READER))
                .build();
        return new ImportKind(m.kind(), describe(m), job,
                file -> m.files().matcher(file.getFileName().toString()).matches(), inspector::editionOf, order);
    }

    /**
     * Looks at a workbook before any row is read: it can be read, the mapping's sheets are there, each has
     * its header with the mapping's columns and, when the sheet names the commodity, a commodity. Returns the
     * file's edition (the mapping's literal, or read from the file name or a cell).
     */
    record FileInspector(LayoutMappings mappings, String kind) {
        String editionOf(Path file) {
            LayoutMapping m = mappings.require(kind);
            for (AbstractSpreadsheetItemReader.SheetHeader h : Workbooks.inspect(file, new MappingLayout(m))) {
                String where = file.getFileName() + ": sheet '" + h.sheet() + "' row " + h.rowNumber();
                for (ColumnRef column : new ColumnRef[] {m.columns().entity(), m.columns().commodity(), m.columns().unit(),
                        m.columns().note()}) {
                    if (column != null && column.find(h.header()) < 0) {
                        throw new BadFileException(where + ": the header has no " + (column.header() != null
                                ? "column '" + column.header() + "'" : column.describe()) + " (mapping " + m.name()
                                + "; header: " + String.join(" | ", h.header()) + ")");
                    }
                }
                if (!m.commodityFromColumn() && !m.sheets().commodities().containsKey(MappingItemProcessor.label(h.sheet()))) {
                    throw new BadFileException(file.getFileName() + ": sheet '" + h.sheet() + "' has no commodity in mapping "
                            + m.name() + "; add it under sheets.commodities or exclude the sheet");
                }
            }
            return m.target().edition().of(file);
        }
    }
}
