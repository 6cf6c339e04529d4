package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.Decimals;
import org.mineralsetl.support.Names;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.support.SpreadsheetRecord;
import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.ProductionRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One workbook row to production facts, as its mapping says: the entity column or the sheet's name to a country
 * (or a world total, a residual, a part of a country), the sheet's name or the commodity column's label to a
 * commodity, each year column to a fact in tonnes, the note column to the estimate flag and qualifier. A pure
 * function of the row, given the mapping, the load's edition and the country aliases.
 */
class MappingItemProcessor implements ItemProcessor<SpreadsheetRecord, Processed<ProductionRow>> {

    static final String PART = "country part: ";
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final LayoutMapping mapping;
    private final String edition;
    private final CountryResolver countries;
    private final Codes codes;
    /** The columns of the header last seen: every row of a sheet shares its header. */
    private List<String> lastHeader;
    private SheetColumns lastColumns;

    /** A processor for the rows of one load, whose edition the prepare step read ({@link MappingEdition}). */
    MappingItemProcessor(LayoutMapping mapping, String edition, CountryResolver countries, Codes codes) {
        this.mapping = mapping;
        this.edition = edition;
        this.countries = countries;
        this.codes = codes;
    }

    /**
     * The commodity and stage codes of ref.commodity and ref.stage: a mapping naming a code the warehouse does not
     * know gives rejects that say so, instead of failing the merge on a foreign key.
     */
    record Codes(Set<String> commodities, Set<String> stages) {
        static Codes load(JdbcTemplate jdbc) {
            return new Codes(Set.copyOf(jdbc.queryForList("select commodity_code from ref.commodity", String.class)),
                    Set.copyOf(jdbc.queryForList("select stage_code from ref.stage", String.class)));
        }
    }

    /**
     * Where the mapping's columns are in one sheet's header (-1: absent, or not a column), and the names rejects
     * give them: the header text, or "sheet name" for an entity taken from the sheet.
     */
    record SheetColumns(int entity, String entityName, int commodity, String commodityName, int unit, String unitName,
                        int note, List<Integer> yearIndex, List<Integer> years, List<String> yearNames) {
    }

    private record Entity(String kind, String iso3, String detail) {
    }

    /** A sheet name or a cell as a label: trimmed, runs of blanks as one space. */
    static String label(String text) {
        return SPACES.matcher(Names.strip(text)).replaceAll(" ");
    }

