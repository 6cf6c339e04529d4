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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a chunk of mapped rows in the chunk's transaction, every row read accounted for exactly once:
 * facts with binary COPY straight into the load's own table warehouse.production_fact_&lt;load_id&gt; (merged
 * later by attaching it, see V33), only the columns whose values vary in the load ({@link LoadFactTable}, V34),
 * rejects into etl.reject, ignored rows into etl.ignored_row. Two kinds of fact
 * take the exact, set-based way through staging.production_row instead: country parts (summed by the merge)
 * and facts whose key the load may have written before ({@link LoadKeys}), which the merge keeps or rejects
 * as the first occurrence of the key decides. The load's row and fact counts and its (source, edition,
 * commodity) slices are written with the chunk, so a restart continues them.
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
    private final LoadFactTable factTable;
    private final LoadKeys keys = new LoadKeys();
    private final Set<List<String>> slices = new HashSet<>();

    ProductionFactWriter(DataSource dataSource, JdbcTemplate jdbc, JdbcLoadDao loads, LoadContext load) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.loads = loads;
        this.load = load;
        this.table = "warehouse.production_fact_" + load.loadId();
        this.factTable = new LoadFactTable(jdbc, load, table);
    }

    /** Creates the load's table, or (a restart) learns the keys its committed chunks wrote. */
    @Override
    public void open(ExecutionContext executionContext) {
        jdbc.update("call warehouse.create_production_fact_table(?)", load.loadId());
        factTable.open();
        // a cursor, not the whole table in memory: a restarted load may have millions of facts committed
        FactColumn[] keyColumns = {FactColumn.SOURCE, FactColumn.EDITION, FactColumn.COMMODITY, FactColumn.STAGE};
        StringBuilder select = new StringBuilder("select ");
        for (FactColumn k : keyColumns) {
            select.append(factTable.has(k) ? k.column : "null").append(", ");
        }
        select.append("measure, entity_key, year from ").append(table);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery(select.toString())) {
                    while (rs.next()) {
                        keys.add(LoadKeys.unitHash(factTable.keyValue(keyColumns[0], rs.getString(1)),
                                factTable.keyValue(keyColumns[1], rs.getString(2)),
                                factTable.keyValue(keyColumns[2], rs.getString(3)),
                                factTable.keyValue(keyColumns[3], rs.getString(4)), rs.getString(5), rs.getString(6)),
                                rs.getInt(7));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the keys of " + table + ": " + e.getMessage(), e);
        }
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
                split(facts, copied, staged);
            }
            rejects.addAll(row.rejects());
            if (row.ignored() != null) {
                ignored.add(row.ignored());
            }
        }
        // columns added (DDL) before the COPY starts: the connection takes no other statement while it runs
        factTable.prepare(copied);
        long facts = copied.size();
        if (!copied.isEmpty()) {
            FactEncoder encoder = new FactEncoder(factTable.columns(), load);
            PgBinaryCopy copy = PgBinaryCopy.into(dataSource, table, encoder.columnNames());
            try {
                for (ProductionRow f : copied) {
                    encoder.write(copy, f);
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

    /** The last fact whose slice was recorded: the facts of a sheet share theirs. */
    private ProductionRow lastSliced;
    private ProductionRow lastHashed;
    /** The last row of the chunk being written: the reader's position when the chunk commits. */
    private MappedRow lastWritten;

    @Override
    public void update(ExecutionContext executionContext) {
        if (lastWritten != null) {
            AbstractSpreadsheetItemReader.savePosition(executionContext, SpreadsheetJobConfiguration.READER,
                    lastWritten.sheet(), lastWritten.rowNumber());
        }
    }
    private long lastHash;

    /**
     * Facts whose key the load has not written go to the COPY; country parts and facts whose key it (may) have
     * written to staging. The facts of a workbook row share their reporting unit: one probe of the keys per row.
     */
    private void split(List<ProductionRow> facts, List<ProductionRow> copied, List<ProductionRow> staged) {
        long unit = unitHash(facts.get(0));
        long bits = 0;
        boolean oneUnit = true;
        for (ProductionRow f : facts) {
            oneUnit &= unitHash(f) == unit && !isPart(f);
            bits |= 1L << (f.year() & 63);
        }
        if (!oneUnit) {
            for (ProductionRow f : facts) {
                if (isPart(f) || !keys.add(unitHash(f), f.year())) {
                    staged.add(f);
                } else {
                    copied.add(f);
                }
            }
            return;
        }
        long seen = keys.addYears(unit, bits);
        long used = 0;
        for (ProductionRow f : facts) {
            long bit = 1L << (f.year() & 63);
            // a year bit given twice in the row (years 64 apart, or the same year) is a key maybe seen
            if ((seen & bit) != 0 || (used & bit) != 0) {
                staged.add(f);
            } else {
                copied.add(f);
            }
            used |= bit;
        }
    }

    private static boolean isPart(ProductionRow f) {
        return f.detail() != null && f.detail().startsWith(MappingItemProcessor.PART);
    }

    /** The facts of one workbook row share their reporting unit: its hash is computed once per row. */
    private long unitHash(ProductionRow f) {
        ProductionRow p = lastHashed;
        if (p == null || p.rowNumber() != f.rowNumber() || p.sheet() != f.sheet() || p.commodity() != f.commodity()
                || p.stage() != f.stage() || p.entityLabel() != f.entityLabel() || p.source() != f.source()
                || p.edition() != f.edition() || p.measure() != f.measure() || p.countryIso3() != f.countryIso3()
                || p.entityKind() != f.entityKind()) {
            lastHash = LoadKeys.unitHash(f.source(), f.edition(), f.commodity(), f.stage(), f.measure(),
                    f.countryIso3(), f.entityKind(), f.entityLabel());
            lastHashed = f;
        }
        return lastHash;
    }

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
