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
 * Usage: {@code try (PgCopy copy = PgCopy.into(ds, table, columns)) { copy.row(a, b, c); ... }}.
 */
public final class PgCopy implements AutoCloseable {

    private static final int SEND_AT = 1 << 16;

    private final DataSource dataSource;
    private final Connection connection;
    private final CopyIn copyIn;
    private final String table;
    private byte[] buf = new byte[SEND_AT + 4096];
    private int used;
    private long rows;

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
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            value(values[i]);
        }
        put((byte) '\n');
        rows++;
        if (used >= SEND_AT) {
            send();
        }
    }

    private void value(Object v) {
        if (v == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (v instanceof BigDecimal d) {
            text(d.toPlainString());
        } else {
            text(v.toString());
        }
    }

    /** The text with backslash, tab, newline and carriage return escaped, as UTF-8. */
    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> { put((byte) '\\'); put((byte) '\\'); }
                case '\t' -> { put((byte) '\\'); put((byte) 't'); }
                case '\n' -> { put((byte) '\\'); put((byte) 'n'); }
                case '\r' -> { put((byte) '\\'); put((byte) 'r'); }
                default -> {
                    if (c < 0x80) {
                        put((byte) c);
                    } else {
                        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                            put(b);
                        }
                        i = end - 1;
                    }
                }
            }
        }
    }

    private void put(byte b) {
        if (used == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[used++] = b;
    }

    private void send() {
        try {
            copyIn.writeToCopy(buf, 0, used);
            used = 0;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    public long rows() {
        return rows;
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
