package org.mineralsetl.comtrade;

import org.mineralsetl.support.CsvItemReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Recognises Comtrade files by their first line, whatever their name: v1 starts with typeCode, legacy with Classification. */
final class ComtradeFiles {

    static final String V1 = "v1";
    static final String LEGACY = "legacy";

    private ComtradeFiles() {
    }

    static boolean isV1(Path file) {
        String first = firstLine(file);
        return first.startsWith("typecode,") && first.contains("cmdcode");
    }

    static boolean isLegacy(Path file) {
        String first = firstLine(file);
        return first.startsWith("classification,") && first.contains("trade flow code");
    }

    static String inspectV1(Path file) {
        ComtradeLayout.v1(file.getFileName().toString(), CsvItemReader.readHeader(file));
        return V1;
    }

    static String inspectLegacy(Path file) {
        ComtradeLayout.legacy(file.getFileName().toString(), CsvItemReader.readHeader(file));
        return LEGACY;
    }

    private static String firstLine(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") || !Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            if (head.startsWith("\uFEFF")) {
                head = head.substring(1);
            }
            int end = head.indexOf('\n');
            return (end < 0 ? head : head.substring(0, end)).strip().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }
}
