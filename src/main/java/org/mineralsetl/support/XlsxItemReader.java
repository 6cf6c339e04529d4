package org.mineralsetl.support;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The one .xlsx reader: POI's event API ({@link XSSFReader}, {@link XSSFSheetXMLHandler} over a
 * {@link ReadOnlySharedStringsTable}), never the XSSFWorkbook user model, so a sheet of any length is read in
 * a few megabytes of heap. Formula cells give their cached value; numbers and dates are formatted by
 * {@link RawValueFormatter}.
 */
class XlsxItemReader<T> extends AbstractSpreadsheetItemReader<T> {

    XlsxItemReader(String name, Path file, SpreadsheetLayout layout, RowMapper<T> rowMapper) {
        this(name, file, layout, rowMapper, false);
    }

    XlsxItemReader(String name, Path file, SpreadsheetLayout layout, RowMapper<T> rowMapper, boolean headersOnly) {
        super(name, file, layout, rowMapper, headersOnly);
    }

    @Override
    protected void parse(RowSink sink) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Map<String, Boolean> hidden = hiddenSheets(reader);
            RawValueFormatter formatter = new RawValueFormatter();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!sink.startSheet(name, hidden.getOrDefault(name, false))) {
                        continue;
                    }
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(sink), formatter, false));
                    try {
                        xml.parse(new InputSource(in));
                    } catch (SheetDoneUnchecked done) {
                        // only the header was wanted
                    }
                }
            }
        }
    }

    /** Sheet name to hidden (state hidden or veryHidden), from xl/workbook.xml. */
    private static Map<String, Boolean> hiddenSheets(XSSFReader reader) throws Exception {
        Map<String, Boolean> hidden = new HashMap<>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes atts) {
                    if ("sheet".equals(localName)) {
                        String state = atts.getValue("state");
                        hidden.put(atts.getValue("name"), state != null && !state.equals("visible"));
                    }
                }
            });
            xml.parse(new InputSource(in));
        }
        return hidden;
    }

    /** Collects the cells of a row, by column, and pushes the row when it ends. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink sink;
        private String[] cells = new String[16];
        private int width;
        private int col;

        Rows(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            width = 0;
            col = -1;
        }

        @Override
        public void endRow(int rowNum) {
            sink.row(rowNum + 1L, Arrays.copyOf(cells, width));
            Arrays.fill(cells, 0, width, null);
            if (sink.sheetDone()) {
                throw new SheetDoneUnchecked();
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int c = ref == null ? col + 1 : column(ref);
            col = c;
            if (c >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(c + 1, cells.length * 2));
            }
            cells[c] = value;
            width = Math.max(width, c + 1);
        }

        /** Zero-based column of a cell reference like "AB12". */
        static int column(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                c = c * 26 + (ch - 'A' + 1);
            }
            return c - 1;
        }
    }

    /** SAX handlers may only throw SAXException from endElement; POI's callbacks cannot, so this unwinds. */
    private static final class SheetDoneUnchecked extends RuntimeException {
        SheetDoneUnchecked() {
            super("sheet done", null, false, false);
        }
    }
}
