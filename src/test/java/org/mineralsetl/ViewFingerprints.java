package org.mineralsetl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fingerprint of every public view (warehouse.v_*, indicator.v_*, ref.v_*): its row count and the MD5 of its
 * rows as text, sorted. Surrogate ids and timestamps ({@code *_id}, {@code *_ids}, {@code *_at}) differ from one
 * warehouse to the next and are left out, except {@code source_file_id}, which is replaced by the file's SHA-256 so
 * that lineage is part of the print. Two warehouses that load the same files show the same fingerprints.
 * {@code main(url, file)} writes the fingerprints of a warehouse to a file.
 */
public final class ViewFingerprints {

    private ViewFingerprints() {
    }

    public static Map<String, String> of(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select table_schema || '.' || table_name, column_name
                from information_schema.columns
                where table_schema in ('warehouse', 'indicator', 'ref') and table_name like 'v\\_%'
                order by table_schema, table_name, ordinal_position""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, String> prints = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> view : columns.entrySet()) {
            List<String> cols = new ArrayList<>();
            for (String col : view.getValue()) {
                if (col.equals("source_file_id")) {
                    cols.add("(select f.sha256 from etl.source_file as f where f.source_file_id = v.source_file_id)");
                } else if (!col.matches(".*_(id|ids|at)")) {
                    cols.add("v." + '"' + col + '"');
                }
            }
            String sql = "select count(*), coalesce(md5(string_agg(t, E'\\n' order by t collate \"C\")), '-') from ("
                    + "select row(" + String.join(", ", cols) + ")::text as t from " + view.getKey() + " as v) as r";
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                prints.put(view.getKey(), rs.getLong(1) + " " + rs.getString(2));
            }
        }
        return prints;
    }

    public static String format(Map<String, String> prints) {
        StringBuilder out = new StringBuilder();
        prints.forEach((view, print) -> out.append(view).append(' ').append(print).append('\n'));
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "postgres", "")) {
            Files.writeString(Path.of(args[1]), format(of(c)), StandardCharsets.UTF_8);
        }
    }
}
