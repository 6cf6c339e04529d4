package org.mineralsetl.usgs;

import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.Names;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.ProductionRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a MCS world table to its production, reserves and capacity values: a pure function of the
 * row, given the layout, the USGS rules and the country aliases loaded when the step starts.
 */
class UsgsWorldItemProcessor implements ItemProcessor<CsvRecord, Processed<ProductionRow>> {

    static final String SOURCE = "usgs_mcs";
    /** The line of a file's first row: where the rejects of its refused columns are written, once. */
    static final long FIRST_DATA_LINE = 2;
    private static final Pattern ESTIMATED_IN = Pattern.compile("(?i)estimated in (\\d{4})");

    private final UsgsFileName file;
    private final UsgsRules rules;
    private final CountryResolver countries;
    private UsgsWorldLayout layout;

    UsgsWorldItemProcessor(UsgsFileName file, UsgsRules rules, CountryResolver countries) {
        this.file = file;
        this.rules = rules;
        this.countries = countries;
    }

    @Override
    public Processed<ProductionRow> process(CsvRecord record) {
        if (layout == null) {
            layout = UsgsWorldLayout.of(record.file().getFileName().toString(), file.slug(), record.header(), rules);
        }
        List<RejectRow> rejects = new ArrayList<>();
        if (record.lineNumber() == FIRST_DATA_LINE) {
            for (UsgsSalientLayout.Unknown u : layout.unknown()) {
                rejects.add(columnReject(u.name(), u.reason()));
            }
        }
        String printed = record.cell(layout.countryColumn());
        Optional<UsgsEntity> entity = UsgsEntity.resolve(printed, countries);
        if (entity.isEmpty()) {
            rejects.add(new RejectRow(null, record.lineNumber(), "Country", record.rawText(),
                    "unknown country '" + Names.strip(printed) + "': add the name to ref.country_alias"));
            return new Processed<>(List.of(), rejects);
        }
        UsgsEntity unit = entity.get();
        String type = Names.strip(record.cell(layout.typeColumn()));
        String extra = extraCells(record);
        List<ProductionRow> rows = new ArrayList<>();
        for (UsgsWorldLayout.ValueColumn column : layout.values()) {
            Optional<UsgsCell> parsed;
            try {
                parsed = UsgsCell.parse(record.cell(column.index()));
            } catch (IllegalArgumentException e) {
                rejects.add(new RejectRow(null, record.lineNumber(), column.name(), record.rawText(),
                        "column " + column.name() + ": " + e.getMessage()));
                continue;
            }
            if (parsed.isEmpty()) {
                continue;
            }
            UsgsCell cell = parsed.get();
            // the rules read the Type text and the country's own qualifier: "United States (from Cliffside Field)"
            UsgsRules.Target target = rules.target(file.slug(),
                    unit.detail() == null ? type : type + " (" + unit.detail() + ")", column.detail());
            int year = column.year() != null ? column.year() : file.editionYear() - 1;
            String measure = target.measure() != null ? target.measure() : column.measure();
            String note = note(record, layout, column.measure(), extra);
            boolean estimate = column.estimate() || cell.estimate() || unit.estimateMarked()
                    || estimatedByNote(note, column.measure(), year);
            String detail = join(unit.detail(), column.detail().isEmpty() ? null : column.detail());
            rows.add(new ProductionRow(SOURCE, file.edition(), target.commodity(), target.stage(), measure,
                    unit.kind(), unit.iso3(), unit.label(), year,
                    tonnes(cell.value(), column.toTonnes()), cell.value(), cell.text(), column.unit(), cell.qualifier(),
                    tonnes(cell.lowerBound(), column.toTonnes()), tonnes(cell.upperBound(), column.toTonnes()),
                    estimate, target.basis(), detail, note, null, record.lineNumber(), column.name()));
        }
        return new Processed<>(rows, rejects);
    }

    static BigDecimal tonnes(BigDecimal value, BigDecimal factor) {
        return value == null || factor == null ? null : value.multiply(factor).stripTrailingZeros();
    }

    /**
     * A column refused alone, on the header's row 0: its values are not loaded, the file's other columns are; a
     * reject of row 0 names a column, not a row, and does not count against the reject threshold.
     */
    static RejectRow columnReject(String column, String reason) {
        return new RejectRow(null, 0, column, column, reason);
    }

    private static boolean estimatedByNote(String note, String measure, int year) {
        if (note == null) {
            return false;
        }
        Matcher m = ESTIMATED_IN.matcher(note);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == year) {
                return true;
            }
        }
        String n = note.strip().toLowerCase(Locale.ROOT);
        return n.equals("estimated") || n.equals("estimated.");
    }

    private static String note(CsvRecord record, UsgsWorldLayout layout, String measure, String extra) {
        Integer idx = layout.notes().get(measure);
        String note = idx == null ? null : blankToNull(Names.strip(record.cell(idx)));
        if (extra != null && measure.equals(layout.lastMeasure())) {
            note = join(note, "unlabelled cell after the last column: " + extra);
        }
        return note;
    }

    /** Text in cells beyond the header (some world-total rows spill a note there); kept, never dropped. */
    private static String extraCells(CsvRecord record) {
        List<String> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = record.header().size(); i < record.cells().length; i++) {
            String c = blankToNull(Names.strip(record.cell(i)));
            if (c != null && seen.add(c)) {
                parts.add(c);
            }
        }
        return parts.isEmpty() ? null : String.join(" | ", parts);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
