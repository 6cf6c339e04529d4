package org.mineralsetl.support;

import java.nio.file.Path;
import java.util.List;

/**
 * One data row of a workbook sheet as read: the file, the sheet, the row number as Excel shows it
 * (1-based), the header of its sheet and the cells as text (numbers plain, dates ISO, formula cells
 * their cached value). Cells past the end of a short row read as empty strings.
 */
public record SpreadsheetRecord(Path file, String sheet, long rowNumber, List<String> header, String[] cells) {

    public String cell(int index) {
        return index >= 0 && index < cells.length && cells[index] != null ? cells[index] : "";
    }

    /** The row as tab-separated text (trailing empty cells dropped), for reject records. */
    public String rawText() {
        int last = cells.length - 1;
        while (last >= 0 && (cells[last] == null || cells[last].isEmpty())) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(cells[i] == null ? "" : cells[i]);
        }
        return sb.toString();
    }
}
