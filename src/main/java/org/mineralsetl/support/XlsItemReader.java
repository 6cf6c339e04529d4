package org.mineralsetl.support;

import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one legacy .xls reader: POI's HSSF event API (records streamed from the BIFF8 workbook stream),
 * never HSSFWorkbook. Formula cells give their cached value; numbers and dates are formatted by
 * {@link RawValueFormatter} from the cell's format record.
 */
class XlsItemReader<T> extends AbstractSpreadsheetItemReader<T> {

    XlsItemReader(String name, Path file, SpreadsheetLayout layout, RowMapper<T> rowMapper) {
        this(name, file, layout, rowMapper, false);
    }

    XlsItemReader(String name, Path file, SpreadsheetLayout layout, RowMapper<T> rowMapper, boolean headersOnly) {
        super(name, file, layout, rowMapper, headersOnly);
    }

    @Override
    protected void parse(RowSink sink) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Listener listener = new Listener(sink);
            FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener, Locale.ROOT);
            listener.formats = formats;
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(formats);
            new HSSFEventFactory().processWorkbookEvents(request, fs);
            listener.flush();
        }
    }

    private static final class Listener implements HSSFListener {
        private final RowSink sink;
        private final RawValueFormatter formatter = new RawValueFormatter();
        private FormatTrackingHSSFListener formats;
        private final List<String> names = new ArrayList<>();
        private final List<Boolean> hidden = new ArrayList<>();
        private SSTRecord strings;
        private int depth;
        private int sheetIndex = -1;
        private boolean wanted;
        private int row = -1;
        private String[] cells = new String[16];
        private int width;
        private int pendingRow = -1;
        private int pendingCol;

        Listener(RowSink sink) {
            this.sink = sink;
        }

        @Override
        public void processRecord(Record record) {
            if (record instanceof BoundSheetRecord b) {
                names.add(b.getSheetname());
                hidden.add(b.isHidden() || b.isVeryHidden());
            } else if (record instanceof BOFRecord bof) {
                if (depth == 0 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                    sheetIndex++;
                    boolean isWorksheet = bof.getType() == BOFRecord.TYPE_WORKSHEET;
                    String name = sheetIndex < names.size() ? names.get(sheetIndex) : "Sheet" + (sheetIndex + 1);
                    boolean h = sheetIndex < hidden.size() && hidden.get(sheetIndex);
                    wanted = isWorksheet && sink.startSheet(name, h);
                    row = -1;
                }
                depth++;
            } else if (record instanceof EOFRecord) {
                depth--;
                if (depth == 0) {
                    flush();
                    wanted = false;
                }
            } else if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof LabelSSTRecord l) {
                cell(l, strings.getString(l.getSSTIndex()).getString());
            } else if (record instanceof LabelRecord l) {
                cell(l, l.getValue());
            } else if (record instanceof NumberRecord n) {
                cell(n, number(n.getValue(), n));
            } else if (record instanceof FormulaRecord f) {
                CellType type = f.getCachedResultTypeEnum();
                if (type == CellType.STRING) {
                    pendingRow = f.getRow();
                    pendingCol = f.getColumn();
                } else if (type == CellType.BOOLEAN) {
                    cell(f, f.getCachedBooleanValue() ? "TRUE" : "FALSE");
                } else if (type == CellType.NUMERIC) {
                    cell(f, number(f.getValue(), f));
                }
            } else if (record instanceof StringRecord s && pendingRow >= 0) {
                put(pendingRow, pendingCol, s.getString());
                pendingRow = -1;
            } else if (record instanceof BoolErrRecord b) {
                cell(b, b.isBoolean() ? (b.getBooleanValue() ? "TRUE" : "FALSE") : "#ERROR");
            }
        }

        private String number(double value, CellValueRecordInterface cell) {
            return formatter.formatRawCellContents(value, formats.getFormatIndex(cell), formats.getFormatString(cell));
        }

        private void cell(CellValueRecordInterface c, String value) {
            put(c.getRow(), c.getColumn(), value);
        }

        private void put(int r, int c, String value) {
            if (!wanted || depth != 1) {
                return;
            }
            if (r != row) {
                flush();
                row = r;
            }
            if (c >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(c + 1, cells.length * 2));
            }
            cells[c] = value;
            width = Math.max(width, c + 1);
        }

        void flush() {
            if (row >= 0 && width > 0 && wanted && !sink.sheetDone()) {
                sink.row(row + 1L, Arrays.copyOf(cells, width));
            }
            Arrays.fill(cells, 0, width, null);
            width = 0;
            row = -1;
        }
    }
}
