package org.mineralsetl.report;

/** One sheet of indicators.xlsx: its tab name and the query result it shows. */
record ReportSheet(String name, ResultTable table) {
}
