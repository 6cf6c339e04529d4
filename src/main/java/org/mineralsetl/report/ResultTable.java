package org.mineralsetl.report;

import java.util.List;

/** The columns and rows of one report query, values as JDBC returned them (dates as java.time). */
record ResultTable(List<Column> columns, List<List<Object>> rows) {

    record Column(String name, ColumnKind kind) {
    }
}
