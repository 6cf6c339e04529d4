package org.mineralsetl.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a stockpile-budget run is launched with: the budget in USD and its allocation, {@code equal},
 * {@code by-import-reliance} or {@code file} (then the shares in percent by commodity, and the file's name and
 * SHA-256 so that the run names what it read).
 */
public record StockpileParameters(BigDecimal budgetUsd, String allocation, Map<String, BigDecimal> shares, String file,
                                  String sha256, String name) {

    public StockpileParameters {
        shares = shares == null ? Map.of() : new LinkedHashMap<>(shares);
    }
}
