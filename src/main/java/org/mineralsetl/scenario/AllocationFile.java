package org.mineralsetl.scenario;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An allocation file of a stockpile budget: CSV {@code commodity,share_pct} with that header, one commodity a line.
 * A line that cannot be read is an error naming the line, never skipped: a budget must not lose a share silently.
 */
public final class AllocationFile {

    private AllocationFile() {
    }

    public static StockpileParameters read(Path file, BigDecimal budgetUsd, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).equals("commodity,share_pct")) {
            throw new IllegalArgumentException(file + ": the first line must be the header commodity,share_pct");
        }
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected commodity,share_pct, got '" + line + "'");
            }
            String commodity = cells[0].strip();
            BigDecimal share;
            try {
                share = new BigDecimal(cells[1].strip().replace("%", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": share_pct is not a number: '" + cells[1] + "'");
            }
            if (share.signum() < 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": share_pct is negative");
            }
            if (shares.put(commodity, share) != null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + commodity + " is listed twice");
            }
            total = total.add(share);
        }
        if (shares.isEmpty()) {
            throw new IllegalArgumentException(file + ": no commodity listed");
        }
        if (total.compareTo(new BigDecimal("100.0001")) > 0) {
            throw new IllegalArgumentException(file + ": the shares add up to " + total.toPlainString() + " %, more than 100");
        }
        return new StockpileParameters(budgetUsd, "file", shares, file.getFileName().toString(), sha256(bytes), name);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
