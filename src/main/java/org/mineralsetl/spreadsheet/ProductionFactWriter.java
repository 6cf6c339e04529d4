package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.AbstractSpreadsheetItemReader;
import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.support.PgTextCopy;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.ProductionRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a chunk of mapped rows in the chunk's transaction, every row read accounted for exactly once:
 * facts with binary COPY straight into the load's own tables (merged later by attaching them, see V33): the facts
 * of a workbook row as one row of warehouse.production_sheet_row_&lt;load_id&gt; ({@link SheetRowEncoder}, V35),
 * those that do not fit it one row a fact in warehouse.production_fact_&lt;load_id&gt;; only the columns whose
 * values vary in the load ({@link LoadFactTable}, V34); rejects into etl.reject, ignored rows into
 * etl.ignored_row. Country parts and facts whose key the load may have written before take the exact, set-based
 * way through staging.production_row instead ({@link FactRouter}). The load's row and fact counts, its (source,
 * edition, commodity) slices and its year columns ({@link LoadSlots}) are written with the chunk, so a restart
 * continues them.
 */
class ProductionFactWriter implements ItemStreamWriter<List<MappedRow>> {

    /** The columns of staging.production_row the writer fills. */
    static final List<String> COLUMNS = List.of(
            "source", "edition", "commodity", "stage", "measure", "entity_kind", "country_iso3", "entity_label", "year",
            "quantity_t", "original_value", "original_text", "original_unit", "qualifier", "lower_bound_t",
            "upper_bound_t", "is_estimate", "basis", "detail", "note", "sheet", "row_number", "column_name",
            "source_file_id", "load_id", "job_execution_id");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcLoadDao loads;
    private final LoadContext load;
    private final String table;
    private final String sheetTable;
    private final LoadFactTable factTable;
    private final LoadSlots slots;
    private final FactRouter router = new FactRouter();
    private final Set<List<String>> slices = new HashSet<>();

    /** The last fact whose slice was recorded: the facts of a sheet share theirs. */
    private ProductionRow lastSliced;
    /** The last row of the chunk being written: the reader's position when the chunk commits. */
    private MappedRow lastWritten;

