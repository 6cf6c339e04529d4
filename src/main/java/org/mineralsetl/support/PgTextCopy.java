package org.mineralsetl.support;


import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.List;

/**
 * COPY (text format) on the connection of the current Spring transaction, encoding each value straight into
 * a byte buffer: no line String, no Object[] per row, no boxing, ASCII copied char by char. For the millions
 * of rows a workbook yields, where a per-row StringBuilder and getBytes showed in profiles. {@link #value(Object)}
 * takes a value of any type, for staging rows given as Object[].
 * Usage: {@code copy.text(a).integer(b)...; copy.endRow();} per row, then {@link #close()}.
 */
public final class PgTextCopy extends CopyStream {

    private boolean rowStarted;

    private PgTextCopy(DataSource dataSource, String table, List<String> columns) {
        super(dataSource, table, "copy " + table + " (" + String.join(", ", columns) + ") from stdin");
    }

    public static PgTextCopy into(DataSource dataSource, String table, List<String> columns) {
        return new PgTextCopy(dataSource, table, columns);
    }

    private void separator() {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
    }

    private void put(byte b) {
        ensure(1);
        buf[used++] = b;
    }


    /** A text value; null is SQL NULL. Backslash, tab, newline and carriage return are escaped. */
    public PgTextCopy text(String s) {
        separator();
        if (s == null) {
            return nul0();
        }
        int n = s.length();
        ensure(4 * n + 2);
        byte[] b = buf;
        int p = used;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { b[p++] = '\\'; b[p++] = '\\'; }
                    case '\t' -> { b[p++] = '\\'; b[p++] = 't'; }
                    case '\n' -> { b[p++] = '\\'; b[p++] = 'n'; }
                    case '\r' -> { b[p++] = '\\'; b[p++] = 'r'; }
                    default -> b[p++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                char e = Character.isSurrogate(c) ? '\uFFFD' : c;
                b[p++] = (byte) (0xE0 | (e >> 12));
                b[p++] = (byte) (0x80 | ((e >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (e & 0x3F));
            }
        }
        used = p;
        return this;
    }

    private final String[] slotText = new String[32];
    private final byte[][] slotBytes = new byte[32][];

    /**
     * A text value that repeats from row to row (a code, a unit, a sheet name) at a fixed position
     * {@code slot} (0-31): when it is the same String as last time, its encoded bytes are copied as they are.
     */
    public PgTextCopy repeated(int slot, String s) {
        if (s == null) {
            return nul();
        }
        if (s != slotText[slot]) {
            int start = used + (rowStarted ? 1 : 0);
            text(s);
            slotText[slot] = s;
            slotBytes[slot] = java.util.Arrays.copyOfRange(buf, start, used);
            return this;
        }
        separator();
        byte[] b = slotBytes[slot];
        ensure(b.length);
        System.arraycopy(b, 0, buf, used, b.length);
        used += b.length;
        return this;
    }

    /** A numeric value as a plain decimal; null is SQL NULL. */
    public PgTextCopy number(BigDecimal d) {
        return d == null ? nul() : ascii(d.toPlainString());
    }

    public PgTextCopy integer(long v) {
        separator();
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return ascii0(Long.toString(v));
            }
            buf[used++] = '-';
            v = -v;
        }
        int start = used;
        do {
            buf[used++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = used - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    public PgTextCopy bool(boolean v) {
        separator();
        put(v ? (byte) 't' : (byte) 'f');
        return this;
    }

    public PgTextCopy nul() {
        separator();
        return nul0();
    }

    private PgTextCopy nul0() {
        put((byte) '\\');
        put((byte) 'N');
        return this;
    }

    private PgTextCopy ascii(String s) {
        separator();
        return ascii0(s);
    }

    private PgTextCopy ascii0(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[used++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Ends the current row; sends the buffer when it is full enough. */
    public void endRow() {
        put((byte) '\n');
        rowStarted = false;
        rowDone();
    }

    /** A value of any type: text, a number, a boolean or null (SQL NULL); anything else as its toString(). */
    public PgTextCopy value(Object v) {
        if (v == null) {
            return nul();
        }
        if (v instanceof String t) {
            return text(t);
        }
        if (v instanceof BigDecimal d) {
            return number(d);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return integer(((Number) v).longValue());
        }
        if (v instanceof Boolean b) {
            return bool(b);
        }
        return text(v.toString());
    }
}
