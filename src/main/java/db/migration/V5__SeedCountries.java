package db.migration;

import com.opencsv.CSVReaderHeaderAware;
import org.apache.commons.io.input.BOMInputStream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.mineralsetl.support.Names;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seeds ref.country and ref.country_alias from the code tables shipped in src/main/resources/reference
 * (ISO 3166 + M49, datasets/country-codes, CEPII BACI; attribution in reference/SOURCES.md). Curated
 * aliases go first so that they win over any other claim on the same normalised key.
 */
public class V5__SeedCountries extends BaseJavaMigration {

    private static final List<String> COUNTRY_CODES_NAME_COLUMNS = List.of(
            "CLDR display name", "UNTERM English Short", "UNTERM English Formal", "official_name_en",
            "ISO4217-currency_country_name");
    private static final Set<String> AREAS = Set.of("WLD", "OTH");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        seedCountries(c);
        seedCuratedAliases(c);
        seedIsoAliases(c);
        seedCountryCodesAliases(c);
        seedBaci(c);
    }

    private void seedCountries(Connection c) throws IOException, SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into ref.country (iso3, iso2, m49, name, region, sub_region, is_historical)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (iso3) do nothing""")) {
            for (Map<String, String> r : read("iso-3166-m49.csv")) {
                ps.setString(1, r.get("alpha-3"));
                ps.setString(2, r.get("alpha-2"));
                ps.setInt(3, Integer.parseInt(r.get("country-code")));
                ps.setString(4, r.get("name"));
                ps.setString(5, emptyToNull(r.get("region")));
                ps.setString(6, emptyToNull(r.get("sub-region")));
                ps.setBoolean(7, false);
                ps.addBatch();
            }
            // Kosovo has no ISO 3166 entry; XKX is the code the EU, IMF and World Bank use.
            ps.setString(1, "XKX");
            ps.setString(2, "XK");
            ps.setNull(3, Types.INTEGER);
            ps.setString(4, "Kosovo");
            ps.setString(5, "Europe");
            ps.setString(6, "Southern Europe");
            ps.setBoolean(7, false);
            ps.addBatch();
            // Historical entities that BACI/Comtrade still carry in older years.
            for (Map<String, String> r : read("baci-country-codes-V202301.csv")) {
                String iso3 = r.get("iso_3digit_alpha");
                if (Set.of("CSK", "DDR", "ANT", "SUN", "SCG", "YUG").contains(iso3)) {
                    ps.setString(1, iso3);
                    ps.setString(2, r.get("iso_2digit_alpha"));
                    ps.setInt(3, Integer.parseInt(r.get("country_code")));
                    ps.setString(4, r.get("country_name_full"));
                    ps.setNull(5, Types.VARCHAR);
                    ps.setNull(6, Types.VARCHAR);
                    ps.setBoolean(7, true);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private void seedCuratedAliases(Connection c) throws IOException, SQLException {
        try (AliasInserter aliases = new AliasInserter(c)) {
            for (Map<String, String> r : read("curated-aliases.csv")) {
                aliases.add("name", r.get("alias"), r.get("target"), "curated");
            }
            aliases.add("m49", "0", "WLD", "comtrade");
            aliases.add("m49", "842", "USA", "comtrade");
            aliases.add("m49", "490", "TWN", "comtrade");
        }
    }

    private void seedIsoAliases(Connection c) throws IOException, SQLException {
        try (AliasInserter aliases = new AliasInserter(c)) {
            for (Map<String, String> r : read("iso-3166-m49.csv")) {
                String iso3 = r.get("alpha-3");
                aliases.add("name", r.get("name"), iso3, "iso3166");
                aliases.add("iso2", r.get("alpha-2"), iso3, "iso3166");
                aliases.add("iso3", iso3, iso3, "iso3166");
                aliases.add("m49", String.valueOf(Integer.parseInt(r.get("country-code"))), iso3, "m49");
            }
            aliases.add("iso3", "XKX", "XKX", "curated");
            aliases.add("iso2", "XK", "XKX", "curated");
        }
    }

    private void seedCountryCodesAliases(Connection c) throws IOException, SQLException {
        try (AliasInserter aliases = new AliasInserter(c)) {
            for (Map<String, String> r : read("country-codes.csv")) {
                String iso3 = r.get("ISO3166-1-Alpha-3");
                if (iso3 == null || iso3.isBlank()) {
                    continue;
                }
                for (String column : COUNTRY_CODES_NAME_COLUMNS) {
                    aliases.add("name", r.get(column), iso3, "country-codes");
                }
                String m49 = r.get("M49");
                if (m49 != null && !m49.isBlank()) {
                    aliases.add("m49", String.valueOf(Integer.parseInt(m49.trim())), iso3, "country-codes");
                }
            }
        }
    }

    private void seedBaci(Connection c) throws IOException, SQLException {
        try (PreparedStatement area = c.prepareStatement(
                "insert into ref.area (area_code, name, kind) values (?, ?, 'nes') on conflict do nothing");
             AliasInserter aliases = new AliasInserter(c)) {
            for (Map<String, String> r : read("baci-country-codes-V202301.csv")) {
                String code = String.valueOf(Integer.parseInt(r.get("country_code")));
                String iso3 = r.get("iso_3digit_alpha");
                if (iso3 == null || iso3.isBlank() || iso3.equals("N/A")) {
                    String areaCode = "M49_" + code;
                    area.setString(1, areaCode);
                    area.setString(2, r.get("country_name_full"));
                    area.executeUpdate();
                    aliases.add("baci", code, areaCode, "baci");
                    aliases.add("m49", code, areaCode, "baci");
                    continue;
                }
                aliases.add("baci", code, iso3, "baci");
                aliases.add("m49", code, iso3, "baci");
                aliases.add("name", r.get("country_name_abbreviation"), iso3, "baci");
                aliases.add("name", r.get("country_name_full"), iso3, "baci");
            }
        }
    }

    private static List<Map<String, String>> read(String resource) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = V5__SeedCountries.class.getResourceAsStream("/reference/" + resource)) {
            if (in == null) {
                throw new IOException("reference file missing from the classpath: reference/" + resource);
            }
            Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
            try (CSVReaderHeaderAware csv = new CSVReaderHeaderAware(reader)) {
                Map<String, String> row;
                while ((row = csv.readMap()) != null) {
                    rows.add(row);
                }
            } catch (com.opencsv.exceptions.CsvValidationException e) {
                throw new IOException("reference/" + resource + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Inserts aliases; the first claim on a normalised key wins, later ones are ignored. */
    private static final class AliasInserter implements AutoCloseable {
        private final PreparedStatement ps;

        AliasInserter(Connection c) throws SQLException {
            ps = c.prepareStatement("""
                    insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source)
                    values (?, ?, ?, ?, ?, ?) on conflict (alias_kind, alias_key) do nothing""");
        }

        void add(String kind, String alias, String target, String source) throws SQLException {
            if (alias == null || alias.isBlank() || target == null || target.isBlank()) {
                return;
            }
            String key = kind.equals("name") ? Names.key(alias) : alias.trim().toUpperCase(java.util.Locale.ROOT);
            if (key.isEmpty()) {
                return;
            }
            boolean area = AREAS.contains(target) || target.startsWith("M49_");
            ps.setString(1, kind);
            ps.setString(2, key);
            ps.setString(3, alias.trim());
            ps.setString(4, area ? null : target);
            ps.setString(5, area ? target : null);
            ps.setString(6, source);
            ps.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }
}
