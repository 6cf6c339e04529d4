package org.mineralsetl.report;

import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * How a column of a report sheet is typed and formatted, decided from its name and SQL type. Percentages
 * stay in percent units as in the warehouse (68.5714 shows as 68.6 %), so a cell equals its SQL value.
 */
enum ColumnKind {
    TEXT(null),
    BOOLEAN(null),
    YEAR("0"),
    COUNT("#,##0"),
    PERCENT("0.0\\ \\%"), // escaped %: shown literally, the value is not scaled by 100 (a quoted "%" is, in POI)
    TONNES("#,##0"),
    HHI("#,##0"),
    DECIMAL("0.00##"),
    DATE("yyyy-mm-dd"),
    TIMESTAMP("yyyy-mm-dd hh:mm");

    private static final Set<String> PERCENT_NAMES = Set.of("cr1", "cr3");
    private static final Set<String> HHI_NAMES = Set.of("hhi", "hhi_upper");

    final String format;

    ColumnKind(String format) {
        this.format = format;
    }

    static ColumnKind of(String column, int sqlType) {
        String name = column.toLowerCase(Locale.ROOT);
        switch (sqlType) {
            case Types.BOOLEAN, Types.BIT:
                return BOOLEAN;
            case Types.DATE:
                return DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMP;
            case Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DOUBLE,
                 Types.REAL, Types.FLOAT:
                return numeric(name);
            default:
                return TEXT;
        }
    }

    private static ColumnKind numeric(String name) {
        if (name.equals("year") || name.endsWith("_year")) {
            return YEAR;
        }
        if (name.endsWith("_pct") || PERCENT_NAMES.contains(name)) {
            return PERCENT;
        }
        if (name.endsWith("_t")) {
            return TONNES;
        }
        if (HHI_NAMES.contains(name)) {
            return HHI;
        }
        if (name.startsWith("n_") || name.startsWith("days_") || name.startsWith("rows_") || name.endsWith("_bytes")
                || name.endsWith("_id")) {
            return COUNT;
        }
        return DECIMAL;
    }
}
