package org.mineralsetl.reference;

import org.mineralsetl.support.Names;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the names and codes sources use for countries to ISO alpha-3, or to a non-country area
 * (World, residual, "nes"), from ref.country_alias. Loaded once per step; lookups are pure map reads.
 */
public final class CountryResolver {

    /** What an alias resolves to: exactly one of iso3 (a country) or areaCode (not a country). */
    public record Target(String iso3, String areaCode, String areaKind) {
        public boolean isCountry() {
            return iso3 != null;
        }
    }

    private final Map<String, Target> byKindAndKey;

    CountryResolver(Map<String, Target> byKindAndKey) {
        this.byKindAndKey = byKindAndKey;
    }

    public static CountryResolver load(JdbcTemplate jdbc) {
        Map<String, Target> map = new HashMap<>();
        jdbc.query("""
                select a.alias_kind, a.alias_key, a.iso3, a.area_code, ar.kind
                from ref.country_alias as a
                left join ref.area as ar on ar.area_code = a.area_code""", rs -> {
            map.put(rs.getString(1) + '|' + rs.getString(2),
                    new Target(trim(rs.getString(3)), rs.getString(4), rs.getString(5)));
        });
        return new CountryResolver(map);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    public Optional<Target> byName(String name) {
        String key = Names.key(name);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(byKindAndKey.get("name|" + key));
    }

    public Optional<Target> byCode(String kind, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String key = code.trim().toUpperCase(Locale.ROOT);
        if (kind.equals("m49") || kind.equals("baci")) {
            try {
                key = String.valueOf(Integer.parseInt(code.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(byKindAndKey.get(kind + '|' + key));
    }

    public int size() {
        return byKindAndKey.size();
    }
}
