package org.mineralsetl.support;

import java.util.List;

/**
 * What a spreadsheet reader needs to know of a layout: which sheets to read and how to recognise the
 * header row among the banner rows above it. Everything else about a row is the row mapper's business.
 */
public interface SpreadsheetLayout {

    /** Whether a sheet is read; hidden sheets are offered only when {@link #includeHidden()}. */
    boolean wantsSheet(String sheetName);

    boolean includeHidden();

    /** Whether this row (blank cells filled from the row above, as a vertically merged header shows) is the header. */
    boolean isHeader(List<String> cells);

    /** How many rows from the top of a sheet to search for the header before giving up. */
    int headerSearchRows();

    /** The header looked for, in words, for the message when it is not found. */
    String describeHeader();

    /** The sheets looked for, in words, for the message when none matches. */
    String describeSheets();
}
