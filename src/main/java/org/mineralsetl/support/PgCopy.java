package org.mineralsetl.support;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams rows into a table with PostgreSQL's COPY (text format) on the connection of the current Spring
 * transaction, so the rows commit or roll back with the chunk that produced them.
 */
public final class PgCopy implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 16;

    private final Connection connection;
    private final DataSource dataSource;
    private final CopyIn copyIn;
    private final StringBuilder line = new StringBuilder(256);
    private byte[] buffer = new byte[FLUSH_BYTES + 4096];
    private int used;
    private long rows;

    private PgCopy(DataSource dataSource, String table, List<String> columns) throws SQLException {
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        this.copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }

    /** Starts a COPY into {@code table}; call {@link #row(Object...)} per row and {@link #close()} at the end. */
    public static PgCopy into(DataSource dataSource, String table, List<String> columns) {
        try {
            return new PgCopy(dataSource, table, columns);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    public void row(Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            appendValue(line, values[i]);
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) {
                buffer = new byte[bytes.length];
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
        rows++;
        if (used >= FLUSH_BYTES) {
            flush();
        }
    }

    static void appendValue(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("\\N");
            return;
        }
        String s = value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }

    private void flush() {
        if (used == 0) {
            return;
        }
        try {
            copyIn.writeToCopy(buffer, 0, used);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
        used = 0;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            flush();
            copyIn.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
