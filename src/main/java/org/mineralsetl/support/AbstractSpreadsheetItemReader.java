package org.mineralsetl.support;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the workbook readers share: sheets chosen by the layout (hidden ones skipped unless asked for),
 * banner rows above the header skipped, the header found by the layout's tokens, blank rows skipped, and
 * every data row handed to the source's row mapper with its sheet and row number. A format supplies only
 * its push parser ({@link #parse}). Restartable: besides the item count, the sheet and row of the last
 * item read are saved, and a restart checks it resumes exactly there.
 */
public abstract class AbstractSpreadsheetItemReader<T> extends AbstractItemCountingItemStreamItemReader<T>
        implements ProgressSource {

    /** Maps one data row to the source's row type. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(SpreadsheetRecord record);
    }

    /** What a format's parser calls: one call per sheet, then one per row with cells (null = empty). */
    protected interface RowSink {
        /** A sheet begins; false when its rows are not wanted (the parser may skip it). */
        boolean startSheet(String name, boolean hidden);

        /** A row of the current sheet, 1-based as Excel shows it. */
        void row(long rowNumber, String[] cells);

        /** Whether the parser may stop reading the current sheet (only its header was wanted). */
        boolean sheetDone();
    }

    protected final Path file;
    private final SpreadsheetLayout layout;
    private final RowMapper<T> rowMapper;
    private final boolean headersOnly;
    private RowPump<SpreadsheetRecord> pump;
    private SpreadsheetRecord last;
    private final List<SheetHeader> headers = new ArrayList<>();

    /** A matching sheet and the header found in it. */
    public record SheetHeader(String sheet, long rowNumber, List<String> header) {
    }

    protected AbstractSpreadsheetItemReader(String name, Path file, SpreadsheetLayout layout, RowMapper<T> rowMapper,
                                            boolean headersOnly) {
        setName(name);
        this.file = file;
        this.layout = layout;
        this.rowMapper = rowMapper;
        this.headersOnly = headersOnly;
    }

    /** Runs the format's parser over the whole file, calling the sink; runs on the reader's own thread. */
    protected abstract void parse(RowSink sink) throws Exception;

    /** The headers found so far (all of them once the reader has reached the end). */
    public List<SheetHeader> headers() {
        synchronized (headers) {
            return List.copyOf(headers);
        }
    }

    @Override
    protected void doOpen() throws Exception {
        Workbooks.check(file);
        pump = new RowPump<>("workbook-reader-" + getName(), sink -> {
            LayoutSink layoutSink = new LayoutSink(sink);
            parse(layoutSink);
            layoutSink.end();
        });
    }

    @Override
    protected T doRead() throws Exception {
        SpreadsheetRecord r = nextRecord();
        return r == null ? null : rowMapper.map(r);
    }

    private SpreadsheetRecord nextRecord() throws Exception {
        SpreadsheetRecord r;
        try {
            r = pump.next();
        } catch (BadFileException e) {
            throw e;
        } catch (Exception e) {
            throw new BadFileException(Workbooks.describe(file, e), e);
        }
        if (r != null) {
            last = r;
        }
        return r;
    }

    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex; i++) {
            if (nextRecord() == null) {
                throw new BadFileException(file.getFileName() + ": cannot restart at row item " + itemIndex
                        + ": the file now ends after " + i + " rows");
            }
        }
    }

    @Override
    public void open(ExecutionContext executionContext) {
        super.open(executionContext);
        String sheetKey = getExecutionContextKey("sheet");
        if (executionContext.containsKey(sheetKey) && last != null) {
            String sheet = executionContext.getString(sheetKey);
            long row = executionContext.getLong(getExecutionContextKey("row"));
            if (!sheet.equals(last.sheet()) || row != last.rowNumber()) {
                throw new BadFileException(file.getFileName() + ": cannot restart: the last committed row was sheet '"
                        + sheet + "' row " + row + " but the file now has sheet '" + last.sheet() + "' row "
                        + last.rowNumber() + " there");
            }
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        super.update(executionContext);
        if (last != null) {
            executionContext.putString(getExecutionContextKey("sheet"), last.sheet());
            executionContext.putLong(getExecutionContextKey("row"), last.rowNumber());
        }
    }

    @Override
    protected void doClose() {
        if (pump != null) {
            pump.close();
            pump = null;
        }
    }

    /** Applies the layout to the raw rows a parser pushes: sheets, header, blank rows. Parser thread only. */
    private final class LayoutSink implements RowSink {
        private final RowPump<SpreadsheetRecord> out;
        private String sheet;
        private boolean wanted;
        private int matched;
        private List<String> header;
        private String[] previous;
        private final List<String> sheetNames = new ArrayList<>();

        LayoutSink(RowPump<SpreadsheetRecord> out) {
            this.out = out;
        }

        @Override
        public boolean startSheet(String name, boolean hidden) {
            endSheet();
            sheetNames.add(name);
            sheet = name;
            wanted = (!hidden || layout.includeHidden()) && layout.wantsSheet(name);
            header = null;
            previous = null;
            if (wanted) {
                matched++;
            }
            return wanted;
        }

        @Override
        public boolean sheetDone() {
            return headersOnly && header != null;
        }

        @Override
        public void row(long rowNumber, String[] cells) {
            if (!wanted || isBlank(cells)) {
                return;
            }
            if (header == null) {
                List<String> candidate = headerCandidate(cells, previous);
                if (layout.isHeader(candidate)) {
                    header = candidate;
                    synchronized (headers) {
                        headers.add(new SheetHeader(sheet, rowNumber, header));
                    }
                } else if (rowNumber >= layout.headerSearchRows()) {
                    throw notFound();
                }
                previous = cells;
                return;
            }
            if (!headersOnly) {
                out.push(new SpreadsheetRecord(file, sheet, rowNumber, header, cells));
            }
        }

        private BadFileException notFound() {
            return new BadFileException(file.getFileName() + ": sheet '" + sheet + "': header not found in the first "
                    + layout.headerSearchRows() + " rows (looked for " + layout.describeHeader() + ")");
        }

        private void endSheet() {
            if (sheet != null && wanted && header == null) {
                throw notFound();
            }
        }

        void end() {
            endSheet();
            if (matched == 0) {
                throw new BadFileException(file.getFileName() + ": no sheet matches " + layout.describeSheets()
                        + " (sheets: " + String.join(", ", sheetNames) + ")");
            }
        }

    }

    static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !Names.strip(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** A header row with blank cells filled from the row above (a header cell merged over two rows). */
    static List<String> headerCandidate(String[] cells, String[] above) {
        int n = Math.max(cells.length, above == null ? 0 : above.length);
        String[] h = Arrays.copyOf(cells, n);
        for (int i = 0; i < n; i++) {
            String c = h[i] == null ? "" : Names.strip(h[i]);
            if (c.isEmpty() && above != null && i < above.length && above[i] != null) {
                c = Names.strip(above[i]);
            }
            h[i] = c;
        }
        return List.of(h);
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    /** A workbook is read as a stream of rows (SAX): how far through its bytes is not known. */
    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public long totalBytes() {
        return 0;
    }
}
