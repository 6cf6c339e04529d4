package org.mineralsetl.report;

/**
 * Text from input files made safe for spreadsheet and CSV consumers (OWASP "CSV injection"): a value that
 * begins with {@code = + - @}, a tab or a carriage return is prefixed with a single quote, so neither Excel
 * nor a CSV export of the sheet reads it as a formula. Applied to every text cell of the workbook.
 */
final class CellText {

    private CellText() {
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky ? "'" + text : text;
    }
}
