package org.mineralsetl.support;

import java.nio.file.Path;
import java.util.List;

/**
 * One record of a CSV file as read: the file, the line where the record starts (1 = the header line), the header
 * and the cells. Cells past the end of a short record read as empty strings.
 */
public record CsvRecord(Path file, long lineNumber, List<String> header, String[] cells) {

    public int size() {
        return cells.length;
    }

    public String cell(int index) {
        return index < cells.length && cells[index] != null ? cells[index] : "";
    }

    /** The record re-assembled as CSV text (trailing empty cells dropped), for reject records. */
    public String rawText() {
        int last = cells.length - 1;
        while (last >= 0 && (cells[last] == null || cells[last].isEmpty())) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells[i] == null ? "" : cells[i];
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return file.getFileName() + ":" + lineNumber + " " + String.join(",", cells);
    }
}
