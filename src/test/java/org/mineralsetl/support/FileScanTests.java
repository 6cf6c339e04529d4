package org.mineralsetl.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FileScanTests {

    @TempDir
    Path dir;

    @Test
    void takesTheSha256AndLineStartsNearEachSixtyFourthInOnePass() throws Exception {
        StringBuilder sb = new StringBuilder("h\r\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("row ").append(i).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Path f = dir.resolve("f.csv");
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(f);
        FileScan scan = FileScan.of(f);
        assertThat(scan.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(scan.size()).isEqualTo(bytes.length);
        assertThat(scan.lineStarts()).hasSizeBetween(FileScan.CUTS - 2, FileScan.CUTS - 1);
        for (FileScan.LineStart s : scan.lineStarts()) {
            assertThat(bytes[(int) s.offset() - 1]).isEqualTo((byte) '\n');
            long breaks = 0;
            for (int b = 0; b < s.offset(); b++) {
                breaks += bytes[b] == '\n' ? 1 : 0;
            }
            assertThat(s.line()).isEqualTo(breaks + 1);
        }
        assertThat(FileScan.parseLineIndex(scan.lineIndex())).isEqualTo(scan.lineStarts());
    }
}
