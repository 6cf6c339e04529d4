package org.mineralsetl.trade;

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

    HsMap(String version, Map<String, Entry> byCode) {
        this.version = version;
        this.byCode = byCode;
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
}
