package org.mineralsetl.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LineRangePartitionerTests {

    @TempDir
    Path dir;

    /** A header and {@code lines} records of varying length (some blank lines, some non-ASCII). */
    private Path file(int lines) throws IOException {
        StringBuilder sb = new StringBuilder("n,text\n");
        for (int i = 1; i <= lines; i++) {
            sb.append(i).append(',').append("x".repeat(i % 37)).append(i % 11 == 0 ? "é" : "").append('\n');
            if (i % 250 == 0) {
                sb.append('\n');
            }
        }
        Path f = dir.resolve("f.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    /** The partitioner of a file, as a load gets it: from the line starts its one scan found. */
    private static LineRangePartitioner partitioner(Path f, long minBytes) {
        FileScan scan = FileScan.of(f);
        return new LineRangePartitioner(scan.size(), FileScan.parseLineIndex(scan.lineIndex()), minBytes);
    }

    @Test
    void cutsAtLineStartsIntoContiguousRangesNumberedAsLinesOfTheFile() throws IOException {
        Path f = file(200_000);
        assertThat(Files.size(f)).isGreaterThan(3L << 20);
        byte[] bytes = Files.readAllBytes(f);
        List<LineRange> ranges = partitioner(f, 1).ranges(4);
        assertThat(ranges).hasSize(4);
        assertThat(ranges.get(0).start()).isZero();
        assertThat(ranges.get(3).end()).isEqualTo(-1);
        for (int i = 1; i < ranges.size(); i++) {
            LineRange r = ranges.get(i);
            assertThat(r.start()).isEqualTo(ranges.get(i - 1).end());
            assertThat(bytes[(int) r.start() - 1]).as("a range starts right after a line break").isEqualTo((byte) '\n');
            long breaksBefore = 0;
            for (int b = 0; b < r.start(); b++) {
                breaksBefore += bytes[b] == '\n' ? 1 : 0;
            }
            assertThat(r.firstLine()).isEqualTo(breaksBefore + 1);
        }
    }

    @Test
    void readingEveryRangeGivesEveryRecordOnceWithItsLineNumber() throws Exception {
        Path f = file(10_000);
        Map<String, ExecutionContext> partitions = partitioner(f, 1).partition(3);
        assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2");
        List<String> seen = new ArrayList<>();
        for (ExecutionContext context : partitions.values()) {
            CsvItemReader<String> reader = new CsvItemReader<>("r", f,
                    header -> assertThat(header).containsExactly("n", "text"), r -> r.lineNumber() + ":" + r.cell(0),
                    LineRange.of(context));
            reader.open(new ExecutionContext());
            String s;
            while ((s = reader.read()) != null) {
                seen.add(s);
            }
            reader.close();
        }
        List<String> expected = new ArrayList<>();
        long line = 1;
        for (int i = 1; i <= 10_000; i++) {
            expected.add(++line + ":" + i);
            if (i % 250 == 0) {
                line++;
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void givesASmallFileOnePartition() throws IOException {
        Path f = file(100);
        assertThat(partitioner(f, 1 << 20).ranges(4)).containsExactly(LineRange.WHOLE_FILE);
    }
}
