package org.mineralsetl.support;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Turns a numeric cell into text a loader can parse, whatever its display format: numbers as plain
 * decimals ("1234567.5", never "1,234,568" or "1.23E+06"), dates and times as ISO-8601. POI's event
 * readers call this for every numeric cell, including the cached results of formula cells.
 */
public final class RawValueFormatter extends DataFormatter {

    public RawValueFormatter() {
        super(Locale.ROOT);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
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
