package org.mineralsetl.support;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams rows into a table with PostgreSQL's binary COPY on the connection of the current Spring transaction
 * (rows commit or roll back with the chunk that produced them; see {@link CopyStream}). Values are encoded
 * straight into a byte buffer: no per-row String, no text parsing on the server. Write each row as {@link #startRow(int)} followed
 * by one call per column, in the order of the column list.
 *
 * @see <a href="https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4">COPY binary format</a>
 */
public final class PgBinaryCopy extends CopyStream {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final short NUMERIC_POS = 0x0000;
    private static final short NUMERIC_NEG = 0x4000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private final short[] digits = new short[64];

    private PgBinaryCopy(DataSource dataSource, String table, List<String> columns) {
        super(dataSource, table, "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format binary)");
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        used = HEADER.length;
    }

    /** Starts a binary COPY into {@code table} (a name safe to put in SQL) with these columns. */
    public static PgBinaryCopy into(DataSource dataSource, String table, List<String> columns) {
        return new PgBinaryCopy(dataSource, table, columns);
    }

    public void startRow(int columns) {
        rowDone();
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
        buf[used++] = (byte) (value ? 1 : 0);
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
                System.arraycopy(bytes, 0, buf, used, bytes.length);
                used += bytes.length;
                return;
            }
            buf[start + i] = (byte) c;
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

    /**
     * The numeric {@code unscaled} x 10^-{@code scale} (scale 0 or more), as {@link #numeric(BigDecimal)} writes
     * it, without a BigDecimal: for the values a loader already holds as a long and a scale.
     */
    public void numeric(long unscaled, int scale) {
        if (scale < 0 || unscaled > Long.MAX_VALUE / 1000 || unscaled < -Long.MAX_VALUE / 1000) {
            numeric(BigDecimal.valueOf(unscaled, scale));
            return;
        }
        short sign = unscaled < 0 ? NUMERIC_NEG : NUMERIC_POS;
        long v = Math.abs(unscaled);
        int pad = (4 - scale % 4) % 4;
        int fracGroups = (scale + pad) / 4;
        v *= pad == 0 ? 1 : pad == 1 ? 10 : pad == 2 ? 100 : 1000;
        int count = 0;
        while (v != 0) {
            digits[count++] = (short) (v % 10_000);
            v /= 10_000;
        }
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

    /** A text value given as its UTF-8 bytes (encoded once by a caller whose values repeat). */
    public void utf8(byte[] value) {
        ensure(4 + value.length);
        putInt(value.length);
        System.arraycopy(value, 0, buf, used, value.length);
        used += value.length;
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


    private void putShort(short v) {
        ensure(2);
        buf[used++] = (byte) (v >>> 8);
        buf[used++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        buf[used++] = (byte) (v >>> 24);
        buf[used++] = (byte) (v >>> 16);
        buf[used++] = (byte) (v >>> 8);
        buf[used++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }




    /** The trailer after the last row. */
    @Override
    protected void endOfData() {
        putShort((short) -1);
    }
}
