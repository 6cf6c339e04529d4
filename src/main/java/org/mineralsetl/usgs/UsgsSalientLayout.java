package org.mineralsetl.usgs;

import org.mineralsetl.support.BadFileException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a MCS salient table turned into (measure, detail, unit): {@code Imports_Ore_t},
 * {@code Consump_Apparent_kt}, and the real broken headers: tungsten's missing underscores
 * ({@code USprod_Minet}, {@code NIR_ct}), nickel's duplicated {@code Price_dt dlb (both used)} (first $/t,
 * then $/lb), rare earths' {@code NIR_*_t} percents, gallium's {@code _g} kilograms (ref.usgs_column_override).
 */
record UsgsSalientLayout(int yearColumn, List<Column> columns) {

    record Column(int index, String name, String measure, String detail, String unit, String originalUnit,
                  BigDecimal factor) {
    }

    private record Unit(String canonical, BigDecimal factor) {
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("t", new Unit("t", BigDecimal.ONE)),
            Map.entry("kt", new Unit("t", new BigDecimal("1000"))),
            Map.entry("kg", new Unit("t", new BigDecimal("0.001"))),
            Map.entry("g", new Unit("t", new BigDecimal("0.000001"))),
            Map.entry("pct", new Unit("pct", BigDecimal.ONE)),
            Map.entry("num", new Unit("count", BigDecimal.ONE)),
            Map.entry("count", new Unit("count", BigDecimal.ONE)),
            Map.entry("dt", new Unit("usd_per_t", BigDecimal.ONE)),
            Map.entry("dkg", new Unit("usd_per_kg", BigDecimal.ONE)),
            Map.entry("dlb", new Unit("usd_per_lb", BigDecimal.ONE)),
            Map.entry("dto", new Unit("usd_per_troy_oz", BigDecimal.ONE)));

    /** Unit suffixes glued to the last word (tungsten: Minet, Primarykg), longest first. */
    private static final List<String> SUFFIXES = List.of("dkg", "dlb", "dto", "pct", "num", "dt", "kt", "kg", "t", "g");

    private static final Map<String, String> MEASURES = Map.of(
            "usprod", "production", "imports", "imports", "exports", "exports", "consump", "consumption",
            "price", "price", "stocks", "stocks", "shipments", "shipments", "employment", "employment",
            "nir", "nir_pct");

    static UsgsSalientLayout of(String fileName, String slug, List<String> header, UsgsRules rules) {
        if (UsgsWorldLayout.indexOf(header, "Country") >= 0 && UsgsWorldLayout.indexOf(header, "Type") >= 0) {
            throw new BadFileException(fileName + " is named as US salient statistics but holds a world production table (columns "
                    + String.join(", ", header.stream().filter(h -> !h.isEmpty()).toList())
                    + "); refused so that its differently labelled years do not mix with the world file's; load the world table from the "
                    + fileName.replace("_salient", "_world") + " file with: jobs/etl import usgs-world");
        }
        int year = UsgsWorldLayout.indexOf(header, "Year");
        if (year < 0 || UsgsWorldLayout.indexOf(header, "Commodity") < 0) {
            throw new BadFileException(fileName + ": not a USGS MCS salient table (no Commodity and Year columns in the header: "
                    + String.join(", ", header) + ")");
        }
        Map<String, Integer> occurrences = new HashMap<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            int underscore = name.indexOf('_');
            String prefix = (underscore < 0 ? name : name.substring(0, underscore)).toLowerCase(Locale.ROOT);
            String measure = MEASURES.get(prefix);
            if (measure == null) {
                continue;
            }
            int occurrence = occurrences.merge(name, 1, Integer::sum);
            columns.add(column(fileName, slug, i, name, measure, underscore < 0 ? "" : name.substring(underscore + 1),
                    occurrence, rules));
        }
        if (columns.isEmpty()) {
            throw new BadFileException(fileName + ": no salient statistics columns (USprod_*, Imports_*, NIR_pct, ...) in the header");
        }
        return new UsgsSalientLayout(year, List.copyOf(columns));
    }

    private static Column column(String fileName, String slug, int index, String name, String measure, String rest,
                                 int occurrence, UsgsRules rules) {
        String detail;
        String unit;
        String both = "(both used)";
        if (rest.contains(both)) {
            // e.g. "dt dlb (both used)" twice: the first column is in the first unit, the second in the second
            String[] units = rest.replace(both, "").strip().split("\\s+");
            detail = "";
            unit = units[Math.min(occurrence, units.length) - 1].toLowerCase(Locale.ROOT);
        } else {
            List<String> tokens = new ArrayList<>(List.of(rest.split("_", -1)));
            String last = tokens.remove(tokens.size() - 1).toLowerCase(Locale.ROOT);
            unit = null;
            if (rules.unitOverride(slug, name).isPresent()) {
                // the last word is the (mislabelled) unit: NIR_ct, Employment_um, Stocks_
                unit = last;
            } else if (UNITS.containsKey(last)) {
                unit = last;
            } else {
                for (String suffix : SUFFIXES) {
                    if (last.length() > suffix.length() && last.endsWith(suffix)) {
                        unit = suffix;
                        tokens.add(last.substring(0, last.length() - suffix.length()));
                        break;
                    }
                }
                if (unit == null && !last.isEmpty()) {
                    tokens.add(last);
                }
            }
            detail = String.join("_", tokens).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                    .replaceAll("^_|_$", "");
        }
        String override = rules.unitOverride(slug, name).orElse(null);
        if (override != null) {
            unit = override;
        } else if (measure.equals("nir_pct")) {
            unit = "pct";
        } else if (measure.equals("employment")) {
            unit = "count";
        }
        Unit u = unit == null ? null : UNITS.get(unit);
        if (u == null) {
            throw new BadFileException(fileName + ": column " + name + " has no known unit (t, kt, kg, pct, dt, dkg, dlb, dto, num);"
                    + " add its unit to ref.usgs_column_override");
        }
        return new Column(index, name, measure, detail, u.canonical(), unit, u.factor());
    }
}
