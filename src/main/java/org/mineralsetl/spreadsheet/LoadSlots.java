package org.mineralsetl.spreadsheet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;

/**
 * The year columns of a load (warehouse.production_load_column, V35): slot n of a sheet row's arrays holds the fact
 * of year {@code years[n]}, column {@code names[n]}. A slot is numbered the first time the load meets its column, and
 * recorded in the chunk that first uses it, so a restart numbers on from the slots of committed chunks.
 */
final class LoadSlots {

    /** More year columns than this in one load: the rest go one row a fact (a sheet row's arrays stay small). */
    static final int MAX = 256;

    private final JdbcTemplate jdbc;
    private final long loadId;
    private final int[] years = new int[MAX];
    private final String[] names = new String[MAX];
    private int size;
    private int recorded;

    LoadSlots(JdbcTemplate jdbc, long loadId) {
        this.jdbc = jdbc;
        this.loadId = loadId;
    }

    /** Reads the slots the load's committed chunks numbered. */
    void open() {
        size = 0;
        jdbc.query("select slot, year, column_name from warehouse.production_load_column where load_id = ? order by slot",
                rs -> {
                    int slot = rs.getInt(1) - 1;
                    years[slot] = rs.getInt(2);
                    names[slot] = rs.getString(3);
                    size = Math.max(size, slot + 1);
                }, loadId);
        recorded = size;
    }

    /** The slot (from 0) of this year column, numbered now if new; -1 when the load has {@link #MAX} already. */
    int of(int year, String column) {
        // the facts of a sheet share their column names (the same String objects): identity first
        for (int i = 0; i < size; i++) {
            if (names[i] == column && years[i] == year) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (years[i] == year && names[i].equals(column)) {
                return i;
            }
        }
        if (size == MAX) {
            return -1;
        }
        years[size] = year;
        names[size] = column;
        return size++;
    }

    /** Records the slots numbered since the last call, in the chunk's transaction (before its COPY starts). */
    void record() {
        if (recorded == size) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = recorded; i < size; i++) {
            rows.add(new Object[] {loadId, i + 1, years[i], names[i]});
        }
        jdbc.batchUpdate("insert into warehouse.production_load_column (load_id, slot, year, column_name) values (?, ?, ?, ?)",
                rows);
        int committed = recorded;
        recorded = size;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // when the chunk rolls back, so do these slots: a writer that goes on (a retry, a skip) numbers them
            // again, or its rows would hold values in slots that warehouse.production_load_column never names
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        size = committed;
                        recorded = committed;
                    }
                }
            });
        }
    }
}
