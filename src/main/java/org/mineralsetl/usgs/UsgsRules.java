package org.mineralsetl.usgs;

import org.mineralsetl.support.BadFileException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The USGS maps of ref.usgs_commodity, ref.usgs_type_rule, ref.usgs_unit, ref.usgs_measure_word and
 * ref.usgs_column_override, loaded once per step: which commodity, stage and basis a row holds, what the unit
 * and measure words of a column name mean, and how to read a column whose published name is wrong.
 */
final class UsgsRules {

    /** Where a world row goes; {@code measure} null keeps the column's measure. */
    record Target(String commodity, String stage, String basis, String measure) {
    }

    /** A unit code of column names: the unit values are stored in, the factor to it (null: no conversion). */
    record Unit(String code, String unit, BigDecimal factor, String kind) {
    }

    /** A word of a salient column name that names its measure ({@code USprod}, {@code Sold}, ...). */
    record MeasureWord(String measure, String detail) {
    }

    /** How to read one column of a slug's files: as another name, and/or in another unit. */
    record ColumnOverride(String readAs, String unit) {
    }

    private record Rule(Pattern type, Pattern columnDetail, Target target) {
    }

    private final Map<String, Target> defaults;
    private final Map<String, List<Rule>> rules;
    private final Map<String, Unit> units;
    private final Map<String, MeasureWord> measureWords;
    private final Map<String, ColumnOverride> overrides;

    UsgsRules(Map<String, Target> defaults, Map<String, List<Rule>> rules, Map<String, Unit> units,
              Map<String, MeasureWord> measureWords, Map<String, ColumnOverride> overrides) {
        this.defaults = defaults;
        this.rules = rules;
        this.units = units;
        this.measureWords = measureWords;
        this.overrides = overrides;
    }

    static UsgsRules load(JdbcTemplate jdbc) {
        Map<String, Target> defaults = new HashMap<>();
        jdbc.query("select slug, commodity_code, default_stage, default_basis from ref.usgs_commodity",
                rs -> {
                    defaults.put(rs.getString(1), new Target(rs.getString(2), rs.getString(3), rs.getString(4), null));
                });
        Map<String, List<Rule>> rules = new HashMap<>();
        jdbc.query("""
                select slug, type_pattern, column_detail_pattern, commodity_code, stage_code, basis, measure
                from ref.usgs_type_rule order by slug, priority""", rs -> {
            rules.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Rule(
                    Pattern.compile(rs.getString(2), Pattern.CASE_INSENSITIVE),
                    Pattern.compile(rs.getString(3), Pattern.CASE_INSENSITIVE),
                    new Target(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))));
        });
        Map<String, Unit> units = new HashMap<>();
        jdbc.query("select code, unit, factor, kind from ref.usgs_unit", rs -> {
            units.put(rs.getString(1).toLowerCase(Locale.ROOT),
                    new Unit(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2), rs.getBigDecimal(3), rs.getString(4)));
        });
        Map<String, MeasureWord> words = new HashMap<>();
        jdbc.query("select word, measure, detail from ref.usgs_measure_word", rs -> {
            words.put(rs.getString(1).toLowerCase(Locale.ROOT), new MeasureWord(rs.getString(2), rs.getString(3)));
        });
        Map<String, ColumnOverride> overrides = new HashMap<>();
        jdbc.query("select slug, column_name, occurrence, read_as, unit from ref.usgs_column_override",
                rs -> {
                    overrides.put(key(rs.getString(1), rs.getString(2), rs.getInt(3)),
                            new ColumnOverride(rs.getString(4), rs.getString(5)));
                });
        return new UsgsRules(defaults, rules, units, words, overrides);
    }

    private static String key(String slug, String column, int occurrence) {
        return slug + '|' + column + '|' + occurrence;
    }

    void requireKnown(String slug, String fileName) {
        if (!defaults.containsKey(slug)) {
            throw new BadFileException(fileName + ": unknown USGS commodity slug '" + slug
                    + "'; add it to ref.usgs_commodity (slug, commodity_code, default_stage, default_basis)");
        }
    }

    String commodity(String slug) {
        return defaults.get(slug).commodity();
    }

    Target target(String slug, String typeText, String columnDetail) {
        for (Rule r : rules.getOrDefault(slug, List.of())) {
            if (r.type().matcher(typeText == null ? "" : typeText).find()
                    && r.columnDetail().matcher(columnDetail == null ? "" : columnDetail).find()) {
                return r.target();
            }
        }
        return defaults.get(slug);
    }

    Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : units.get(code.toLowerCase(Locale.ROOT)));
    }

    /** Unit codes longest first, for units glued to the last word of a name ({@code USprod_Minet}). */
    List<String> unitCodesLongestFirst() {
        return units.keySet().stream().sorted((a, b) -> b.length() - a.length() != 0 ? b.length() - a.length()
                : a.compareTo(b)).toList();
    }

    Optional<MeasureWord> measureWord(String word) {
        return Optional.ofNullable(measureWords.get(word.toLowerCase(Locale.ROOT)));
    }

    /** The override of the n-th (1-based) column of this name in a slug's file. */
    Optional<ColumnOverride> override(String slug, String columnName, int occurrence) {
        return Optional.ofNullable(overrides.get(key(slug, columnName, occurrence)));
    }
}
