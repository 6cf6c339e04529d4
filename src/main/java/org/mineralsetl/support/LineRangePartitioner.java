package org.mineralsetl.support;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a line-oriented file into up to {@code gridSize} {@link LineRange}s of about equal bytes, at line starts the
 * file's {@link FileScan} found (so rows keep the line numbers they have in the file, and the file is not read
 * again to cut it). A file smaller than {@code minBytesPerPartition} per partition gets fewer partitions (one for
 * a small file). The cuts depend only on the file, so a restarted step gets the same partitions.
 */
public class LineRangePartitioner implements Partitioner {

    private final long size;
    private final List<FileScan.LineStart> lineStarts;
    private final long minBytesPerPartition;

    public LineRangePartitioner(long size, List<FileScan.LineStart> lineStarts, long minBytesPerPartition) {
        this.size = size;
        this.lineStarts = lineStarts;
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

    /** The ranges, in file order; together they cover the file exactly once. */
    public List<LineRange> ranges(int gridSize) {
        int parts = (int) Math.max(1, Math.min(gridSize, size / minBytesPerPartition));
        List<LineRange> ranges = new ArrayList<>();
        long start = 0;
        long firstLine = 1;
        int next = 0;
        for (int cut = 1; cut < parts; cut++) {
            long target = size * cut / parts;
            while (next < lineStarts.size() && lineStarts.get(next).offset() < target) {
                next++;
            }
            if (next == lineStarts.size()) {
                break;
            }
            FileScan.LineStart at = lineStarts.get(next++);
            ranges.add(new LineRange(start, at.offset(), firstLine));
            start = at.offset();
            firstLine = at.line();
        }
        ranges.add(new LineRange(start, -1, firstLine));
        return ranges;
    }
}
