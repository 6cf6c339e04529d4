package org.mineralsetl.spreadsheet;

import org.mineralsetl.warehouse.ProductionRow;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Decides which way a fact goes: straight into the load's table by COPY, or through staging.production_row when
 * it is a country part (summed by the merge) or its key may have been written by the load before ({@link LoadKeys};
 * the merge keeps or rejects it as the first occurrence of the key decides).
 */
final class FactRouter {

    private final LoadKeys keys = new LoadKeys();
    private ProductionRow lastHashed;
    private long lastHash;
    private long lastPrefix;

    /**
     * Learns the keys of the facts the load's tables hold (a restart continues after committed chunks), with a
     * cursor: a restarted load may have millions of facts committed. A sheet row's facts are its slots with a value or
     * a text (V35).
     */
    void learn(DataSource dataSource, LoadFactTable factTable, String table, String sheetTable) {
        FactColumn[] keyColumns = {FactColumn.SOURCE, FactColumn.EDITION, FactColumn.COMMODITY, FactColumn.STAGE};
        StringBuilder select = new StringBuilder("select ");
        for (FactColumn k : keyColumns) {
            select.append(factTable.has(k) ? k.column : "null").append(", ");
        }
        String keys = select.toString();
        learn(dataSource, factTable, keyColumns, keys + "measure, entity_key, year from " + table);
        learn(dataSource, factTable, keyColumns, keys + """
                measure, coalesce(country_iso3::text, entity_kind || ':' || entity_label), c.year
                from %s as r
                cross join lateral unnest(r.original_value, r.original_text) with ordinality as u (v, t, slot)
                join warehouse.production_load_column as c on c.load_id = r.load_id and c.slot = u.slot
                where u.v is not null or u.t is not null""".formatted(sheetTable));
    }

    private void learn(DataSource dataSource, LoadFactTable factTable, FactColumn[] keyColumns, String query) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery(query)) {
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
            throw new IllegalStateException("cannot read the keys of " + query + ": " + e.getMessage(), e);
        }
    }

    /**
     * The facts of one workbook row to {@code copied} or {@code staged}. They share their reporting unit: one probe
     * of the keys per row.
     */
    void split(List<ProductionRow> facts, List<ProductionRow> copied, List<ProductionRow> staged) {
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
            // the rows of a sheet share source, edition, commodity, stage and measure: their hash is kept
            if (p == null || p.source() != f.source() || p.edition() != f.edition() || p.commodity() != f.commodity()
                    || p.stage() != f.stage() || p.measure() != f.measure()) {
                lastPrefix = LoadKeys.prefixHash(f.source(), f.edition(), f.commodity(), f.stage(), f.measure());
            }
            lastHash = LoadKeys.unitHash(lastPrefix, f.countryIso3(), f.entityKind(), f.entityLabel());
            lastHashed = f;
        }
        return lastHash;
    }
}
