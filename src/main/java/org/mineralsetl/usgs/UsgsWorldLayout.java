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
 * The columns of a MCS world table, read from the header whatever the edition: years and units live in
 * the names ({@code Prod_t_2022}, {@code Prod_kg_est_2023}, {@code Prod_Sponge_t_Est_2022},
 * {@code Cap_kg_2023}, {@code Reserves_kt}, {@code Reserves_ore_K2O_equiv_kt}), unit codes in ref.usgs_unit;
 * notes sit in {@code Prod_notes}/{@code Prod_note}, {@code Reserves_notes}, {@code Cap_notes}. The type column
 * is {@code Type}, or the column after Country when the release names it after its text
 * ({@code Mine production, fluorspar}). A column none of this explains is an {@link UsgsSalientLayout.Unknown}:
 * refused alone, the others load.
 */
record UsgsWorldLayout(int countryColumn, int typeColumn, List<ValueColumn> values, Map<String, Integer> notes,
                       String lastMeasure, List<UsgsSalientLayout.Unknown> unknown) {

    /**
     * A column of numbers: production, reserves or capacity, with its unit code, the factor to tonnes (null for
     * a unit that is not a mass: helium's million cubic metres stay as published), year and estimate flag.
     */
    record ValueColumn(int index, String name, String measure, String detail, String unit, BigDecimal toTonnes,
                       boolean estimate, Integer year) {
    }

    private static final Map<String, String> MEASURES = Map.of(
            "prod", "production", "reserves", "reserves", "cap", "capacity");

    private static final Set<String> IDENTIFIERS = Set.of("source", "datasource", "country");

    static UsgsWorldLayout of(String fileName, String slug, List<String> header, UsgsRules rules) {
        int country = indexOf(header, "Country");
        int type = indexOf(header, "Type");
        if (indexOf(header, "Commodity") >= 0 && indexOf(header, "Year") >= 0 && country < 0) {
            throw new BadFileException(fileName + " holds US salient statistics (columns "
                    + String.join(", ", header.subList(0, Math.min(4, header.size())))
                    + ", ...), not a world table; import it with: jobs/etl import usgs-salient " + fileName);
        }
        if (type < 0 && country >= 0 && country + 1 < header.size() && !header.get(country + 1).isBlank()
                && !MEASURES.containsKey(header.get(country + 1).split("_")[0].toLowerCase(Locale.ROOT))) {
            type = country + 1; // the type column named after its text: "Mine production, fluorspar"
        }
        if (country < 0 || type < 0) {
            throw new BadFileException(fileName + ": not a USGS MCS world table (no Country and Type columns in the header: "
                    + String.join(", ", header) + ")");
        }
        List<ValueColumn> values = new ArrayList<>();
        List<UsgsSalientLayout.Unknown> unknown = new ArrayList<>();
        Map<String, Integer> notes = new HashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        String lastMeasure = null;
        for (int i = 0; i < header.size(); i++) {
            String published = header.get(i);
            if (published.isBlank() || i == type || IDENTIFIERS.contains(published.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int occurrence = occurrences.merge(published, 1, Integer::sum);
            UsgsRules.ColumnOverride override = rules.override(slug, published, occurrence).orElse(null);
            String name = override != null && override.readAs() != null ? override.readAs() : published;
            String[] tokens = name.strip().split("_");
            String measure = MEASURES.get(tokens[0].toLowerCase(Locale.ROOT));
            if (measure == null) {
                unknown.add(new UsgsSalientLayout.Unknown(i, published, "column " + published
                        + ": not a production, reserves or capacity column (Prod_*, Reserves_*, Cap_*) nor a note; its values are not loaded"));
                continue;
            }
            lastMeasure = measure;
            String last = tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
            if (tokens.length == 2 && (last.equals("notes") || last.equals("note"))) {
                notes.put(measure, i);
                continue;
            }
            String unit = override == null ? null : override.unit();
            boolean estimate = false;
            Integer year = null;
            List<String> detail = new ArrayList<>();
            for (int k = 1; k < tokens.length; k++) {
                String tok = tokens[k];
                String low = tok.toLowerCase(Locale.ROOT);
                if (low.matches("(19|20)\\d{2}")) {
                    year = Integer.valueOf(low);
                } else if (low.equals("est")) {
                    estimate = true;
                } else if (unit == null && rules.unit(low).filter(UsgsWorldLayout::quantity).isPresent()) {
                    unit = low;
                } else if (override == null || override.unit() == null || rules.unit(low).isEmpty()) {
                    detail.add(tok);
                }
            }
            if (unit == null) {
                unknown.add(new UsgsSalientLayout.Unknown(i, published, "column " + published
                        + " has no unit of ref.usgs_unit (t, kt, kg, mct, ...) in its name; its values are not loaded:"
                        + " add its unit to ref.usgs_column_override with the evidence"));
                continue;
            }
            if (year == null && !measure.equals("reserves")) {
                unknown.add(new UsgsSalientLayout.Unknown(i, published, "column " + published
                        + " has no year in its name; its values are not loaded"));
                continue;
            }
            UsgsRules.Unit u = rules.unit(unit).orElseThrow();
            values.add(new ValueColumn(i, published, measure, String.join(" ", detail).toLowerCase(Locale.ROOT), u.code(),
                    u.unit().equals("t") ? u.factor() : null, estimate, year));
        }
        if (values.isEmpty()) {
            throw new BadFileException(fileName + ": no production, reserves or capacity columns (Prod_*, Reserves_*, Cap_*) in the header"
                    + (unknown.isEmpty() ? "" : ": " + unknown.get(0).reason()));
        }
        return new UsgsWorldLayout(country, type, List.copyOf(values), Map.copyOf(notes), lastMeasure, List.copyOf(unknown));
    }

    /** Units a world table's quantities may be in: masses, carats, volumes. */
    private static boolean quantity(UsgsRules.Unit unit) {
        return unit.kind().equals("mass") || unit.kind().equals("volume");
    }

    static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
