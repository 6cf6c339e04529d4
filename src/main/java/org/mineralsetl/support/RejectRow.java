package org.mineralsetl.support;

/** A row (or one cell of it) that could not be loaded, with where it came from and why. */
public record RejectRow(String sheet, long rowNumber, String columnName, String rawText, String reason) {
}
