package org.mineralsetl.support;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A COPY FROM STDIN (text format) into a table, on the connection of the current Spring transaction: the rows
 * commit or roll back with the chunk that wrote them. Each row is a line of tab-separated values, encoded as UTF-8
 * into a buffer that goes to the server 64 kB at a time through pgjdbc's {@code CopyManager}.
 * Usage: {@code try (PgCopy copy = PgCopy.into(ds, table, columns)) { copy.row(a, b, c); ... }}, or for millions of
 * rows {@code copy.text(a).number(b).decimal(c).endRow()}, which makes no object per value.
 */
public final class PgCopy implements AutoCloseable {

    private static final int SEND_AT = 1 << 16;

    private final DataSource dataSource;
    private final Connection connection;
    private final CopyIn copyIn;
    private final String table;
    private byte[] buf = new byte[SEND_AT + 4096];
    private int used;
    private boolean columnStarted;

    private PgCopy(DataSource dataSource, String table, List<String> columns) {
        this.dataSource = dataSource;
        this.table = table;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            this.copyIn = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("cannot start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    public static PgCopy into(DataSource dataSource, String table, List<String> columns) {
        return new PgCopy(dataSource, table, columns);
    }

    /** One row: a value per column, in the order of the columns; null is SQL NULL. */
    public void row(Object... values) {
        for (Object v : values) {
            if (v == null) {
                nul();
            } else if (v instanceof BigDecimal d) {
                decimal(d);
            } else if (v instanceof Long || v instanceof Integer) {
                number(((Number) v).longValue());
            } else {
                text(v.toString());
            }
        }
        endRow();
    }

    /** A text value; null is SQL NULL. Backslash, tab, newline and carriage return are escaped. */
    public PgCopy text(String s) {
        separator();
        if (s == null) {
            return nullValue();
        }
        int n = s.length();
        ensure(2 * n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                utf8(s.substring(i));
                break;
            }
            switch (c) {
                case '\\' -> { buf[used++] = '\\'; buf[used++] = '\\'; }
                case '\t' -> { buf[used++] = '\\'; buf[used++] = 't'; }
                case '\n' -> { buf[used++] = '\\'; buf[used++] = 'n'; }
                case '\r' -> { buf[used++] = '\\'; buf[used++] = 'r'; }
                default -> buf[used++] = (byte) c;
            }
        }
        return this;
    }

    /** A whole number. */
    public PgCopy number(long v) {
        separator();
        return text0(Long.toString(v));
    }

    /** A decimal as plain digits; null is SQL NULL. */
    public PgCopy decimal(BigDecimal d) {
        if (d == null) {
            return nul();
        }
        separator();
        return text0(d.toPlainString());
    }

    /** SQL NULL. */
    public PgCopy nul() {
        separator();
        return nullValue();
    }

    /** Ends the row; sends the buffer when it is full enough. */
    public void endRow() {
        put((byte) '\n');
        columnStarted = false;
        if (used >= SEND_AT) {
            send();
        }
    }

    private void separator() {
        if (columnStarted) {
            put((byte) '\t');
        }
        columnStarted = true;
    }

    private PgCopy nullValue() {
        ensure(2);
        buf[used++] = '\\';
        buf[used++] = 'N';
        return this;
    }

    /** ASCII text that needs no escaping (digits of a number). */
    private PgCopy text0(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[used++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** The rest of a text from its first non-ASCII character: escaped as {@link #text}, encoded as UTF-8. */
    private void utf8(String rest) {
        String escaped = rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, used, bytes.length);
        used += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        buf[used++] = b;
    }

    /** Room for {@code more} bytes after {@code used}. */
    private void ensure(int more) {
        if (used + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, used + more));
        }
    }

    private void send() {
        try {
            copyIn.writeToCopy(buf, 0, used);
            used = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends what is left, ends the COPY and gives the connection back to the transaction. */
    @Override
    public void close() {
        try {
            if (used > 0) {
                send();
            }
            copyIn.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            try {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the chunk fails anyway: its transaction rolls back
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
