package org.mineralsetl.support;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams rows into a table with PostgreSQL's binary COPY on the connection of the current Spring transaction
 * (rows commit or roll back with the chunk that produced them). Values are encoded straight into a byte
 * buffer: no per-row String, no text parsing on the server. Write each row as {@link #startRow(int)} followed
 * by one call per column, in the order of the column list.
 *
 * @see <a href="https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4">COPY binary format</a>
 */
public final class PgBinaryCopy implements AutoCloseable {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final int FLUSH_BYTES = 1 << 17;
    private static final short NUMERIC_POS = 0x0000;
    private static final short NUMERIC_NEG = 0x4000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final Connection connection;
    private final DataSource dataSource;
    private final CopyIn copyIn;
    private byte[] buffer = new byte[FLUSH_BYTES + 8192];
    private int used;
    private long rows;
    private final short[] digits = new short[64];

    private PgBinaryCopy(DataSource dataSource, String table, List<String> columns) throws SQLException {
        this.dataSource = dataSource;
        this.connection = DataSourceUtils.getConnection(dataSource);
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format binary)";
        this.copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        used = HEADER.length;
    }

    /** Starts a binary COPY into {@code table} (a name safe to put in SQL) with these columns. */
    public static PgBinaryCopy into(DataSource dataSource, String table, List<String> columns) {
        try {
            return new PgBinaryCopy(dataSource, table, columns);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    public void startRow(int columns) {
        if (used >= FLUSH_BYTES) {
            flush();
        }
        rows++;
        putShort((short) columns);
    }

    public void nullValue() {
        putInt(-1);
    }

    public void int2(int value) {
        ensure(6);
        putInt(2);
        putShort((short) value);
    }

    public void int4(int value) {
        ensure(8);
        putInt(4);
        putInt(value);
    }

    public void int8(long value) {
        ensure(12);
        putInt(8);
        putLong(value);
    }

    public void bool(Boolean value) {
        if (value == null) {
            nullValue();
            return;
        }
        ensure(5);
        putInt(1);
        buffer[used++] = (byte) (value ? 1 : 0);
    }

    /** A text value (null allowed), UTF-8; ASCII is copied without an encoder. */
    public void text(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        int n = value.length();
        ensure(4 + n);
        int start = used + 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                ensure(4 + bytes.length);
                putInt(bytes.length);
                System.arraycopy(bytes, 0, buffer, used, bytes.length);
                used += bytes.length;
                return;
            }
            buffer[start + i] = (byte) c;
        }
        putInt(n);
        used += n;
    }

    /**
     * A numeric value (null allowed) in PostgreSQL's binary form: base-10000 digits, weight, sign and display
     * scale, so the server stores exactly the decimal it was given.
     */
    public void numeric(BigDecimal value) {
        if (value == null) {
            nullValue();
            return;
        }
        int scale = value.scale();
        BigInteger unscaled = value.unscaledValue();
        if (scale < 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-scale));
            scale = 0;
        }
        short sign = unscaled.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS;
        unscaled = unscaled.abs();
        // align the fraction to whole base-10000 digits: pad the unscaled value with zeros
        int pad = (4 - scale % 4) % 4;
        int fracGroups = (scale + pad) / 4;
        int count = 0;
        if (unscaled.bitLength() < 63) {
            long v = unscaled.longValueExact();
            if (pad > 0) {
                long p = pad == 1 ? 10 : pad == 2 ? 100 : 1000;
                if (v > Long.MAX_VALUE / p) {
                    count = bigDigits(unscaled.multiply(BigInteger.valueOf(p)));
                } else {
                    v *= p;
                    while (v != 0) {
                        digits[count++] = (short) (v % 10_000);
                        v /= 10_000;
                    }
                }
            } else {
                while (v != 0) {
                    digits[count++] = (short) (v % 10_000);
                    v /= 10_000;
                }
            }
        } else {
            count = bigDigits(pad == 0 ? unscaled : unscaled.multiply(BigInteger.TEN.pow(pad)));
        }
        // digits[] holds base-10000 digits, least significant first; drop trailing (least significant) zeros
        int low = 0;
        while (low < count && digits[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        int weight = count - 1 - fracGroups;
        if (ndigits == 0) {
            weight = 0;
            sign = NUMERIC_POS;
        }
        ensure(12 + 2 * ndigits);
        putInt(8 + 2 * ndigits);
        putShort((short) ndigits);
        putShort((short) weight);
        putShort(sign);
        putShort((short) scale);
        for (int i = count - 1; i >= low; i--) {
            putShort(digits[i]);
        }
    }

    private int bigDigits(BigInteger v) {
        int count = 0;
        while (v.signum() != 0) {
            BigInteger[] qr = v.divideAndRemainder(TEN_THOUSAND);
            digits[count++] = qr[1].shortValue();
            v = qr[0];
        }
        return count;
    }

    private void ensure(int bytes) {
        if (used + bytes > buffer.length) {
            byte[] bigger = new byte[Math.max(buffer.length * 2, used + bytes)];
            System.arraycopy(buffer, 0, bigger, 0, used);
            buffer = bigger;
        }
    }

    private void putShort(short v) {
        ensure(2);
        buffer[used++] = (byte) (v >>> 8);
        buffer[used++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        buffer[used++] = (byte) (v >>> 24);
        buffer[used++] = (byte) (v >>> 16);
        buffer[used++] = (byte) (v >>> 8);
        buffer[used++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
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

    /** Abandons the COPY (the server discards what it received) and releases the connection; for a failed chunk. */
    public void abort() {
        try {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        } catch (SQLException e) {
            // the chunk fails anyway; its transaction rolls back
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Ends the COPY (the file trailer, then waits for the server) and releases the connection to the transaction. */
    @Override
    public void close() {
        try {
            putShort((short) -1);
            flush();
            copyIn.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
