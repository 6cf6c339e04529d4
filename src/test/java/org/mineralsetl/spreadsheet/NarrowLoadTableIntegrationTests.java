package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mineralsetl.support.TestWorkbooks.wmdSheet;

/**
 * A load's fact table (V34) stores only the columns whose values vary among the load's facts; what they all share
 * is kept once in warehouse.production_load_constant, and becomes a column (its value for the rows already there)
 * when a fact differs or the merge attaches the table. Chunks of two rows, so that a value changes in a later chunk.
 */
@TestPropertySource(properties = SpreadsheetJobConfiguration.CHUNK_SIZE + "=2")
class NarrowLoadTableIntegrationTests extends WarehouseIntegrationTest {

    private static final String COLUMNS = """
            select attname::text from pg_attribute
            where attrelid = 'warehouse.production_fact_1'::regclass and attnum > 0 and not attisdropped""";

    /** The load's sheet-row table (V35), where the facts of a workbook row go as one row. */
    private static final String SHEET_COLUMNS = COLUMNS.replace("production_fact_1", "production_sheet_row_1");

    @TempDir
    Path dir;

    @Test
    void keepsWhatEveryFactOfTheLoadSharesOutOfItsTableAsTheLoadsConstants() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("one-sheet.xlsx"), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", 100, 200, 300, null, null, "reported"},
                new Object[] {"Peru", "metr. t", 7, 8, null, null, null, "reported"},
                new Object[] {"Atlantis", "metr. t", 1, 2, 3, 4, 5, "reported"}));
        // the unknown country's rejects keep the load from merging: its table stays as the load step left it
        ImportLauncher.Outcome o = importFile("mapping:wmd", file, 10.0);
        assertThat(o.status()).isEqualTo(ImportLauncher.Status.REJECTS_OVER_THRESHOLD);

        assertThat(jdbc.queryForList(COLUMNS, String.class))
                .contains("entity_label", "entity_key", "year", "quantity_t", "original_text", "row_number", "load_id")
                .doesNotContain("source", "edition", "commodity", "sheet", "note", "source_file_id", "job_execution_id");
        assertThat(jdbc.queryForList(SHEET_COLUMNS, String.class))
                .contains("entity_label", "original_value", "original_text", "quantity_t", "row_number", "load_id")
                .doesNotContain("source", "edition", "commodity", "sheet", "note", "source_file_id", "job_execution_id");
        assertThat(jdbc.queryForList("""
                select column_name || '=' || coalesce(value, 'null') from warehouse.production_load_constant
                where load_id = 1 and column_name in ('source', 'commodity', 'sheet', 'note', 'basis')
                order by column_name""", String.class))
                .containsExactly("basis=Li2O content", "commodity=lithium", "note=reported", "sheet=Lithium", "source=wmd");
        assertThat(jdbc.queryForObject("""
                select value::bigint = ? from warehouse.production_load_constant
                where load_id = 1 and column_name = 'job_execution_id'""", Boolean.class, o.jobExecutionId())).isTrue();
        // Chile's and Peru's facts: one sheet row each, a value a fact
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_sheet_row_1", Long.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                select count(*) from warehouse.production_sheet_row_1 as r, unnest(r.original_value) as v
                where v is not null""", Long.class)).isEqualTo(5);
    }

    @Test
    void aFactThatDiffersInALaterChunkMakesTheColumnAndEveryFactKeepsItsOwnValue() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("two-sheets.xlsx"),
                wmdSheet("Lithium",
                        new Object[] {"Chile", "metr. t", 100, 200, null, null, null, "reported"},
                        new Object[] {"Peru", "metr. t", 7, null, null, null, null, "reported"},
                        new Object[] {"Argentina", "metr. t", 30, null, null, null, null, "reported"}),
                wmdSheet("Cobalt",
                        new Object[] {"Chile", "metr. t", 5, null, null, null, null, "estimated"}));
        ImportLauncher.Outcome o = importFile("mapping:wmd", file);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);

        // the first chunk (Chile, Peru) was written without commodity, sheet and note: they got the load's constants
        assertThat(jdbc.queryForList("""
                select commodity || ' ' || sheet || ' row ' || row_number || ' ' || country_iso3 || ' ' || year || ' '
                       || note || ' ' || source || ' ' || edition
                from warehouse.production_fact order by commodity desc, row_number, year""", String.class))
                .containsExactly(
                        "lithium Lithium row 3 CHL 2011 reported wmd WMD2017",
                        "lithium Lithium row 3 CHL 2012 reported wmd WMD2017",
                        "lithium Lithium row 4 PER 2011 reported wmd WMD2017",
                        "lithium Lithium row 5 ARG 2011 reported wmd WMD2017",
                        "cobalt Cobalt row 3 CHL 2011 estimated wmd WMD2017");
        // lineage of every fact: the file and the job execution, through columns the merge added
        assertThat(jdbc.queryForObject("""
                select count(*) from warehouse.production_fact as f
                join etl.load as l on l.load_id = f.load_id
                where f.source_file_id = l.source_file_id and f.job_execution_id = ? and f.loaded_at is not null""",
                Long.class, o.jobExecutionId())).isEqualTo(5);
        assertThat(jdbc.queryForList(COLUMNS, String.class)).contains("commodity", "sheet", "note", "source", "loaded_at");
        assertThat(jdbc.queryForList(SHEET_COLUMNS, String.class)).contains("commodity", "sheet", "note", "source", "loaded_at");
    }

    @Test
    void everyFactsEntityKeyIsItsCountryOrItsKindAndLabel() throws Exception {
        Path file = TestWorkbooks.xlsx(dir.resolve("keys.xlsx"), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", 100, null, null, null, null, "reported"},
                new Object[] {"World", "metr. t", 900, null, null, null, null, "reported"},
                new Object[] {"Chile", "metr. t", 111, null, null, null, null, "reported"}));
        assertThat(importFile("mapping:wmd", file, 100.0).status()).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList("select entity_key from warehouse.production_fact order by 1", String.class))
                .isEqualTo(List.of("CHL", "world_total:World"));
        assertThat(jdbc.queryForObject("""
                select count(*) from warehouse.production_fact
                where entity_key is distinct from coalesce(country_iso3::text, entity_kind || ':' || entity_label)""",
                Long.class)).isZero();
    }
}
