package org.mineralsetl.support;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellReference;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The workbook formats and what can be wrong with a file before a row is read: not a workbook, a damaged
 * or truncated zip, a zip bomb (a part that inflates past POI's ratio guard), a password. Each problem is
 * one sentence naming the file, thrown as {@link BadFileException}.
 */
public final class Workbooks {

    /** The formats the readers handle. */
    public enum Format { XLSX, XLS }

    private Workbooks() {
    }

    /** The reader for a workbook of either format (by content, not by name). */
    public static <T> AbstractSpreadsheetItemReader<T> reader(String name, Path file, SpreadsheetLayout layout,
                                                              AbstractSpreadsheetItemReader.RowMapper<T> mapper) {
        return reader(name, file, layout, mapper, false);
    }

    private static <T> AbstractSpreadsheetItemReader<T> reader(String name, Path file, SpreadsheetLayout layout,
                                                               AbstractSpreadsheetItemReader.RowMapper<T> mapper,
                                                               boolean headersOnly) {
        return check(file) == Format.XLSX
                ? new XlsxItemReader<>(name, file, layout, mapper, headersOnly)
                : new XlsItemReader<>(name, file, layout, mapper, headersOnly);
    }

    /** A failure of a reader as one sentence naming the file: a {@link BadFileException} it carries, else described. */
    private static BadFileException badFile(Path file, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadFileException b) {
                return b;
            }
        }
        return new BadFileException(describe(file, e), e);
    }

    /**
     * Checks the file and the layout without reading any data row: the sheets the layout wants exist and
     * each has its header. Returns the headers found.
     */
    public static List<AbstractSpreadsheetItemReader.SheetHeader> inspect(Path file, SpreadsheetLayout layout) {
        AbstractSpreadsheetItemReader<Object> reader = reader("inspect", file, layout, r -> r, true);
        reader.setSaveState(false);
        try {
            reader.open(new ExecutionContext());
            while (reader.read() != null) {
                // headers only: no data row is produced
            }
            return reader.headers();
        } catch (Exception e) {
            throw badFile(file, e);
        } finally {
            reader.close();
        }
    }

    /**
     * The text of one cell, as the readers give it (numbers plain, formula cells their cached value; empty when the
     * cell is empty). {@code cell} is a reference as Excel writes it: {@code A1} on the workbook's first sheet, or
     * {@code Iron!A1}, {@code 'Russia, Asia'!A1} on a named sheet.
     */
    public static String cell(Path file, String cell) {
        CellReference ref = new CellReference(cell);
        String sheet = ref.getSheetName();
        String[] found = {null};
        boolean[] sheetSeen = {false};
        AbstractSpreadsheetItemReader.RowSink sink = new AbstractSpreadsheetItemReader.RowSink() {
            private boolean wanted;

            @Override
            public boolean startSheet(String name, boolean hidden) {
                wanted = !sheetSeen[0] && (sheet == null || name.equals(sheet));
                sheetSeen[0] |= wanted;
                return wanted;
            }

            @Override
            public void row(long rowNumber, String[] cells) {
                if (wanted && rowNumber == ref.getRow() + 1L) {
                    found[0] = ref.getCol() < cells.length && cells[ref.getCol()] != null ? cells[ref.getCol()] : "";
                }
            }

            @Override
            public boolean sheetDone() {
                return wanted && found[0] != null;
            }
        };
        try {
            reader("cell", file, null, r -> r, true).parse(sink);
        } catch (Exception e) {
            throw badFile(file, e);
        }
        if (!sheetSeen[0]) {
            throw new BadFileException(file.getFileName() + ": no sheet '" + sheet + "' to read cell " + cell + " from");
        }
        return found[0] == null ? "" : found[0];
    }

    /** Tells the format of a workbook, or says in one sentence why the file is not one that can be read. */
    public static Format check(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file + ": no such file");
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (Files.size(file) == 0) {
                throw new BadFileException(name + ": the file is empty, not a workbook");
            }
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new BadFileException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (magic == FileMagic.OOXML) {
            checkZip(file);
            return Format.XLSX;
        }
        if (magic == FileMagic.OLE2) {
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                    throw new BadFileException(name + ": the workbook is password protected;"
                            + " save it without a password and import it again");
                }
                if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("Book")) {
                    throw new BadFileException(name + ": an OLE2 (Office 97-2003) file without a workbook stream,"
                            + " not an Excel workbook");
                }
                if (!fs.getRoot().hasEntry("Workbook")) {
                    throw new BadFileException(name + ": an Excel 5.0/95 workbook, which cannot be read;"
                            + " save it as .xlsx and import it again");
                }
            } catch (IOException e) {
                throw new BadFileException(name + ": the .xls file is damaged or truncated (" + e.getMessage() + ")", e);
            }
            return Format.XLS;
        }
        throw new BadFileException(name + ": not an Excel workbook (neither .xlsx nor .xls; the file looks like "
                + magic.name().toLowerCase(Locale.ROOT) + ")");
    }

    /**
     * An .xlsx is a zip: it must open as one (a truncated file does not), and no part may inflate past
     * POI's guard ({@link ZipSecureFile#getMinInflateRatio()}), judged here from the sizes its directory declares;
     * POI still checks the bytes actually inflated while reading.
     */
    private static void checkZip(Path file) {
        String name = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = false;
            double minRatio = ZipSecureFile.getMinInflateRatio();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                contentTypes |= e.getName().equals("[Content_Types].xml");
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size > 100_000 && packed > 0 && (double) packed / size < minRatio) {
                    throw new BadFileException(String.format(Locale.ROOT, "%s: refused as a zip bomb: part %s"
                                    + " would inflate %d times (%d to %d bytes), past POI's limit of %.0f times",
                            name, e.getName(), size / packed, packed, size, 1 / minRatio));
                }
                if (size > ZipSecureFile.getMaxEntrySize()) {
                    throw new BadFileException(name + ": refused as a zip bomb: part " + e.getName() + " would inflate to "
                            + size + " bytes, past POI's limit of " + ZipSecureFile.getMaxEntrySize());
                }
            }
            if (!contentTypes) {
                throw new BadFileException(name + ": a zip archive but not an Excel workbook (no [Content_Types].xml)");
            }
        } catch (IOException e) {
            throw new BadFileException(name + ": the workbook is damaged or truncated (its zip directory cannot be read: "
                    + e.getMessage() + ")", e);
        }
    }

    /** One sentence for a failure while parsing a workbook. */
    static String describe(Path file, Throwable e) {
        String name = file.getFileName().toString();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadFileException b) {
                return b.getMessage();
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("Zip bomb detected")) {
                return name + ": refused as a zip bomb: a part inflates past POI's limit of "
                        + Math.round(1 / ZipSecureFile.getMinInflateRatio()) + " times its compressed size";
            }
            if (t instanceof EncryptedDocumentException) {
                return name + ": the workbook is password protected; save it without a password and import it again";
            }
            if (t instanceof java.util.zip.ZipException || t instanceof java.io.EOFException
                    || m.contains("Truncated") || m.contains("Unexpected end")) {
                return name + ": the workbook is damaged or truncated (" + m + ")";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return name + ": the workbook cannot be read (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
}
