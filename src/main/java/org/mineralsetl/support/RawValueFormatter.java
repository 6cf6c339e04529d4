package org.mineralsetl.support;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a numeric cell into text a loader can parse, whatever its display format: numbers as plain
 * decimals ("1234567.5", never "1,234,568" or "1.23E+06"), dates and times as ISO-8601. POI's event
 * readers call this for every numeric cell, including the cached results of formula cells.
 */
public final class RawValueFormatter extends DataFormatter {

    public RawValueFormatter() {
        super(Locale.ROOT);
    }

    /** The last format asked about: a sheet's numbers mostly share one, and POI's own test runs regexes. */
    private record SeenFormat(int index, String format, boolean date) {
    }

    private SeenFormat last = new SeenFormat(Integer.MIN_VALUE, null, false);

    private boolean isDateFormat(int formatIndex, String formatString) {
        SeenFormat seen = last;
        if (seen.index() == formatIndex && Objects.equals(seen.format(), formatString)) {
            return seen.date();
        }
        boolean date = DateUtil.isADateFormat(formatIndex, formatString);
        last = new SeenFormat(formatIndex, formatString, date);
        return date;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (isDateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing);
            return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
        }
        return plain(value);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, false);
    }

    public static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
