package org.mineralsetl.usgs;

import org.mineralsetl.support.BadFileException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a MCS salient table turned into (measure, detail, unit), by the words of ref.usgs_measure_word
 * and the unit codes of ref.usgs_unit: {@code Imports_Ore_t}, {@code Consump_Apparent_kt}, product-prefixed
 * {@code Bauxite_Mine_kt} / {@code Alumina_Refinery_kt} (the product leads the detail), units glued to the last
 * word ({@code USprod_Minet}, {@code NIR_Refinedpct}). A column whose name is wrong is read as
 * ref.usgs_column_override says (another name from the release's metadata, or the unit), by its occurrence for
 * names given twice, also a column under no name (a file whose values sit one column right of their header). A
 * column none of these explains is an {@link Unknown}: refused alone, the others load. Cells under no name that no
 * override reads are {@code unnamed}: the processor rejects the ones that hold something.
 */
record UsgsSalientLayout(int yearColumn, List<Column> columns, List<Unknown> unknown, List<Integer> unnamed) {

    record Column(int index, String name, String measure, String detail, String unit, String originalUnit,
                  BigDecimal factor) {
    }

    /** A column that is not loaded, and why. */
    record Unknown(int index, String name, String reason) {
    }

    /** Columns that say where a row belongs, not a statistic. */
    private static final Set<String> IDENTIFIERS = Set.of("datasource", "source", "commodity", "year");

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
        List<Unknown> unknown = new ArrayList<>();
        List<Integer> unnamed = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (IDENTIFIERS.contains(name.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int occurrence = occurrences.merge(name, 1, Integer::sum);
            UsgsRules.ColumnOverride override = rules.override(slug, name, occurrence).orElse(null);
            if (name.isBlank() && (override == null || override.readAs() == null)) {
                unnamed.add(i);
                continue;
            }
            String readAs = override != null && override.readAs() != null ? override.readAs() : name;
            String unitOverride = override == null ? null : override.unit();
            try {
                columns.add(column(i, name, readAs, unitOverride, rules));
            } catch (IllegalArgumentException e) {
                unknown.add(new Unknown(i, name, e.getMessage()));
            }
        }
        if (columns.isEmpty()) {
            throw new BadFileException(fileName + ": no salient statistics columns (USprod_*, Imports_*, NIR_pct, ...) in the header"
                    + (unknown.isEmpty() ? "" : ": " + unknown.get(0).reason()));
        }
        return new UsgsSalientLayout(year, List.copyOf(columns), List.copyOf(unknown), List.copyOf(unnamed));
    }

    private static Column column(int index, String name, String readAs, String unitOverride, UsgsRules rules) {
        List<String> tokens = new ArrayList<>(List.of(readAs.strip().split("[_,]", -1)).stream().map(String::strip).toList());
        int m = -1;
        for (int k = 0; k < tokens.size() && m < 0; k++) {
            if (rules.measureWord(tokens.get(k).strip()).isPresent()) {
                m = k;
            }
        }
        if (m < 0) {
            throw new IllegalArgumentException("column " + name + ": no word of ref.usgs_measure_word (USprod, Imports, Consump, Price, NIR, ...)"
                    + " names its measure; its values are not loaded: add the word, or the column to ref.usgs_column_override");
        }
        UsgsRules.MeasureWord word = rules.measureWord(tokens.get(m).strip()).get();
        List<String> detail = new ArrayList<>(tokens.subList(0, m));
        if (word.detail() != null) {
            detail.add(word.detail());
        }
        List<String> rest = new ArrayList<>(tokens.subList(m + 1, tokens.size()));
        String code = null;
        if (unitOverride != null) {
            if (!rest.isEmpty()) {
                rest.remove(rest.size() - 1); // the (mislabelled or missing) unit word: NIR_ct, Employment_um, Stocks_
            }
            code = unitOverride;
        } else if (!rest.isEmpty()) {
            String last = rest.get(rest.size() - 1).strip();
            if (rules.unit(last).isPresent()) {
                code = last;
                rest.remove(rest.size() - 1);
            } else {
                for (String suffix : rules.unitCodesLongestFirst()) {
                    // the longest code that fits the measure: Consump_Reportedt is tonnes, not dollars per tonne
                    if (last.length() > suffix.length() + 1 && last.toLowerCase(Locale.ROOT).endsWith(suffix)
                            && fits(word.measure(), rules.unit(suffix).orElseThrow()) == null) {
                        code = suffix;
                        rest.set(rest.size() - 1, last.substring(0, last.length() - suffix.length()));
                        break;
                    }
                }
            }
        }
        detail.addAll(rest);
        if (word.measure().equals("nir_pct")) {
            code = "pct";
        } else if (word.measure().equals("employment")) {
            code = "num";
        }
        if (code == null) {
            throw new IllegalArgumentException("column " + name + ": no unit of ref.usgs_unit in its name; its values are not loaded:"
                    + " add its unit to ref.usgs_column_override with the evidence");
        }
        String unitCode = code;
        UsgsRules.Unit unit = rules.unit(unitCode).orElseThrow(() -> new IllegalArgumentException(
                "column " + name + ": unit '" + unitCode + "' is not in ref.usgs_unit; its values are not loaded"));
        String fit = fits(word.measure(), unit);
        if (fit != null) {
            throw new IllegalArgumentException("column " + name + ": " + fit + "; its values are not loaded:"
                    + " add the column to ref.usgs_column_override with the evidence");
        }
        String detailText = String.join("_", detail).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return new Column(index, name, word.measure(), detailText, unit.unit(), unit.code(), unit.factor());
    }

    /** Null when a measure may be given in the unit, else why not (a price in tonnes is a misread name). */
    private static String fits(String measure, UsgsRules.Unit unit) {
        boolean price = unit.kind().equals("price") || unit.kind().equals("index") || unit.kind().equals("none");
        return switch (measure) {
            case "price" -> price ? null : "a price in " + unit.code() + " (" + unit.kind() + ")";
            case "nir_pct" -> unit.kind().equals("percent") ? null : "net import reliance in " + unit.code();
            case "employment" -> unit.kind().equals("count") ? null : "employment in " + unit.code();
            default -> price ? measure + " in a price unit " + unit.code() : null;
        };
    }
}
