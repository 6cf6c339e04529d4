package org.mineralsetl.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelimitedLineItemReaderTests {

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        Path f = dir.resolve("f.csv");
        Files.write(f, bytes);
        return f;
    }

    /** Each record as "line:cell|cell|...". */
    private static List<String> read(Path f, ExecutionContext ctx, int max) throws Exception {
        List<String> header = new ArrayList<>();
        var reader = new DelimitedLineItemReader<>("r", f, header::addAll,
                r -> r.lineNumber() + ":" + String.join("|", r.cells()));
        reader.open(ctx);
        List<String> out = new ArrayList<>();
        String s;
        while (out.size() < max && (s = reader.read()) != null) {
            out.add(s);
        }
        reader.update(ctx);
        reader.close();
        out.add(0, "header:" + String.join("|", header));
        return out;
    }

    @Test
    void splitsCrlfLinesSkipsBlankOnesAndKeepsFileLineNumbers() throws Exception {
        Path f = file("\uFEFFt, i ,\"k\"\r\n2022,4,\"010121\"\r\n\r\n   \n2022, 8 ,\n2022,12,x".getBytes("UTF-8"));
        assertThat(read(f, new ExecutionContext(), Integer.MAX_VALUE)).containsExactly(
                "header:t|i|k", "2:2022|4|010121", "5:2022|8|", "6:2022|12|x");
    }

    @Test
    void decodesLinesThatAreNotAsciiAsUtf8() throws Exception {
        Path f = file("a,b\n1,Côte d’Ivoire\n2,x\n".getBytes("UTF-8"));
        assertThat(read(f, new ExecutionContext(), Integer.MAX_VALUE))
                .containsExactly("header:a|b", "2:1|Côte d’Ivoire", "3:2|x");
    }

    @Test
    void failsTheFileNamingTheLineThatIsNotUtf8() throws Exception {
        byte[] latin1 = "a,b\n1,x\n2,C\u00f4te\n".getBytes("ISO-8859-1");
        Path f = file(latin1);
        assertThatThrownBy(() -> read(f, new ExecutionContext(), Integer.MAX_VALUE))
                .isInstanceOf(BadFileException.class)
                .hasMessage("f.csv: not UTF-8 text near line 3");
    }

    @Test
    void readsLinesLongerThanItsBuffer() throws Exception {
        String wide = "y".repeat(200_000);
        Path f = file(("a,b\n1," + wide + "\n2,z\n").getBytes("UTF-8"));
        List<String> rows = read(f, new ExecutionContext(), Integer.MAX_VALUE);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isEqualTo("2:1|" + wide);
        assertThat(rows.get(2)).isEqualTo("3:2|z");
    }

    @Test
    void restartsAfterTheRecordsAlreadyRead() throws Exception {
        StringBuilder sb = new StringBuilder("a\n");
        for (int i = 1; i <= 50_000; i++) {
            sb.append(i).append(i % 1000 == 0 ? "\n\n" : "\n");
        }
        Path f = file(sb.toString().getBytes("UTF-8"));
        ExecutionContext ctx = new ExecutionContext();
        List<String> first = read(f, ctx, 30_000);
        List<String> rest = read(f, ctx, Integer.MAX_VALUE);
        assertThat(first.get(first.size() - 1)).isEqualTo("30030:30000");
        // 29 blank lines before record 30,000, 30 before 30,001
        assertThat(rest.get(1)).isEqualTo("30032:30001");
        assertThat(rest).hasSize(20_001).endsWith("50050:50000");
    }

    @Test
    void dropsDoubledCarriageReturnsAndSkipsUnicodeBlankLines() throws Exception {
        Path f = file("a,b\r\r\n1,2\r\r\n\u3000\n\u001F \n3,4".getBytes("UTF-8"));
        assertThat(read(f, new ExecutionContext(), Integer.MAX_VALUE)).containsExactly("header:a|b", "2:1|2", "5:3|4");
    }

    @Test
    void decodesACharacterSplitAcrossTheBufferBoundary() throws Exception {
        // "é" (two bytes) starts at byte 65,535: its line is only whole after the buffer is refilled
        String head = "a,b\n";
        String pad = "x".repeat(65_535 - head.length() - 2);
        Path f = file((head + "1," + pad + "é\n2,z\n").getBytes("UTF-8"));
        List<String> rows = read(f, new ExecutionContext(), Integer.MAX_VALUE);
        assertThat(rows.get(1)).isEqualTo("2:1|" + pad + "é");
        assertThat(rows.get(2)).isEqualTo("3:2|z");
    }

    @Test
    void readsCellsInPlaceAsTheirStringsRead() throws Exception {
        Path f = file("t,v,q\n2022, \"12.5\" ,\n2022,7,NA\n".getBytes("UTF-8"));
        var reader = new DelimitedLineItemReader<>("r", f, h -> { }, r -> r);
        reader.open(new ExecutionContext());
        CsvRecord first = reader.read();
        CsvRecord second = reader.read();
        reader.close();
        assertThat(first.size()).isEqualTo(3);
        for (CsvRecord r : List.of(first, second)) {
            for (int i = 0; i < 4; i++) {
                assertThat(r.cell(i).contentEquals(r.text(i))).as(r + " cell " + i).isTrue();
                assertThat(r.text(i).toString()).isEqualTo(r.cell(i));
            }
        }
        assertThat(first.cells()).containsExactly("2022", "12.5", "");
        assertThat(second.text(2).subSequence(0, 1).toString()).isEqualTo("N");
        assertThat(second.rawText()).isEqualTo("2022,7,NA");
    }

    @Test
    void restartsInsideALineRangeWithTheFileLineNumbers() throws Exception {
        String text = "a\n1\n2\n3\n4\n5\n6\n";
        Path f = file(text.getBytes("UTF-8"));
        // lines 4 to 6 of the file (records 3, 4, 5)
        LineRange range = new LineRange(text.indexOf("3\n"), text.indexOf("6\n"), 4);
        ExecutionContext ctx = new ExecutionContext();
        List<String> got = new ArrayList<>();
        for (int max : new int[]{2, Integer.MAX_VALUE}) {
            var reader = new DelimitedLineItemReader<>("r", f, h -> assertThat(h).containsExactly("a"),
                    r -> r.lineNumber() + ":" + r.cell(0), range);
            reader.open(ctx);
            String s;
            int n = 0;
            while (n < max && (s = reader.read()) != null) {
                got.add(s);
                n++;
            }
            reader.update(ctx);
            reader.close();
        }
        assertThat(got).containsExactly("4:3", "5:4", "6:5");
    }
}
