package org.mineralsetl.support;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a line-oriented file into {@code gridSize} {@link LineRange}s of about equal bytes, each starting at the
 * beginning of a line, for a partitioned step whose workers read with {@link DelimitedLineItemReader}. One pass
 * over the bytes counts the line breaks before each cut, so records keep the line numbers they have in the
 * file. A file smaller than {@code minBytesPerPartition} per partition gets fewer partitions (one for a small
 * file). The cuts depend only on the file, so a restarted step gets the same partitions.
 */
public class LineRangePartitioner implements Partitioner {

    private final Path file;
    private final long minBytesPerPartition;

    public LineRangePartitioner(Path file, long minBytesPerPartition) {
        this.file = file;
        this.minBytesPerPartition = Math.max(1, minBytesPerPartition);
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        int p = 0;
        for (LineRange range : ranges(gridSize)) {
            ExecutionContext context = new ExecutionContext();
            range.putInto(context);
            partitions.put("partition" + p++, context);
        }
        return partitions;
    }

    /** Line breaks in the first {@code n} bytes of the buffer: eight bytes a step (SWAR), the rest one by one. */
    static long countLineBreaks(ByteBuffer buffer, int n) {
        long count = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = buffer.getLong(i) ^ 0x0A0A0A0A0A0A0A0AL; // a line break becomes a zero byte
            long zeros = ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL);
            count += Long.bitCount(zeros);
        }
        for (; i < n; i++) {
            if (buffer.get(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** The ranges, in file order; together they cover the file exactly once. */
    public List<LineRange> ranges(int gridSize) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int parts = (int) Math.max(1, Math.min(gridSize, size / minBytesPerPartition));
            List<LineRange> ranges = new ArrayList<>();
            if (parts == 1) {
                ranges.add(LineRange.WHOLE_FILE);
                return ranges;
            }
            // read the file in large blocks, counting line breaks eight bytes at a time, and cut at the first line
            // break at or after each target
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            long position = 0;
            long lines = 0;
            long start = 0;
            long firstLine = 1;
            int cut = 1;
            long target = size * cut / parts;
            while (cut < parts) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                long end = position + n;
                if (end <= target) {
                    lines += countLineBreaks(buffer, n);
                    position = end;
                    continue;
                }
                byte[] bytes = buffer.array();
                for (int i = 0; i < n; i++) {
                    if (bytes[i] == '\n') {
                        lines++;
                        long next = position + i + 1;
                        if (next >= target && next > start && cut < parts) {
                            ranges.add(new LineRange(start, next, firstLine));
                            start = next;
                            firstLine = lines + 1;
                            cut++;
                            target = size * cut / parts;
                        }
                    }
                }
                position = end;
            }
            ranges.add(new LineRange(start, -1, firstLine));
            return ranges;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot split " + file + " into line ranges: " + e.getMessage(), e);
        }
    }
}
