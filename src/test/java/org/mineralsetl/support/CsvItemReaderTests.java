package org.mineralsetl.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvItemReaderTests {

    @TempDir
    Path dir;

    private static long readAll(Path f) throws Exception {
        CsvItemReader<CsvRecord> reader = new CsvItemReader<>("test", f, h -> { }, r -> r);
        reader.open(new ExecutionContext());
        try {
            long n = 0;
            while (reader.read() != null) {
                n++;
            }
            return n;
        } finally {
            reader.close();
        }
    }

    @Test
    void aQuoteLeftOpenFailsTheFileNamingItAndTheLine() throws Exception {
        Path f = dir.resolve("open-quote.csv");
        Files.writeString(f, "a,b\n1,2\n3,\"never closed\n4,5\n");
        assertThatThrownBy(() -> readAll(f)).isInstanceOf(BadFileException.class)
                .hasMessageContaining("open-quote.csv: line 3 is not valid CSV");
    }

    @Test
    void readsQuotedCellsWithCommasAndLineBreaks() throws Exception {
        Path f = dir.resolve("ok.csv");
        Files.writeString(f, "a,b\n1,\"x, y\"\n2,\"two\nlines\"\n");
        assertThat(readAll(f)).isEqualTo(2);
    }
}
