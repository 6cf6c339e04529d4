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
}
