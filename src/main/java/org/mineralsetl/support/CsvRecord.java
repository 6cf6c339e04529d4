package org.mineralsetl.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One record of a CSV file as read: the file, the line where the record starts (1 = the header line),
 * the header and the cells. Cells past the end of a short record read as empty strings.
 * <p>
 * A record of {@link DelimitedLineItemReader} (millions of short ASCII lines) keeps its line as bytes and makes a
 * cell's String only when asked for it; {@link #text(int)} reads a cell without making one.
 */
public final class CsvRecord {

    private final Path file;
    private final long lineNumber;
    private final List<String> header;
    /** The cells, or null until asked for when the record is kept as bytes. */
    private String[] cells;
    /** The line's ASCII bytes, cell i being ascii[bounds[2i], bounds[2i + 1]); null for a record of Strings. */
    private final byte[] ascii;
    private final int[] bounds;

    public CsvRecord(Path file, long lineNumber, List<String> header, String[] cells) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.header = header;
        this.cells = cells;
        this.ascii = null;
        this.bounds = null;
    }

    /** A record of ASCII cells kept as the bytes of its line: cell i is ascii[bounds[2i], bounds[2i + 1]). */
    CsvRecord(Path file, long lineNumber, List<String> header, byte[] ascii, int[] bounds) {
        this.file = file;
        this.lineNumber = lineNumber;
        this.header = header;
        this.ascii = ascii;
        this.bounds = bounds;
    }

    public Path file() {
        return file;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public List<String> header() {
        return header;
    }

    /** Number of cells the record has. */
    public int size() {
        return cells != null ? cells.length : bounds.length / 2;
    }

    /** The cells (the array itself: do not change it). */
    public String[] cells() {
        if (cells == null) {
            String[] made = new String[bounds.length / 2];
            for (int i = 0; i < made.length; i++) {
                made[i] = asciiCell(i);
            }
            cells = made;
        }
        return cells;
    }

    public String cell(int index) {
        if (cells == null) {
            return index < bounds.length / 2 ? asciiCell(index) : "";
        }
        return index < cells.length && cells[index] != null ? cells[index] : "";
    }

    /**
     * The cell's text, as {@link #cell(int)} without making a String when the record is kept as bytes (for a
     * row mapper that only parses it or compares it). Read it before the record goes away.
     */
    public CharSequence text(int index) {
        if (cells == null && index < bounds.length / 2) {
            return new Ascii(ascii, bounds[2 * index], bounds[2 * index + 1]);
        }
        return cell(index);
    }

    private String asciiCell(int index) {
        int start = bounds[2 * index];
        return new String(ascii, start, bounds[2 * index + 1] - start, StandardCharsets.ISO_8859_1);
    }

    /** The record re-assembled as CSV text (trailing empty cells dropped), for reject records. */
    public String rawText() {
        String[] all = cells();
        int last = all.length - 1;
        while (last >= 0 && (all[last] == null || all[last].isEmpty())) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = all[i] == null ? "" : all[i];
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
        return file.getFileName() + ":" + lineNumber + " " + String.join(",", cells());
    }

    /**
     * ASCII text inside a byte array, read in place. Not a record, and without equals: compare it with
     * {@code String.contentEquals}, never with {@code equals} or as a map key.
     */
    private static final class Ascii implements CharSequence {

        private final byte[] bytes;
        private final int start;
        private final int end;

        Ascii(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
        }

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            return (char) bytes[start + Objects.checkIndex(index, end - start)];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            Objects.checkFromToIndex(from, to, end - start);
            return new Ascii(bytes, start + from, start + to);
        }

        @Override
        public String toString() {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }
}
