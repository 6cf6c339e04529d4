package org.mineralsetl.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Rows encoded in PostgreSQL's binary COPY format, in memory: a growable byte buffer, no connection. Encode each
 * row as {@link #startRow(int)} followed by one call per column, in the order of the COPY's column list; a
 * {@link PgBinaryCopy} then sends whole buffers. Encoding can so run on another thread than the COPY (a block of
 * rows is a few compact bytes, not thousands of objects waiting for the writer).
 *
 * @see <a href="https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4">COPY binary format</a>
 */
public final class BinaryRows {

    private static final short NUMERIC_POS = 0x0000;
    private static final short NUMERIC_NEG = 0x4000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final long[] POW10 = {1, 10, 100, 1000};

    private final short[] digits = new short[64];
    byte[] buf;
    int used;
    private int rows;
    /** Where the open array value's length goes (-1: none open). */
    private int arrayStart = -1;

    public BinaryRows(int initialBytes) {
        buf = new byte[Math.max(64, initialBytes)];
    }

    /** Rows started so far. */
    public int rows() {
        return rows;
    }

    /** Bytes encoded so far. */
    public int size() {
        return used;
    }

    /** Forgets the rows (keeps the buffer), for the next batch. */
    public void clear() {
        used = 0;
        rows = 0;
        arrayStart = -1;
    }

    public BinaryRows startRow(int columns) {
        rows++;
        ensure(2);
        putShort((short) columns);
        return this;
    }

    public BinaryRows nullValue() {
        ensure(4);
        putInt(-1);
        return this;
    }

    public BinaryRows int2(int value) {
        ensure(6);
        putInt(2);
        putShort((short) value);
        return this;
    }

    public BinaryRows int4(int value) {
        ensure(8);
        putInt(4);
        putInt(value);
        return this;
    }

    public BinaryRows int8(long value) {
        ensure(12);
        putInt(8);
        putLong(value);
        return this;
    }

    public BinaryRows bool(Boolean value) {
        if (value == null) {
            return nullValue();
        }
        ensure(5);
        putInt(1);
        buf[used++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A text value (null allowed), UTF-8; ASCII is copied without an encoder. */
    public BinaryRows text(String value) {
        if (value == null) {
            return nullValue();
        }
        int n = value.length();
        ensure(4 + n);
        int start = used + 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return utf8(value.getBytes(StandardCharsets.UTF_8));
            }
            buf[start + i] = (byte) c;
        }
        putInt(n);
        used += n;
        return this;
    }

    /** A text value given as its UTF-8 bytes (encoded once by a caller whose values repeat). */
    public BinaryRows utf8(byte[] value) {
        ensure(4 + value.length);
        putInt(value.length);
        System.arraycopy(value, 0, buf, used, value.length);
        used += value.length;
        return this;
    }

    /**
     * Starts a one-dimensional array value of {@code length} elements of type {@code elementOid} (pg_type oid:
     * numeric 1700, text 25, bool 16); its elements follow, each written as a value (null allowed), then
     * {@link #endArray()}.
     */
    public BinaryRows startArray(int elementOid, int length) {
        if (arrayStart >= 0) {
            throw new IllegalStateException("an array is already open");
        }
        ensure(24);
        arrayStart = used;
        putInt(0);
        putInt(1);
        // the has-nulls flag: the server works it out from the elements itself
        putInt(0);
        putInt(elementOid);
        putInt(length);
        putInt(1);
        return this;
    }

    /** Ends the array value {@link #startArray} began: its length, now known, goes before it. */
    public BinaryRows endArray() {
        if (arrayStart < 0) {
            throw new IllegalStateException("no array is open");
        }
        int length = used - arrayStart - 4;
        buf[arrayStart] = (byte) (length >>> 24);
        buf[arrayStart + 1] = (byte) (length >>> 16);
        buf[arrayStart + 2] = (byte) (length >>> 8);
        buf[arrayStart + 3] = (byte) length;
        arrayStart = -1;
        return this;
    }

    /**
     * A numeric value (null allowed) in PostgreSQL's binary form: base-10000 digits, weight, sign and display
     * scale, so the server stores exactly the decimal it was given.
     */
    public BinaryRows numeric(BigDecimal value) {
        if (value == null) {
            return nullValue();
        }
        int scale = value.scale();
        if (scale >= 0 && value.precision() <= 18) {
            // the unscaled value fits a long: no BigInteger (scaleByPowerOfTen keeps a small value compact, and a
            // whole number needs no new object at all)
            return numeric(scale == 0 ? value.longValue() : value.scaleByPowerOfTen(scale).longValue(), scale);
        }
        BigInteger unscaled = value.unscaledValue();
        if (scale < 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-scale));
            scale = 0;
        }
        short sign = unscaled.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS;
        int pad = (4 - scale % 4) % 4;
        int count = bigDigits(unscaled.abs().multiply(BigInteger.valueOf(POW10[pad])));
        return putNumeric(count, sign, scale);
    }

    /**
     * The numeric {@code unscaled / 10^scale}, exactly (display scale {@code scale}, 0 to 1000): a decimal held as
     * a long and a scale, written without a BigDecimal.
     */
    public BinaryRows numeric(long unscaled, int scale) {
        if (scale < 0 || scale > 1000) {
            throw new IllegalArgumentException("numeric scale " + scale + " out of range 0-1000");
        }
        short sign = unscaled < 0 ? NUMERIC_NEG : NUMERIC_POS;
        // align the fraction to whole base-10000 digits: pad the unscaled value with zeros
        int pad = (4 - scale % 4) % 4;
        int count = 0;
        if (unscaled == Long.MIN_VALUE || Math.abs(unscaled) > Long.MAX_VALUE / POW10[pad]) {
            count = bigDigits(BigInteger.valueOf(unscaled).abs().multiply(BigInteger.valueOf(POW10[pad])));
        } else {
            long v = Math.abs(unscaled) * POW10[pad];
            while (v != 0) {
                digits[count++] = (short) (v % 10_000);
                v /= 10_000;
            }
        }
        return putNumeric(count, sign, scale);
    }

    /** Writes digits[0..count) (least significant first) as a numeric of that sign and display scale. */
    private BinaryRows putNumeric(int count, short sign, int scale) {
        int fracGroups = (scale + 3) / 4;
        // drop trailing (least significant) zero digits
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
        for (int i = 0, top = count - 1; i < ndigits; i++) {
            putShort(digits[top - i]);
        }
        return this;
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

    private void ensure(int more) {
        if (used + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, used + more)];
            System.arraycopy(buf, 0, bigger, 0, used);
            buf = bigger;
        }
    }

    // the put methods write where the caller made room (ensure)

    private void putShort(short v) {
        buf[used++] = (byte) (v >>> 8);
        buf[used++] = (byte) v;
    }

    private void putInt(int v) {
        buf[used++] = (byte) (v >>> 24);
        buf[used++] = (byte) (v >>> 16);
        buf[used++] = (byte) (v >>> 8);
        buf[used++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
