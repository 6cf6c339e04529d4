package org.mineralsetl.support;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellBorder;
import org.apache.poi.xssf.usermodel.extensions.XSSFCellFill;

import java.util.Arrays;

/**
 * What POI's {@link org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler} looks up for every cell, looked up
 * once per style and per shared string instead: POI's StylesTable builds a new XSSFCellStyle and reads its number
 * format through XMLBeans, and ReadOnlySharedStringsTable a new XSSFRichTextString (an XMLBeans object), for each
 * cell of a million-row sheet. The answers are the same (they are POI's own, kept); a repeated shared string is
 * also the same String object every time.
 */
final class XlsxCellSources {

    private XlsxCellSources() {
    }

    /** The styles of a workbook, each style's number format read once. */
    static Styles styles(StylesTable table) {
        return new CachedStyles(table);
    }

    /** The shared strings of a workbook, each text made once. */
    static SharedStrings sharedStrings(SharedStrings strings) {
        return new CachedSharedStrings(strings);
    }

    /** A style that answers only its number format (all the sheet handler asks of it). */
    private static final class FormatOnlyStyle extends XSSFCellStyle {
        private final short format;
        private final String formatString;

        FormatOnlyStyle(StylesTable table, XSSFCellStyle style) {
            super(table);
            this.format = style.getDataFormat();
            this.formatString = style.getDataFormatString();
        }

        @Override
        public short getDataFormat() {
            return format;
        }

        @Override
        public String getDataFormatString() {
            return formatString;
        }
    }

    private static final class CachedStyles implements Styles {
        private final StylesTable table;
        private XSSFCellStyle[] styles = new XSSFCellStyle[16];

        CachedStyles(StylesTable table) {
            this.table = table;
        }

        @Override
        public XSSFCellStyle getStyleAt(int idx) {
            if (idx < 0) {
                return table.getStyleAt(idx);
            }
            if (idx >= styles.length) {
                styles = Arrays.copyOf(styles, Math.max(idx + 1, styles.length * 2));
            }
            XSSFCellStyle s = styles[idx];
            if (s == null) {
                XSSFCellStyle real = table.getStyleAt(idx);
                if (real == null) {
                    return null;
                }
                s = new FormatOnlyStyle(table, real);
                styles[idx] = s;
            }
            return s;
        }

        @Override
        public int getNumCellStyles() {
            return table.getNumCellStyles();
        }

        @Override
        public String getNumberFormatAt(short fmtId) {
            return table.getNumberFormatAt(fmtId);
        }

        @Override
        public int getNumDataFormats() {
            return table.getNumDataFormats();
        }

        @Override
        public XSSFFont getFontAt(int idx) {
            return table.getFontAt(idx);
        }

        @Override
        public XSSFCellBorder getBorderAt(int idx) {
            return table.getBorderAt(idx);
        }

        @Override
        public XSSFCellFill getFillAt(int idx) {
            return table.getFillAt(idx);
        }

        // a reader never changes the workbook's styles
        @Override
        public int putNumberFormat(String fmt) {
            throw readOnly();
        }

        @Override
        public void putNumberFormat(short index, String fmt) {
            throw readOnly();
        }

        @Override
        public boolean removeNumberFormat(short index) {
            throw readOnly();
        }

        @Override
        public boolean removeNumberFormat(String fmt) {
            throw readOnly();
        }

        @Override
        public int putFont(XSSFFont font, boolean forceRegistration) {
            throw readOnly();
        }

        @Override
        public int putFont(XSSFFont font) {
            throw readOnly();
        }

        @Override
        public int putStyle(XSSFCellStyle style) {
            throw readOnly();
        }

        @Override
        public int putBorder(XSSFCellBorder border) {
            throw readOnly();
        }

        @Override
        public int putFill(XSSFCellFill fill) {
            throw readOnly();
        }
    }

    private static final class CachedSharedStrings implements SharedStrings {
        private final SharedStrings strings;
        private PlainText[] items = new PlainText[64];

        CachedSharedStrings(SharedStrings strings) {
            this.strings = strings;
        }

        @Override
        public RichTextString getItemAt(int idx) {
            if (idx < 0) {
                return strings.getItemAt(idx);
            }
            if (idx >= items.length) {
                items = Arrays.copyOf(items, Math.max(idx + 1, items.length * 2));
            }
            PlainText t = items[idx];
            if (t == null) {
                t = new PlainText(strings.getItemAt(idx).toString());
                items[idx] = t;
            }
            return t;
        }

        @Override
        public int getCount() {
            return strings.getCount();
        }

        @Override
        public int getUniqueCount() {
            return strings.getUniqueCount();
        }
    }

    /** The text of a shared string (the handler only asks for its text). */
    private record PlainText(String text) implements RichTextString {
        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return -1;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw readOnly();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw readOnly();
        }

        @Override
        public void applyFont(Font font) {
            throw readOnly();
        }

        @Override
        public void clearFormatting() {
            throw readOnly();
        }

        @Override
        public void applyFont(short fontIndex) {
            throw readOnly();
        }
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the workbook is read, not changed");
    }
}
