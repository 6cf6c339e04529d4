package org.mineralsetl.support;

import org.apache.commons.io.input.BoundedInputStream;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fast reader for plain comma-separated files of many millions of short records (BACI): one record a
 * line, cells split on commas, surrounding spaces and double quotes dropped; no quoted commas, quotes or line
 * breaks inside cells (such a cell reaches the row mapper with its stray quote and is rejected there). Same contract as
 * {@link CsvItemReader} (header check, row mapper, blank lines skipped, restartable by item count), about
 * 4x faster than opencsv on such files because it does no per-character state machine. Use CsvItemReader
 * for anything else.
 * <p>
 * It can read one {@link LineRange} of the file (a partition, see {@link LineRangePartitioner}): the header still
 * comes from the top of the file, the records from the range, numbered as lines of the whole file.
 */
public class DelimitedLineItemReader<T> extends AbstractItemCountingItemStreamItemReader<T> {

    private final Path file;
    private final Consumer<List<String>> headerCheck;
    private final CsvItemReader.RowMapper<T> rowMapper;
    private final LineRange range;
    private BufferedReader in;
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
        in = open(0, range.start() == 0 ? range.end() : -1);
        line = 0;
        String first = nextNonBlank();
        if (first == null) {
            throw new BadFileException(file.getFileName() + ": the file is empty (no header line)");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : split(first)) {
            cells.add(Names.strip(c));
        }
        header = List.copyOf(cells);
        width = header.size();
        headerCheck.accept(header);
        if (range.start() > 0) {
            in.close();
            in = open(range.start(), range.end());
            line = range.firstLine() - 1;
        }
    }

    /** The file's text from byte {@code start} to {@code end} (exclusive; -1: to the end), strictly UTF-8. */
    private BufferedReader open(long start, long end) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream bytes = Files.newInputStream(file);
        bytes.skipNBytes(start);
        if (end >= 0) {
            bytes = BoundedInputStream.builder().setInputStream(bytes).setMaxCount(end - start).get();
        }
        return new BufferedReader(new InputStreamReader(bytes, decoder), 1 << 16);
    }

    @Override
    protected T doRead() throws Exception {
        String text = nextNonBlank();
        if (text == null) {
            return null;
        }
        return rowMapper.map(new CsvRecord(file, line, header, split(text)));
    }

    /** Restart: skips the lines already read without splitting them. */
    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex; i++) {
            if (nextNonBlank() == null) {
                return;
            }
        }
    }

    private String nextNonBlank() throws IOException {
        while (true) {
            String text;
            try {
                text = in.readLine();
            } catch (CharacterCodingException e) {
                throw new BadFileException(file.getFileName() + ": not UTF-8 text near line " + (line + 1), e);
            }
            if (text == null) {
                return null;
            }
            line++;
            if (!text.isBlank()) {
                return text;
            }
        }
    }

    private String[] split(String text) {
        String[] cells = new String[Math.max(width, 1)];
        int n = 0;
        int start = 0;
        int length = text.length();
        while (true) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            if (n == cells.length) {
                cells = java.util.Arrays.copyOf(cells, n * 2);
            }
            cells[n++] = cell(text, start, end);
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return n == cells.length ? cells : java.util.Arrays.copyOf(cells, n);
    }

    private String cell(String text, int start, int end) {
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end - start >= 2 && text.charAt(start) == '"' && text.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    protected void doClose() throws Exception {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
