package org.mineralsetl.support;

import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fast reader for plain comma-separated files of many millions of short records (BACI): one record a
 * line, cells split on commas, surrounding spaces and double quotes dropped; no quoted commas, quotes or line
 * breaks inside cells (such a cell reaches the row mapper with its stray quote and is rejected there). Same contract as
 * {@link CsvItemReader} (header check, row mapper, blank lines skipped, restartable by item count), about
 * 4x faster than opencsv on such files because it does no per-character state machine. It works on the file's
 * bytes: a line ends at LF (CRs before it are dropped; a CR elsewhere is part of its cell, as LineRangePartitioner
 * counts lines by LF too); an ASCII line (all of BACI) is cut into cells without
 * decoding, any other is decoded strictly as UTF-8 (bytes that are not fail the file, naming the line). Use
 * CsvItemReader for anything else.
 * <p>
 * It can read one {@link LineRange} of the file (a partition, see {@link LineRangePartitioner}): the header still
 * comes from the top of the file, the records from the range, numbered as lines of the whole file.
 */
public class DelimitedLineItemReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

    private final Path file;
    private final Consumer<List<String>> headerCheck;
    private final CsvItemReader.RowMapper<T> rowMapper;
    private final LineRange range;
    private InputStream in;
    private byte[] buf;
    /** Bytes read into buf; the next line starts at next. */
    private int filled;
    private int next;
    private boolean eof;
    /** The current line: buf[lineStart, lineEnd). */
    private int lineStart;
    private int lineEnd;
    private List<String> header;
    private int width;
    private long line;

    public DelimitedLineItemReader(String name, Path file, Consumer<List<String>> headerCheck,
                                   CsvItemReader.RowMapper<T> rowMapper) {
        this(name, file, headerCheck, rowMapper, LineRange.WHOLE_FILE);
    }

    /** A reader of the records of {@code range} only. */
    public DelimitedLineItemReader(String name, Path file, Consumer<List<String>> headerCheck,
                                   CsvItemReader.RowMapper<T> rowMapper, LineRange range) {
        setName(name);
        this.file = file;
        this.headerCheck = headerCheck;
        this.rowMapper = rowMapper;
        this.range = range;
    }

    @Override
    protected void doOpen() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new BadFileException(file + ": no such file");
        }
        open(0, range.start() == 0 ? range.end() : -1);
        line = 0;
        if (!nextNonBlank()) {
            throw new BadFileException(file.getFileName() + ": the file is empty (no header line)");
        }
        int from = lineStart;
        if (lineEnd - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB && buf[from + 2] == (byte) 0xBF) {
            from += 3; // the UTF-8 byte order mark
        }
        List<String> cells = new ArrayList<>();
        for (String c : record(from, lineEnd).cells()) {
            cells.add(Names.strip(c));
        }
        header = List.copyOf(cells);
        width = header.size();
        headerCheck.accept(header);
        if (range.start() > 0) {
            in.close();
            open(range.start(), range.end());
            line = range.firstLine() - 1;
        }
    }

    /** Reads the file's bytes from {@code start} to {@code end} (exclusive; -1: to the end). */
    private void open(long start, long end) throws IOException {
        InputStream bytes = Files.newInputStream(file);
        bytes.skipNBytes(start);
        if (end >= 0) {
            bytes = BoundedInputStream.builder().setInputStream(bytes).setMaxCount(end - start).get();
        }
        in = bytes;
        buf = new byte[1 << 16];
        filled = 0;
        next = 0;
        eof = false;
    }

    @Override
    protected T doRead() throws Exception {
        if (!nextNonBlank()) {
            return null;
        }
        return rowMapper.map(record(lineStart, lineEnd));
    }

    /** Restart: skips the lines already read without splitting them. */
    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex; i++) {
            if (!nextNonBlank()) {
                return;
            }
        }
    }

    /**
     * Moves to the next line that is not blank: its bytes are buf[lineStart, lineEnd), without the line break (a
     * line ends at LF; a CR before it is dropped). False at the end of the range.
     */
    private boolean nextNonBlank() throws IOException {
        while (true) {
            int lf = -1;
            while (true) {
                for (int i = next; i < filled; i++) {
                    if (buf[i] == '\n') {
                        lf = i;
                        break;
                    }
                }
                if (lf >= 0 || eof) {
                    break;
                }
                fill();
            }
            if (lf < 0 && next == filled) {
                return false;
            }
            lineStart = next;
            lineEnd = lf < 0 ? filled : lf;
            next = lf < 0 ? filled : lf + 1;
            while (lineEnd > lineStart && buf[lineEnd - 1] == '\r') {
                lineEnd--; // CRLF, and the CRs some exports double
            }
            line++;
            if (!isBlank(lineStart, lineEnd)) {
                return true;
            }
        }
    }

    /** Keeps the unread bytes (moved to the front, the buffer grown for a line longer than it) and reads more. */
    private void fill() throws IOException {
        int unread = filled - next;
        if (next == 0 && filled == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else {
            System.arraycopy(buf, next, buf, 0, unread);
        }
        next = 0;
        filled = unread;
        int n = in.read(buf, filled, buf.length - filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
    }

    /** Blank as String.isBlank says: ASCII white space, or, in a line that is not ASCII, any Unicode space. */
    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b < 0) {
                return decode(from, to).isBlank();
            }
            if (b != ' ' && (b < '\t' || b > '\r') && (b < 0x1C || b > 0x1F)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The record of the line buf[from, to), cut into cells on its bytes: commas, spaces and double quotes are ASCII
     * and never part of a longer UTF-8 character, so one cut serves every line. An ASCII line (all of BACI) is kept
     * as one copy of its bytes with the bounds of its cells, whose Strings are made only if the row mapper asks for
     * them; any other line is checked as UTF-8 and its cells decoded.
     */
    private CsvRecord record(int from, int to) {
        byte[] bytes = Arrays.copyOfRange(buf, from, to);
        int[] bounds = cut(bytes);
        for (byte b : bytes) {
            if (b < 0) {
                decode(from, to); // fails the file, naming the line, unless it is UTF-8
                String[] cells = new String[bounds.length / 2];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = new String(bytes, bounds[2 * i], bounds[2 * i + 1] - bounds[2 * i], StandardCharsets.UTF_8);
                }
                return new CsvRecord(file, line, header, cells);
            }
        }
        return new CsvRecord(file, line, header, bytes, bounds);
    }

    /** Start and end of each cell of the line: split on commas, surrounding spaces and double quotes dropped. */
    private int[] cut(byte[] bytes) {
        int[] bounds = new int[2 * Math.max(width, 1)];
        int n = 0;
        int start = 0;
        while (true) {
            int comma = start;
            while (comma < bytes.length && bytes[comma] != ',') {
                comma++;
            }
            if (n == bounds.length) {
                bounds = Arrays.copyOf(bounds, n * 2);
            }
            int s = start;
            int e = comma;
            while (s < e && bytes[s] == ' ') {
                s++;
            }
            while (e > s && bytes[e - 1] == ' ') {
                e--;
            }
            if (e - s >= 2 && bytes[s] == '"' && bytes[e - 1] == '"') {
                s++;
                e--;
            }
            bounds[n++] = s;
            bounds[n++] = e;
            if (comma == bytes.length) {
                break;
            }
            start = comma + 1;
        }
        return n == bounds.length ? bounds : Arrays.copyOf(bounds, n);
    }

    /** The line buf[from, to) as text, strictly UTF-8. */
    private String decode(int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new BadFileException(file.getFileName() + ": not UTF-8 text near line " + line, e);
        }
    }

    @Override
    protected void doClose() throws Exception {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
