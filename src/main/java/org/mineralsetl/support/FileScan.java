package org.mineralsetl.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one pass over a file's bytes tells: its SHA-256 (the identity of a source file in etl.source_file), its
 * size, and where lines start near each of {@link #CUTS} equal fractions of it, with their line numbers, so a
 * partitioned load can cut the file into line ranges without reading it again.
 *
 * @param lineStarts line starts in file order (byte offset and 1-based line number), the first line excluded
 */
public record FileScan(String sha256, long size, List<LineStart> lineStarts) {

    /** Places a large file may be cut at: a partitioned load picks its cuts among them. */
    public static final int CUTS = 64;

    /** The first byte of line {@code line} (1-based) is at {@code offset}. */
    public record LineStart(long offset, long line) {
    }

    public static FileScan of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<LineStart> starts = new ArrayList<>();
            byte[] buf = new byte[1 << 16];
            long position = 0;
            long line = 1;
            int cut = 1;
            long target = size / CUTS;
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line++;
                        long next = position + i + 1;
                        if (next >= target && cut < CUTS && next < size) {
                            starts.add(new LineStart(next, line));
                            while (cut < CUTS && size * cut / CUTS <= next) {
                                cut++;
                            }
                            target = size * cut / CUTS;
                        }
                    }
                }
                position += n;
            }
            return new FileScan(HexFormat.of().formatHex(digest.digest()), size, List.copyOf(starts));
        } catch (IOException e) {
            throw new BadFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line starts as text for a job parameter ("offset:line,offset:line,..."). */
    public String lineIndex() {
        return lineStarts.stream().map(s -> s.offset() + ":" + s.line()).collect(Collectors.joining(","));
    }

    /** The line starts of {@link #lineIndex()} text. */
    public static List<LineStart> parseLineIndex(String text) {
        List<LineStart> starts = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String s : text.split(",")) {
                int colon = s.indexOf(':');
                starts.add(new LineStart(Long.parseLong(s.substring(0, colon)), Long.parseLong(s.substring(colon + 1))));
            }
        }
        return starts;
    }
}
