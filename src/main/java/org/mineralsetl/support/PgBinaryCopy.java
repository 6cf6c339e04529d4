package org.mineralsetl.support;

import javax.sql.DataSource;
import java.util.List;

/**
 * Streams rows into a table with PostgreSQL's binary COPY on the connection of the current Spring transaction
 * (rows commit or roll back with the chunk that produced them; see {@link CopyStream}). Rows are
 * {@link BinaryRows}: encoded elsewhere and sent whole with {@link #write(BinaryRows)}, or one at a time with
 * {@link #row(int)}. No per-row String, no text parsing on the server.
 *
 * @see <a href="https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4">COPY binary format</a>
 */
public final class PgBinaryCopy extends CopyStream {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};

    private BinaryRows pending;

    private PgBinaryCopy(DataSource dataSource, String table, List<String> columns) {
        super(dataSource, table, "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format binary)");
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        used = HEADER.length;
    }

    /** Starts a binary COPY into {@code table} (a name safe to put in SQL) with these columns. */
    public static PgBinaryCopy into(DataSource dataSource, String table, List<String> columns) {
        return new PgBinaryCopy(dataSource, table, columns);
    }

    /** Sends rows encoded with the same column list (the caller may clear and reuse them afterwards). */
    public void write(BinaryRows encoded) {
        sendPending();
        send(encoded);
    }

    /** Starts the next row of a row-at-a-time writer; encode its values into what this returns. */
    public BinaryRows row(int columns) {
        if (pending == null) {
            pending = new BinaryRows(FLUSH_BYTES + 8192);
        } else if (pending.size() >= FLUSH_BYTES) {
            sendPending();
        }
        return pending.startRow(columns);
    }

    private void sendPending() {
        if (pending != null) {
            send(pending);
            pending.clear();
        }
    }

    private void send(BinaryRows encoded) {
        if (encoded.used > 0) {
            send(encoded.buf, 0, encoded.used);
            rows += encoded.rows();
        }
    }

    /** The trailer after the last row. */
    @Override
    protected void endOfData() {
        sendPending();
        buf[used++] = (byte) 0xff;
        buf[used++] = (byte) 0xff;
    }
}
