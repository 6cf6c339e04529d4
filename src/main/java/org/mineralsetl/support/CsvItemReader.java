package org.mineralsetl.support;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import org.apache.commons.io.input.BOMInputStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one CSV reader: streams a UTF-8 file (byte order mark dropped, CRLF or LF, quoted cells spanning
 * lines) with opencsv, checks its header, skips blank records and hands each record to the source's row
 * mapper. Restartable: the item count is saved in the step's execution context under the reader's name.
 */
public class CsvItemReader<T> extends AbstractItemCountingItemStreamItemReader<T> implements ProgressSource {

    /** Maps one CSV record to the source's row type. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(CsvRecord record);
    }

    private final Path file;
    private final Consumer<List<String>> headerCheck;
    private final RowMapper<T> rowMapper;
    private CSVReader csv;
    private List<String> header;
    private final java.util.concurrent.atomic.AtomicLong bytesRead = new java.util.concurrent.atomic.AtomicLong();
    private long totalBytes;

    public CsvItemReader(String name, Path file, Consumer<List<String>> headerCheck, RowMapper<T> rowMapper) {
        setName(name);
        this.file = file;
        this.headerCheck = headerCheck;
        this.rowMapper = rowMapper;
    }

    /** Reads just the header of a CSV file (BOM dropped, cells trimmed). */
    public static List<String> readHeader(Path file) {
        java.util.concurrent.atomic.AtomicReference<List<String>> header = new java.util.concurrent.atomic.AtomicReference<>();
        CsvItemReader<Object> reader = new CsvItemReader<>("header", file, header::set, r -> r);
        reader.setSaveState(false);
        try {
            reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BadFileException b) {
                    throw b;
                }
            }
            throw new BadFileException(file.getFileName() + ": cannot be read as CSV (" + e.getMessage() + ")", e);
        } finally {
            reader.close();
        }
        return header.get();
    }

    @Override
    protected void doOpen() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file + ": no such file");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        totalBytes = Files.size(file);
        bytesRead.set(0);
        var counting = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }
        };
        var in = BOMInputStream.builder().setInputStream(counting).get();
        csv = new CSVReader(new InputStreamReader(in, decoder));
        String[] first = nextNonBlank();
        if (first == null) {
            throw new BadFileException(file.getFileName() + ": the file is empty (no header line)");
        }
        header = List.of(Arrays.stream(first).map(Names::strip).toArray(String[]::new));
        headerCheck.accept(header);
    }

    @Override
    protected T doRead() throws Exception {
        String[] cells = nextNonBlank();
        if (cells == null) {
            return null;
        }
        return rowMapper.map(new CsvRecord(file, recordStartLine, header, cells));
    }

    /** Line (1-based, physical) where the record last returned by {@link #nextNonBlank()} starts. */
    private long recordStartLine;

    private String[] nextNonBlank() throws IOException, CsvValidationException {
        while (true) {
            recordStartLine = csv.getLinesRead() + 1;
            String[] cells;
            try {
                cells = csv.readNext();
            } catch (CharacterCodingException e) {
                throw new BadFileException(file.getFileName() + ": not UTF-8 text (malformed bytes at or after line " + recordStartLine + "); save it as UTF-8 and import it again", e);
            }
            if (cells == null || !isBlank(cells)) {
                return cells;
            }
        }
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !Names.strip(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    protected void doClose() throws Exception {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}
