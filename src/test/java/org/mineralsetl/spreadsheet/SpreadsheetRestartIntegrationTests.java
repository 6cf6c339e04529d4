package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mineralsetl.spreadsheet.WorldMiningDataImportIntegrationTests.WMD;

/**
 * A load killed in the middle of the real WMD workbook (a trigger on staging makes the first row of the Silver sheet
 * fail, after earlier chunks committed) restarts from its last committed chunk when the same file is imported again,
 * and ends with exactly the facts, rejects and ignored rows of a clean load.
 */
@TestPropertySource(properties = "etl.spreadsheet.chunk-size=" + SpreadsheetRestartIntegrationTests.CHUNK)
class SpreadsheetRestartIntegrationTests extends WarehouseIntegrationTest {

    /** Small chunks, so that several commit before the crash in the 1,639-row workbook. */
    static final int CHUNK = 500;

    private static final String FACTS = """
            select commodity || '|' || entity_key || '|' || year || '|' || quantity_t || '|' || sheet || '|' || row_number
            from warehouse.production_fact order by 1""";

    /** The workbook rows (sheet|row) staged by the load. */
    private static final String STAGED_ROWS = "select distinct sheet || '|' || row_number from staging.production_row";

    @AfterEach
    void dropTrigger() {
        jdbc.execute("drop trigger if exists xlsx_test_crash on staging.production_row");
        jdbc.execute("drop function if exists staging.xlsx_test_crash()");
    }

    @Test
    void restartsAtTheSheetAndRowAfterTheLastCommittedChunkAndLoadsEveryRowExactlyOnce() {
        assertThat(importFile("mapping:wmd", WMD).status()).isEqualTo(ImportLauncher.Status.LOADED);
        List<String> clean = jdbc.queryForList(FACTS, String.class);
        long cleanIgnored = jdbc.queryForObject("select count(*) from etl.ignored_row", Long.class);
        emptyWarehouse();

        jdbc.execute("""
                create function staging.xlsx_test_crash() returns trigger language plpgsql as $$
                begin
                    if new.sheet = 'Silver' then
                        raise exception 'simulated crash at sheet %, row %', new.sheet, new.row_number;
                    end if;
                    return new;
                end $$""");
        jdbc.execute("create trigger xlsx_test_crash before insert on staging.production_row"
                + " for each row execute function staging.xlsx_test_crash()");
        ImportLauncher.Outcome failed = importFile("mapping:wmd", WMD);
        assertThat(failed.status()).isEqualTo(ImportLauncher.Status.FAILED);
        assertThat(failed.message()).contains("simulated crash at sheet Silver, row 3");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact", Long.class)).isZero();
        List<String> committedRows = jdbc.queryForList(STAGED_ROWS, String.class);
        assertThat(committedRows).isNotEmpty();
        // chunks of 500 rows committed before the crash (the failing chunk's reads were rolled back)
        long commits = jdbc.queryForObject("""
                select commit_count from batch_step_execution where step_name = 'spreadsheetLoadStep'""", Long.class);
        assertThat(commits).isPositive();

        dropTrigger();
        ImportLauncher.Outcome restarted = importFile("mapping:wmd", WMD);
        assertThat(restarted.status()).as(String.valueOf(restarted.message())).isEqualTo(ImportLauncher.Status.LOADED);
        assertThat(jdbc.queryForList(FACTS, String.class)).isEqualTo(clean);
        assertThat(jdbc.queryForObject("select count(*) from etl.ignored_row", Long.class)).isEqualTo(cleanIgnored);
        assertThat(jdbc.queryForObject("select count(*) from etl.reject", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from staging.production_row", Long.class)).isZero();
        // lineage: the facts committed by the first execution keep its id, the rest carry the restart's
        List<Long> executions = jdbc.queryForList("select job_execution_id from batch_job_execution order by 1", Long.class);
        assertThat(executions).hasSize(2);
        String rowsOf = "select distinct sheet || '|' || row_number from warehouse.production_fact where job_execution_id = ?";
        List<String> firstRows = jdbc.queryForList(rowsOf, String.class, executions.get(0));
        List<String> restartRows = jdbc.queryForList(rowsOf, String.class, executions.get(1));
        assertThat(firstRows).isNotEmpty();
        assertThat(committedRows).containsAll(firstRows);
        assertThat(restartRows).isNotEmpty().doesNotContainAnyElementsOf(committedRows);
        // one load, continued: the second execution read only what the first had not committed
        assertThat(jdbc.queryForList("select status from etl.load", String.class)).containsExactly("COMPLETED");
        List<Long> reads = jdbc.queryForList("""
                select read_count from batch_step_execution where step_name = 'spreadsheetLoadStep'
                order by step_execution_id""", Long.class);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(1)).isEqualTo(1639 - commits * CHUNK);
        assertThat(restarted.load().orElseThrow().rowsRead()).isEqualTo(1639);
    }
}
