package org.mineralsetl.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a supply-shock run is launched with: the exporters (ISO alpha-3 codes or ref.country_group codes) cut their
 * supply of the commodities by {@code cutPct} percent, at one stage (null: every stage), in one year (null: the
 * latest of each key).
 */
public record ShockParameters(List<String> commodities, List<String> exporters, BigDecimal cutPct, String stage,
                              Integer year, String name) {

    public ShockParameters {
        commodities = List.copyOf(commodities);
        exporters = List.copyOf(exporters);
    }
}
