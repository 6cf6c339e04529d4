package org.mineralsetl.support;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one CSV reader: streams a UTF-8 file (byte order mark dropped, CRLF or LF, quoted cells spanning lines)
 * with opencsv, checks its header, skips blank records and hands each record to the source's row mapper. It reads
 * the whole file or one {@link LineRange} of it (a partition of a large file; the header is still read from the
 * top, and records keep their line numbers in the file). Restartable: the item count is saved in the step's
 * execution context under the reader's name.
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
    private final LineRange range;
    private CSVReader csv;
    private List<String> header;
    private long firstLine;
    /** Line (1-based, in the file) where the record last returned by {@link #nextNonBlank()} starts. */
    private long recordStartLine;
    private final AtomicLong bytesRead = new AtomicLong();
    private long totalBytes;

    public CsvItemReader(String name, Path file, Consumer<List<String>> headerCheck, RowMapper<T> rowMapper) {
        this(name, file, headerCheck, rowMapper, LineRange.WHOLE_FILE);
    }

    public CsvItemReader(String name, Path file, Consumer<List<String>> headerCheck, RowMapper<T> rowMapper,
                         LineRange range) {
        setName(name);
        this.file = file;
        this.headerCheck = headerCheck;
        this.rowMapper = rowMapper;
        this.range = range;
    }

    /** Reads just the header of a CSV file (BOM dropped, cells trimmed). */
    public static List<String> readHeader(Path file) {
        AtomicReference<List<String>> header = new AtomicReference<>();
        CsvItemReader<Object> reader = new CsvItemReader<>("header", file, header::set, r -> r);
        reader.setSaveState(false);
        try {
            reader.open(new ExecutionContext());
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
        totalBytes = Files.size(file);
        bytesRead.set(0);
        csv = open(0, -1);
        String[] first = nextNonBlank();
        if (first == null) {
            throw new BadFileException(file.getFileName() + ": the file is empty (no header line)");
        }
        header = List.of(Arrays.stream(first).map(Names::strip).toArray(String[]::new));
        headerCheck.accept(header);
        if (range.start() > 0) {
            csv.close();
            totalBytes = (range.end() < 0 ? totalBytes : range.end()) - range.start();
            bytesRead.set(0);
            csv = open(range.start(), range.end());
            firstLine = range.firstLine();
        } else if (range.end() >= 0) {
            csv.close();
            totalBytes = range.end();
            csv = open(0, range.end());
            nextNonBlank();
        }
    }

    /** opencsv over bytes start (a line start) to end (exclusive; -1 = end of file), decoded strictly as UTF-8. */
    private CSVReader open(long start, long end) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(start);
        InputStream in = Channels.newInputStream(channel);
        if (end >= 0) {
            in = BoundedInputStream.builder().setInputStream(in).setMaxCount(end - start).get();
        }
        if (start == 0) {
            in = BOMInputStream.builder().setInputStream(in).get();
        }
        firstLine = 1;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CSVReader(new InputStreamReader(new Counting(in), decoder));
    }

    @Override
    protected T doRead() throws Exception {
        String[] cells = nextNonBlank();
        if (cells == null) {
            return null;
        }
        return rowMapper.map(new CsvRecord(file, recordStartLine, header, cells));
    }

    private String[] nextNonBlank() throws IOException, CsvValidationException {
        while (true) {
            recordStartLine = firstLine + csv.getLinesRead();
            String[] cells;
            try {
                cells = csv.readNext();
            } catch (CharacterCodingException e) {
                throw new BadFileException(file.getFileName() + ": not UTF-8 text (malformed bytes at or after line "
                        + recordStartLine + "); save it as UTF-8 and import it again", e);
            } catch (CsvValidationException | com.opencsv.exceptions.CsvMalformedLineException e) {
                throw new BadFileException(file.getFileName() + ": line " + recordStartLine + " is not valid CSV ("
                        + e.getMessage() + "); fix the line and import the file again", e);
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

    /** Counts the bytes read, for progress lines. */
    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

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
    }
}
