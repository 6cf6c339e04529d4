package org.mineralsetl.report;

import org.mineralsetl.report.ReportRows.ChinaSharePoint;
import org.mineralsetl.report.ReportRows.Headline;
import org.mineralsetl.report.ReportRows.ProducerShare;
import org.mineralsetl.support.SqlScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads the report's queries (src/main/resources/sql/report) from the public indicator views. */
class JdbcReportDao {

    private final JdbcTemplate jdbc;

    JdbcReportDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ResultTable table(String name) {
        return jdbc.query(sql(name), (ResultSetExtractor<ResultTable>) JdbcReportDao::toTable);
    }

    List<ChinaSharePoint> chinaShares() {
        return jdbc.query(sql("china_share_series"), (rs, i) -> new ChinaSharePoint(rs.getString("source"),
                rs.getString("commodity"), rs.getString("commodity_name"), rs.getString("stage"), rs.getInt("year"),
                rs.getDouble("china_share_pct")));
    }

    List<ProducerShare> topProducers() {
        return jdbc.query(sql("top_producers"), (rs, i) -> new ProducerShare(rs.getString("source"),
                rs.getString("commodity"), rs.getString("commodity_name"), rs.getString("stage"), rs.getInt("year"),
                rs.getInt("rank"), rs.getString("country_iso3"), rs.getDouble("share_pct")));
    }

    List<Headline> headline() {
        return jdbc.query(sql("headline"), (rs, i) -> new Headline(rs.getString("source"), rs.getString("commodity"),
                rs.getString("commodity_name"), rs.getString("stage"), rs.getInt("year"), rs.getString("edition"),
                rs.getBigDecimal("china_share_pct"), rs.getBigDecimal("hhi"), rs.getString("band"),
                rs.getString("top1_iso3"), rs.getBigDecimal("cr1")));
    }

    private static String sql(String name) {
        return SqlScript.statements("sql/report/" + name + ".sql").get(0);
    }

    private static ResultTable toTable(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<ResultTable.Column> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(new ResultTable.Column(meta.getColumnLabel(c), ColumnKind.of(meta.getColumnLabel(c), meta.getColumnType(c))));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 1; c <= columns.size(); c++) {
                row.add(value(rs.getObject(c)));
            }
            rows.add(row);
        }
        return new ResultTable(List.copyOf(columns), rows);
    }

    private static Object value(Object o) {
        if (o instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (o instanceof Date d) {
            return d.toLocalDate();
        }
        if (o instanceof Number n && !(o instanceof BigDecimal)) {
            return new BigDecimal(n.toString());
        }
        return o;
    }
}
