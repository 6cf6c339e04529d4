package org.mineralsetl.warehouse;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The versioned HS-to-commodity map (ref.hs_map), loaded once per step. A 6-digit code takes its own entry,
 * else its 4-digit heading's; a code outside the map has no entry (loaded with a null commodity).
 */
public final class HsMap {

    /**
     * Commodity and stage of an HS code; isProxy when the code only approximates the commodity; code is the
     * map's key that matched (the 6-digit code itself or its 4-digit heading), stored with each trade flow.
     */
    public record Entry(String code, String commodity, String stage, boolean isProxy) {
    }

    private final String version;
    private final Map<String, Entry> byCode;
    /** By 4-digit heading (its number): the heading's entry, and whether the map has 6-digit codes under it. */
    private final Entry[] headings = new Entry[10_000];
    private final boolean[] headingHasCodes = new boolean[10_000];

    HsMap(String version, Map<String, Entry> byCode) {
        this.version = version;
        this.byCode = byCode;
        for (Entry e : byCode.values()) {
            if (isDigits(e.code(), 4)) {
                headings[Integer.parseInt(e.code())] = e;
            } else if (isDigits(e.code(), 6)) {
                headingHasCodes[Integer.parseInt(e.code().substring(0, 4))] = true;
            }
        }
    }

    private static boolean isDigits(String s, int length) {
        return s.length() == length && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The latest version of the map. */
    public static HsMap load(JdbcTemplate jdbc) {
        String version = jdbc.queryForObject(
                "select hs_map_version from ref.hs_map_version order by published_on desc, hs_map_version desc limit 1",
                String.class);
        Map<String, Entry> map = new HashMap<>();
        jdbc.query("select hs_code, commodity, stage, is_proxy from ref.hs_map where hs_map_version = ?",
                rs -> {
                    map.put(rs.getString(1), new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }, version);
        return new HsMap(version, map);
    }

    public String version() {
        return version;
    }

    /** The entry for an HS code (2, 4 or 6 digits, or TOTAL), or null outside the map. */
    public Entry lookup(String hsCode) {
        Entry e = byCode.get(hsCode);
        if (e == null && hsCode.length() == 6) {
            e = byCode.get(hsCode.substring(0, 4));
        }
        return e;
    }

    /**
     * {@link #lookup(String)} of a 6-digit code (six ASCII digits, not checked), for the millions of lines of a
     * trade file: a heading without 6-digit codes of its own in the map (nearly all) is answered from an array.
     */
    public Entry lookupHs6(String hs6) {
        int heading = (hs6.charAt(0) - '0') * 1000 + (hs6.charAt(1) - '0') * 100 + (hs6.charAt(2) - '0') * 10
                + (hs6.charAt(3) - '0');
        if (headingHasCodes[heading]) {
            Entry e = byCode.get(hs6);
            if (e != null) {
                return e;
            }
        }
        return headings[heading];
    }
}