    @Override
    public Processed<ProductionRow> process(SpreadsheetRecord r) {
        SheetColumns cols = columns(r.header());
        String label = label(mapping.sheets().entityFromName() ? r.sheet() : r.cell(cols.entity()));
        String commodityLabel = cols.commodity() < 0 ? null : label(r.cell(cols.commodity()));
        boolean anyValue = false;
        int years = cols.yearIndex().size();
        String[] yearTexts = new String[years];
        for (int k = 0; k < years; k++) {
            yearTexts[k] = Names.strip(r.cell(cols.yearIndex().get(k)));
            anyValue |= !yearTexts[k].isEmpty();
        }
        for (LayoutMapping.IgnoreRule rule : mapping.ignore()) {
            if ((rule.entity() != null && rule.entity().matcher(label).matches())
                    || (rule.commodity() != null && commodityLabel != null && rule.commodity().matcher(commodityLabel).matches())
                    || (rule.noValues() && !anyValue)) {
                return Processed.ignoredBecause(new RejectRow(r.sheet(), r.rowNumber(), null, r.rawText(), rule.reason()));
            }
        }
        if (!anyValue) {
            return reject(r, cols.entityName(), "no value in any year column, and no ignore rule of mapping "
                    + mapping.name() + " covers such rows");
        }
        if (label.isEmpty()) {
            return reject(r, cols.entityName(), "no " + cols.entityName() + " given for the values");
        }
        // the commodity: the sheet's name, or the label in the commodity column
        boolean fromSheet = commodityLabel == null;
        String commodityOf = fromSheet ? "sheet '" + r.sheet() + "'" : "commodity '" + commodityLabel + "'";
        String commodityColumn = fromSheet ? null : cols.commodityName();
        LayoutMapping.SheetTarget target = fromSheet
                ? mapping.sheets().commodities().get(label(r.sheet()))
                : mapping.commodityLabels().get(commodityLabel);
        if (target == null) {
            return reject(r, commodityColumn, fromSheet
                    ? commodityOf + " has no commodity in mapping " + mapping.name()
                    : commodityOf + " is not in the commodities of mapping " + mapping.name()
                            + ": add it there (label: commodity), or an ignore rule if it is out of scope");
        }
        String stage = target.stage() != null ? target.stage() : mapping.target().stage();
        if (!codes.commodities().contains(target.commodity()) || !codes.stages().contains(stage)) {
            return reject(r, commodityColumn, commodityOf + " maps to commodity '" + target.commodity() + "', stage '"
                    + stage + "' of mapping " + mapping.name() + ", not both in ref.commodity and ref.stage");
        }
        String unit = mapping.columns().fixedUnit() != null ? mapping.columns().fixedUnit() : Names.strip(r.cell(cols.unit()));
        BigDecimal toTonnes = mapping.unitsToTonnes().get(unit);
        if (toTonnes == null) {
            return reject(r, cols.unitName(), "unit '" + unit + "' has no conversion to tonnes in mapping "
                    + mapping.name() + " (units)");
        }
        Optional<Entity> resolved = entity(label);
        if (resolved.isEmpty()) {
            return reject(r, cols.entityName(), "unknown country '" + label + "'"
                    + (mapping.sheets().entityFromName() ? " (the sheet's name)" : "")
                    + ": add the name to ref.country_alias (or to the mapping's entities or country-parts)");
        }
        Entity entity = resolved.get();
        if (entity.kind() == null) {
            return reject(r, cols.entityName(), "'" + label + "' is an area of kind " + entity.detail()
                    + ", not a country, world total or residual");
        }
        String note = cols.note() < 0 ? null : blankToNull(Names.strip(r.cell(cols.note())));
        boolean noteEstimate = note != null && mapping.notes().estimate() != null
                && mapping.notes().estimate().matcher(note).find();
        String noteQualifier = note == null ? null : mapping.notes().qualifiers().get(note);
        List<ProductionRow> rows = new ArrayList<>();
        List<RejectRow> rejects = new ArrayList<>();
        LayoutMapping.Target t = mapping.target();
        for (int k = 0; k < cols.yearIndex().size(); k++) {
            String column = cols.yearNames().get(k);
            String text = yearTexts[k];
            if (text.isEmpty()) {
                continue;
            }
            BigDecimal value = null;
            String qualifier = noteQualifier;
            boolean estimate = noteEstimate;
            if (mapping.values().markers().containsKey(text)) {
                qualifier = mapping.values().markers().get(text);
            } else {
                String number = text;
                String suffix = mapping.values().estimateSuffix();
                if (suffix != null && number.endsWith(suffix) && number.length() > suffix.length()) {
                    number = number.substring(0, number.length() - suffix.length()).strip();
                    estimate = true;
                }
                if (mapping.values().thousandsSeparators() && (number.indexOf(',') >= 0 || number.indexOf(' ') >= 0)) {
                    number = number.replace(",", "").replace(" ", "");
                }
                value = Decimals.parse(number);
                if (value == null) {
                    rejects.add(new RejectRow(r.sheet(), r.rowNumber(), column, r.rawText(),
                            "column " + column + ": '" + text + "' is not a number"));
                    continue;
                }
                if (value.signum() < 0) {
                    rejects.add(new RejectRow(r.sheet(), r.rowNumber(), column, r.rawText(),
                            "column " + column + ": negative quantity " + text));
                    continue;
                }
            }
            BigDecimal tonnes = value == null ? null : value.multiply(toTonnes).stripTrailingZeros();
            rows.add(new ProductionRow(t.source(), edition, target.commodity(), stage, t.measure(), entity.kind(), entity.iso3(), label,
                    cols.years().get(k), tonnes, value, text, unit, qualifier, null, null, estimate, target.basis(),
                    entity.detail(), note, r.sheet(), r.rowNumber(), column));
        }
        return new Processed<>(rows, rejects);
    }

    private Optional<Entity> entity(String label) {
        for (LayoutMapping.EntityRule rule : mapping.entities()) {
            if (rule.label().matcher(label).matches()) {
                return Optional.of(new Entity(rule.kind(), null, null));
            }
        }
        String parent = mapping.countryParts().get(label);
        if (parent != null) {
            return countries.byName(parent).filter(CountryResolver.Target::isCountry)
                    .map(c -> new Entity("country", c.iso3(), PART + label));
        }
        return countries.byName(label).map(c -> {
            if (c.isCountry()) {
                return new Entity("country", c.iso3(), null);
            }
            return switch (c.areaKind()) {
                case "world" -> new Entity("world_total", null, null);
                case "residual" -> new Entity("residual", null, null);
                default -> new Entity(null, null, c.areaKind());
            };
        });
    }

    private SheetColumns columns(List<String> header) {
        if (header != lastHeader) {
            lastColumns = locate(header);
            lastHeader = header;
        }
        return lastColumns;
    }

    private SheetColumns locate(List<String> header) {
        LayoutMapping.Columns c = mapping.columns();
        List<Integer> idx = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (c.years().matcher(h).matches()) {
                Matcher m = YEAR.matcher(h);
                if (m.find()) {
                    idx.add(i);
                    years.add(Integer.parseInt(m.group(1)));
                    names.add(h);
                }
            }
        }
        return new SheetColumns(find(header, c.entity()), c.entity() == null ? "sheet name" : c.entity().describe(header),
                find(header, c.commodity()), c.commodity() == null ? null : c.commodity().describe(header),
                find(header, c.unit()), c.unit() == null ? null : c.unit().describe(header),
                find(header, c.note()), idx, years, names);
    }

    private static int find(List<String> header, ColumnRef column) {
        return column == null ? -1 : column.find(header);
    }

    private static Processed<ProductionRow> reject(SpreadsheetRecord r, String column, String reason) {
        return Processed.rejected(new RejectRow(r.sheet(), r.rowNumber(), column, r.rawText(), reason));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