    ProductionFactWriter(DataSource dataSource, JdbcTemplate jdbc, JdbcLoadDao loads, LoadContext load) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.loads = loads;
        this.load = load;
        this.table = "warehouse.production_fact_" + load.loadId();
        this.sheetTable = "warehouse.production_sheet_row_" + load.loadId();
        this.factTable = new LoadFactTable(jdbc, load, table);
        this.slots = new LoadSlots(jdbc, load.loadId());
    }

    /** Creates the load's table, or (a restart) learns the keys its committed chunks wrote. */
    @Override
    public void open(ExecutionContext executionContext) {
        jdbc.update("call warehouse.create_production_fact_table(?)", load.loadId());
        factTable.open();
        slots.open();
        router.learn(dataSource, factTable, table, sheetTable);
        jdbc.query("select source, edition, commodity from warehouse.production_load_slice where load_id = ?",
                rs -> {
                    slices.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3)));
                }, load.loadId());
    }

    @Override
    public void write(Chunk<? extends List<MappedRow>> chunk) {
        // The chunk's commit need not wait for its WAL to reach the disk: the job repository commits in the same
        // transaction, so a server crash can only lose the last chunks together with the record that they were
        // written, and the restart writes them again (exactly once either way). The merge commits durably.
        jdbc.execute("set local synchronous_commit = off");
        List<ProductionRow> copied = new ArrayList<>();
        List<ProductionRow> single = new ArrayList<>();
        List<SheetRowEncoder.SheetRow> sheetRows = new ArrayList<>();
        List<ProductionRow> staged = new ArrayList<>();
        List<RejectRow> rejects = new ArrayList<>();
        List<MappedRow.Ignored> ignored = new ArrayList<>();
        List<List<String>> newSlices = new ArrayList<>();
        long sourceRows = 0;
        for (MappedRow row : (Iterable<MappedRow>) chunk.getItems().stream().flatMap(List::stream)::iterator) {
            lastWritten = row;
            if (!row.rows().isEmpty()) {
                sourceRows++;
            }
            List<ProductionRow> facts = row.rows();
            for (ProductionRow f : facts) {
                if (f != lastSliced && (lastSliced == null || f.commodity() != lastSliced.commodity()
                        || f.source() != lastSliced.source() || f.edition() != lastSliced.edition())
                        && slices.add(List.of(f.source(), f.edition(), f.commodity()))) {
                    newSlices.add(List.of(f.source(), f.edition(), f.commodity()));
                }
                lastSliced = f;
            }
            if (!facts.isEmpty()) {
                int from = copied.size();
                router.split(facts, copied, staged);
                if (copied.size() > from) {
                    // the row's facts that go by COPY: one sheet row when they fit it, else one row a fact
                    List<ProductionRow> mine = copied.size() - from == facts.size() ? facts
                            : List.copyOf(copied.subList(from, copied.size()));
                    int[] s = SheetRowEncoder.fit(mine, slots);
                    if (s != null) {
                        sheetRows.add(new SheetRowEncoder.SheetRow(mine, s));
                    } else {
                        single.addAll(mine);
                    }
                }
            }
            rejects.addAll(row.rejects());
            if (row.ignored() != null) {
                ignored.add(row.ignored());
            }
        }
        // columns added (DDL) before the COPY starts: the connection takes no other statement while it runs
        factTable.prepare(copied);
        slots.record();
        long facts = copied.size();
        if (!single.isEmpty()) {
            FactEncoder encoder = new FactEncoder(factTable.columns(), load);
            PgBinaryCopy copy = PgBinaryCopy.into(dataSource, table, encoder.columnNames());
            try {
                for (ProductionRow f : single) {
                    encoder.write(copy, f);
                }
            } catch (RuntimeException e) {
                copy.abort();
                throw e;
            }
            copy.close();
        }
        if (!sheetRows.isEmpty()) {
            SheetRowEncoder encoder = new SheetRowEncoder(factTable.columns(), load);
            PgBinaryCopy copy = PgBinaryCopy.into(dataSource, sheetTable, encoder.columnNames());
            try {
                for (SheetRowEncoder.SheetRow r : sheetRows) {
                    encoder.write(copy, r);
                }
            } catch (RuntimeException e) {
                copy.abort();
                throw e;
            }
            copy.close();
        }
        // after the COPY has ended: the connection takes no other statement while it runs
        jdbc.update("update warehouse.production_load set source_rows = source_rows + ?, facts = facts + ? where load_id = ?",
                sourceRows, facts, load.loadId());
        if (!staged.isEmpty()) {
            try (PgTextCopy copy = PgTextCopy.into(dataSource, "staging.production_row", COLUMNS)) {
                for (ProductionRow f : staged) {
                    fact(copy, f, load.loadId());
                }
            }
        }
        for (List<String> s : newSlices) {
            jdbc.update("""
                    insert into warehouse.production_load_slice (load_id, source, edition, commodity)
                    values (?, ?, ?, ?) on conflict do nothing""", load.loadId(), s.get(0), s.get(1), s.get(2));
        }
        loads.writeRejects(load.loadId(), load.sourceFileId(), load.fileName(), rejects);
        if (!ignored.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into etl.ignored_row (load_id, source_file_id, file_name, sheet, row_number, raw_text, reason)
                    values (?, ?, ?, ?, ?, ?, ?)""", ignored, 500, (ps, r) -> {
                ps.setLong(1, load.loadId());
                ps.setLong(2, load.sourceFileId());
                ps.setString(3, load.fileName());
                ps.setString(4, r.sheet());
                ps.setLong(5, r.rowNumber());
                ps.setString(6, r.rawText());
                ps.setString(7, r.reason());
            });
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (lastWritten != null) {
            AbstractSpreadsheetItemReader.savePosition(executionContext, SpreadsheetJobConfiguration.READER,
                    lastWritten.sheet(), lastWritten.rowNumber());
        }
    }

    /** A fact bound for staging.production_row (text COPY: few rows, all columns). */
    private void fact(PgTextCopy copy, ProductionRow f, long loadId) {
        copy.repeated(0, f.source()).repeated(1, f.edition()).repeated(2, f.commodity()).repeated(3, f.stage())
                .repeated(4, f.measure()).repeated(5, f.entityKind()).repeated(6, f.countryIso3())
                .repeated(7, f.entityLabel()).integer(f.year())
                .number(f.quantityT()).number(f.originalValue()).text(f.originalText()).repeated(8, f.originalUnit())
                .repeated(9, f.qualifier()).number(f.lowerBoundT()).number(f.upperBoundT()).bool(f.isEstimate())
                .repeated(10, f.basis()).repeated(11, f.detail()).repeated(12, f.note()).repeated(13, f.sheet())
                .integer(f.rowNumber()).repeated(14, f.columnName()).integer(load.sourceFileId()).integer(loadId)
                .integer(load.jobExecutionId());
        copy.endRow();
    }
}
