package org.mineralsetl.spreadsheet;

import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.ProductionRow;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A load's fact table as the writer sees it (V34): the columns it has, and for each optional column it still
 * lacks, the value every fact of the load has had so far (warehouse.production_load_constant). A fact that
 * differs from such a constant makes the column real ({@code warehouse.add_production_fact_column}: a catalogue
 * change, the constant becomes the value of the rows already there) before the chunk's COPY starts.
 */
final class LoadFactTable {

    private final JdbcTemplate jdbc;
    private final LoadContext load;
    private final String table;
    private final Set<FactColumn> present = new HashSet<>();
    /** Optional columns the table lacks, with the load's constant (null: SQL NULL); empty until the first fact. */
    private final Map<FactColumn, String> constants = new EnumMap<>(FactColumn.class);
    private List<FactColumn> absent = List.of();
    private boolean constantsKnown;

    LoadFactTable(JdbcTemplate jdbc, LoadContext load, String table) {
        this.jdbc = jdbc;
        this.load = load;
        this.table = table;
    }

    /** Reads the table's columns and the load's constants (a restart continues with them). */
    void open() {
        present.clear();
        for (String name : jdbc.queryForList("""
                select attname::text from pg_attribute
                where attrelid = ?::regclass and attnum > 0 and not attisdropped""", String.class, table)) {
            FactColumn c = FactColumn.of(name);
            if (c != null) {
                present.add(c);
            }
        }
        constants.clear();
        jdbc.query("select column_name, value from warehouse.production_load_constant where load_id = ?", rs -> {
            FactColumn c = FactColumn.of(rs.getString(1));
            if (c != null && !present.contains(c)) {
                constants.put(c, rs.getString(2));
            }
        }, load.loadId());
        constantsKnown = !constants.isEmpty();
        refreshAbsent();
        // a restart writes under its own job execution: the facts committed before keep theirs
        String execution = constants.get(FactColumn.JOB_EXECUTION_ID);
        if (constantsKnown && execution != null && !execution.equals(Long.toString(load.jobExecutionId()))) {
            materialise(FactColumn.JOB_EXECUTION_ID);
        }
    }

    /**
     * Makes the table ready for these facts, in the chunk's transaction: the first fact of the load sets the
     * constants; a fact that differs from a constant turns its column into a real one.
     */
    void prepare(List<ProductionRow> facts) {
        if (facts.isEmpty()) {
            return;
        }
        if (!constantsKnown) {
            ProductionRow first = facts.get(0);
            List<Object[]> rows = new ArrayList<>();
            for (FactColumn c : FactColumn.values()) {
                if (c.optional && !present.contains(c)) {
                    constants.put(c, c.constant(first, load));
                    rows.add(new Object[] {load.loadId(), c.column, constants.get(c)});
                }
            }
            jdbc.batchUpdate("""
                    insert into warehouse.production_load_constant (load_id, column_name, value) values (?, ?, ?)
                    on conflict (load_id, column_name) do update set value = excluded.value""", rows);
            constantsKnown = true;
            refreshAbsent();
        }
        ProductionRow checked = null;
        for (int j = 0; j < facts.size(); j++) {
            ProductionRow f = facts.get(j);
            if (checked != null && sameOptionalValues(checked, f)) {
                // the facts of a workbook row (and most rows of a sheet) share these objects: checked already
                continue;
            }
            for (int i = 0; i < absent.size(); i++) {
                FactColumn c = absent.get(i);
                if (j > 0 && c.fromLoad()) {
                    continue;
                }
                String k = constants.get(c);
                if (c.type == FactColumn.Type.TEXT ? differs(c.text(f), k) : differs(c.constant(f, load), k)) {
                    materialise(c);
                    i--;
                }
            }
            checked = f;
        }
    }

    /** Whether the fact's optional columns hold the very objects of the fact checked before (bounds: null). */
    private static boolean sameOptionalValues(ProductionRow a, ProductionRow f) {
        return a.source() == f.source() && a.edition() == f.edition() && a.commodity() == f.commodity()
                && a.stage() == f.stage() && a.originalUnit() == f.originalUnit() && a.basis() == f.basis()
                && a.detail() == f.detail() && a.note() == f.note() && a.sheet() == f.sheet()
                && f.lowerBoundT() == null && f.upperBoundT() == null && a.lowerBoundT() == null
                && a.upperBoundT() == null;
    }

    private static boolean differs(String value, String constant) {
        return value != constant && (value == null || !value.equals(constant));
    }

    private void materialise(FactColumn c) {
        jdbc.update("call warehouse.add_production_fact_column(?, ?)", load.loadId(), c.column);
        present.add(c);
        constants.remove(c);
        refreshAbsent();
    }

    private void refreshAbsent() {
        List<FactColumn> a = new ArrayList<>();
        for (FactColumn c : FactColumn.values()) {
            if (!present.contains(c)) {
                if (!c.optional) {
                    throw new IllegalStateException(table + " has no column " + c.column);
                }
                a.add(c);
            }
        }
        absent = List.copyOf(a);
    }

    /** The columns the COPY fills, in {@link FactColumn} order. */
    List<FactColumn> columns() {
        List<FactColumn> cols = new ArrayList<>();
        for (FactColumn c : FactColumn.values()) {
            if (present.contains(c)) {
                cols.add(c);
            }
        }
        return cols;
    }

    /** A key column's value for a fact already in the table: the column's value, or the load's constant. */
    String keyValue(FactColumn c, String stored) {
        return present.contains(c) ? stored : constants.get(c);
    }

    boolean has(FactColumn c) {
        return present.contains(c);
    }
}
