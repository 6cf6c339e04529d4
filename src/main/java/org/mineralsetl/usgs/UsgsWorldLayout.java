package org.mineralsetl.usgs;

import org.mineralsetl.support.BadFileException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a MCS world table, read from the header whatever the edition: years and units live in
 * the names ({@code Prod_t_2022}, {@code Prod_kg_est_2023}, {@code Prod_Sponge_t_Est_2022},
 * {@code Cap_kg_2023}, {@code Reserves_kt}), notes sit in {@code Prod_notes}/{@code Prod_note},
 * {@code Reserves_notes}, {@code Cap_notes}.
 */
record UsgsWorldLayout(int countryColumn, int typeColumn, List<ValueColumn> values, Map<String, Integer> notes,
                       String lastMeasure) {

    /** A column of numbers: production, reserves or capacity, with its unit, year and estimate flag. */
    record ValueColumn(int index, String name, String measure, String detail, String unit, BigDecimal toTonnes,
                       boolean estimate, Integer year) {
    }

    static final Map<String, BigDecimal> TONNES_PER_UNIT = Map.of(
            "t", BigDecimal.ONE,
            "kt", new BigDecimal("1000"),
            "kg", new BigDecimal("0.001"),
            "g", new BigDecimal("0.000001"));

    private static final Map<String, String> MEASURES = Map.of(
            "prod", "production", "reserves", "reserves", "cap", "capacity");

    static UsgsWorldLayout of(String fileName, List<String> header) {
        int country = indexOf(header, "Country");
        int type = indexOf(header, "Type");
        if (indexOf(header, "Commodity") >= 0 && indexOf(header, "Year") >= 0 && country < 0) {
            throw new BadFileException(fileName + " holds US salient statistics (columns "
                    + String.join(", ", header.subList(0, Math.min(4, header.size())))
                    + ", ...), not a world table; import it with: jobs/etl import usgs-salient " + fileName);
        }
        if (country < 0 || type < 0) {
            throw new BadFileException(fileName + ": not a USGS MCS world table (no Country and Type columns in the header: "
                    + String.join(", ", header) + ")");
        }
        List<ValueColumn> values = new ArrayList<>();
        Map<String, Integer> notes = new java.util.HashMap<>();
        String lastMeasure = null;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue;
            }
            String[] tokens = name.split("_");
            String measure = MEASURES.get(tokens[0].toLowerCase(Locale.ROOT));
            if (measure == null) {
                continue;
            }
            lastMeasure = measure;
            String last = tokens[tokens.length - 1].toLowerCase(Locale.ROOT);
            if (tokens.length == 2 && (last.equals("notes") || last.equals("note"))) {
                notes.put(measure, i);
                continue;
            }
            String unit = null;
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
                } else if (unit == null && TONNES_PER_UNIT.containsKey(low)) {
                    unit = low;
                } else {
                    detail.add(tok);
                }
            }
            if (unit == null) {
                throw new BadFileException(fileName + ": column " + name
                        + " has no unit (t, kt, kg or g) in its name, so its values cannot be converted to tonnes");
            }
            if (year == null && !measure.equals("reserves")) {
                throw new BadFileException(fileName + ": column " + name + " has no year in its name");
            }
            values.add(new ValueColumn(i, name, measure, String.join(" ", detail).toLowerCase(Locale.ROOT), unit,
                    TONNES_PER_UNIT.get(unit), estimate, year));
        }
        if (values.isEmpty()) {
            throw new BadFileException(fileName + ": no production, reserves or capacity columns (Prod_*, Reserves_*, Cap_*) in the header");
        }
        return new UsgsWorldLayout(country, type, List.copyOf(values), Map.copyOf(notes), lastMeasure);
    }

    static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
