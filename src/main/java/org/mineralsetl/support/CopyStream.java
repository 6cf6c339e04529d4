package org.mineralsetl.support;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the COPY writers share: a COPY FROM STDIN on the connection of the current Spring transaction (so the
 * rows commit or roll back with the chunk that produced them), a byte buffer the subclass encodes rows into,
 * sent to the server whenever it is full enough, and the end (or abandonment) of the COPY.
 */
abstract class CopyStream implements AutoCloseable {

    /** Bytes gathered before they are sent to the server. */
    protected static final int FLUSH_BYTES = 1 << 16;

    private final Connection connection;
    private final DataSource dataSource;
    private final CopyIn copyIn;
    private final String table;
    protected byte[] buf = new byte[FLUSH_BYTES + 8192];
    protected int used;
    protected long rows;

    /** @param sql the COPY statement; {@code table} names the target in messages */
    CopyStream(DataSource dataSource, String table, String sql) {
        this.dataSource = dataSource;
        this.table = table;
        this.connection = DataSourceUtils.getConnection(dataSource);
        try {
            this.copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("cannot start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    /** Makes room for {@code more} bytes after {@code used}. */
    protected final void ensure(int more) {
        if (used + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, used + more)];
            System.arraycopy(buf, 0, bigger, 0, used);
            buf = bigger;
        }
    }

    /** Counts a row (at its start or its end, as the format has it) and sends the buffer when it is full enough. */
    protected final void rowDone() {
        rows++;
        if (used >= FLUSH_BYTES) {
            flush();
        }
    }

    private void flush() {
        if (used == 0) {
            return;
        }
        send(buf, 0, used);
        used = 0;
    }

    /** Sends bytes encoded elsewhere, after what the buffer holds. */
    protected final void send(byte[] bytes, int offset, int length) {
        try {
            if (used > 0 && bytes != buf) {
                copyIn.writeToCopy(buf, 0, used);
                used = 0;
            }
            copyIn.writeToCopy(bytes, offset, length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Bytes the format puts after the last row (the binary trailer); none by default. */
    protected void endOfData() {
    }

    public long rows() {
        return rows;
    }

    /** Ends the COPY, waits for the server, and gives the connection back to the transaction. */
    @Override
    public void close() {
        try {
            endOfData();
            flush();
            copyIn.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            abort();
        }
    }

    /** Abandons the COPY if it is still open (the server discards what it received): for a chunk that failed. */
    public void abort() {
        try {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the chunk fails anyway; its transaction rolls back
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
