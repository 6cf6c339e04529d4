package org.mineralsetl.usgs;

import org.mineralsetl.support.BadFileException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The USGS maps of ref.usgs_commodity, ref.usgs_type_rule and ref.usgs_column_override, loaded once per
 * step: which commodity, stage and basis a row holds, and the corrected unit of a mislabelled column.
 */
final class UsgsRules {

    record Target(String commodity, String stage, String basis) {
    }

    private record Rule(Pattern type, Pattern columnDetail, Target target) {
    }

    private final Map<String, Target> defaults;
    private final Map<String, List<Rule>> rules;
    private final Map<String, String> unitOverrides;

    UsgsRules(Map<String, Target> defaults, Map<String, List<Rule>> rules, Map<String, String> unitOverrides) {
        this.defaults = defaults;
        this.rules = rules;
        this.unitOverrides = unitOverrides;
    }

    static UsgsRules load(JdbcTemplate jdbc) {
        Map<String, Target> defaults = new HashMap<>();
        jdbc.query("select slug, commodity_code, default_stage, default_basis from ref.usgs_commodity",
                rs -> {
                    defaults.put(rs.getString(1), new Target(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        Map<String, List<Rule>> rules = new HashMap<>();
        jdbc.query("""
                select slug, type_pattern, column_detail_pattern, commodity_code, stage_code, basis
                from ref.usgs_type_rule order by slug, priority""", rs -> {
            rules.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Rule(
                    Pattern.compile(rs.getString(2), Pattern.CASE_INSENSITIVE),
                    Pattern.compile(rs.getString(3), Pattern.CASE_INSENSITIVE),
                    new Target(rs.getString(4), rs.getString(5), rs.getString(6))));
        });
        Map<String, String> overrides = new HashMap<>();
        jdbc.query("select slug, column_name, unit from ref.usgs_column_override",
                rs -> {
                    overrides.put(rs.getString(1) + '|' + rs.getString(2), rs.getString(3));
                });
        return new UsgsRules(defaults, rules, overrides);
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

    Optional<String> unitOverride(String slug, String columnName) {
        return Optional.ofNullable(unitOverrides.get(slug + '|' + columnName));
    }
}
