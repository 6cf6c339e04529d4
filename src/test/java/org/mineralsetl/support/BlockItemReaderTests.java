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

import static org.assertj.core.api.Assertions.assertThat;

class BlockItemReaderTests {

    @TempDir
    Path dir;

    private Path file(int lines) throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 1; i <= lines; i++) {
            sb.append(i).append(",x\n");
        }
        Path f = dir.resolve("f.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static DelimitedLineItemReader<String> lines(Path f) {
        return new DelimitedLineItemReader<>("lines", f, h -> { }, r -> r.cell(0));
    }

    private static List<String> drain(BlockItemReader<String, List<String>> reader, int blocks, List<Integer> sizes) throws Exception {
        List<String> all = new ArrayList<>();
        List<String> block;
        int n = 0;
        while ((blocks < 0 || n < blocks) && (block = reader.read()) != null) {
            all.addAll(block);
            sizes.add(block.size());
            n++;
        }
        return all;
    }

    @Test
    void readsWholeBlocksAndALastPartialOneWithOrWithoutReadAhead() throws Exception {
        Path f = file(25);
        for (int prefetch : new int[]{0, 3}) {
            BlockItemReader<String, List<String>> reader = new BlockItemReader<>(lines(f), () -> r -> r, 10, prefetch);
            ExecutionContext ctx = new ExecutionContext();
            reader.open(ctx);
            List<Integer> sizes = new ArrayList<>();
            List<String> all = drain(reader, -1, sizes);
            assertThat(reader.read()).isNull();
            reader.update(ctx);
            reader.close();
            assertThat(sizes).containsExactly(10, 10, 5);
            assertThat(all).hasSize(25).startsWith("1", "2").endsWith("25");
            // 25 records and the one read that found the end, as the plain reader saves it
            assertThat(ctx.getInt("lines.read.count")).isEqualTo(26);
        }
    }

    @Test
    void savesTheRecordsHandedOutNotTheOnesReadAheadSoARestartResumesRightAfterThem() throws Exception {
        Path f = file(100);
        BlockItemReader<String, List<String>> reader = new BlockItemReader<>(lines(f), () -> r -> r, 10, 5);
        ExecutionContext ctx = new ExecutionContext();
        reader.open(ctx);
        List<String> first = drain(reader, 3, new ArrayList<>());
        Thread.sleep(100); // let the read-ahead run far past the three blocks handed out
        reader.update(ctx);
        reader.close();
        assertThat(first).hasSize(30).endsWith("30");
        assertThat(ctx.getInt("lines.read.count")).isEqualTo(30);

        BlockItemReader<String, List<String>> restarted = new BlockItemReader<>(lines(f), () -> r -> r, 10, 5);
        restarted.open(ctx);
        List<String> rest = drain(restarted, -1, new ArrayList<>());
        restarted.close();
        assertThat(rest).hasSize(70).startsWith("31").endsWith("100");
    }

    @Test
    void raisesAReadErrorWhereTheStepReachesIt() throws Exception {
        Path f = dir.resolve("bad.csv");
        StringBuilder good = new StringBuilder("a,b\n");
        for (int i = 1; i <= 20_000; i++) {
            good.append(i).append(",x\n");
        }
        byte[] head = good.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'0', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(f, all);
        BlockItemReader<String, List<String>> reader = new BlockItemReader<>(lines(f), () -> r -> r, 1000, 2);
        reader.open(new ExecutionContext());
        List<String> before = new ArrayList<>();
        Exception error = null;
        try {
            List<String> block;
            while ((block = reader.read()) != null) {
                before.addAll(block);
            }
        } catch (Exception e) {
            error = e;
        }
        assertThat(error).isInstanceOf(BadFileException.class).hasMessageContaining("not UTF-8");
        assertThat(before).isNotEmpty().hasSizeLessThan(20_001);
        assertThat(before.get(before.size() - 1)).isEqualTo(String.valueOf(before.size()));
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void raisesAProcessorThatCannotBeMadeWhereTheStepReadsWithOrWithoutReadAhead() throws Exception {
        Path f = file(25);
        for (int prefetch : new int[]{0, 3}) {
            BlockItemReader<String, List<String>> reader = new BlockItemReader<>(lines(f), () -> {
                throw new BadFileException("f.csv: the name lacks the year");
            }, 10, prefetch);
            reader.open(new ExecutionContext());
            Exception error = null;
            try {
                reader.read();
            } catch (Exception e) {
                error = e;
            }
            reader.close();
            assertThat(error).as("prefetch " + prefetch).isInstanceOf(BadFileException.class)
                    .hasMessage("f.csv: the name lacks the year");
        }
    }
}
