package org.mineralsetl.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.jdbc.core.JdbcTemplate;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * scenario-imports-lost.png: for the latest supply-shock run, the percentage of its imports each importer and
 * group loses, one bar per party and commodity (sql/report/scenario_imports_lost.sql).
 */
class ScenarioChart {

    static final String FILE = "scenario-imports-lost.png";
    private static final Color BAR = new Color(0xC0, 0x39, 0x2B);

    /** Writes the chart; false (and no file) when there is no shock run with a loss to show. */
    boolean write(JdbcTemplate jdbc, Path file) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                org.mineralsetl.support.SqlScript.statements("sql/report/scenario_imports_lost.sql").get(0));
        if (rows.isEmpty()) {
            return false;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map<String, Object> r : rows) {
            data.addValue(((Number) r.get("lost_pct")).doubleValue(),
                    r.get("commodity") + " (" + r.get("stage") + ", " + r.get("source") + " " + r.get("year") + ")",
                    r.get("party").toString());
        }
        Map<String, Object> first = rows.get(0);
        String name = first.get("name").toString();
        JFreeChart chart = ChartFactory.createBarChart("Imports lost in scenario run " + first.get("run_id")
                        + (name.isEmpty() ? "" : ": " + name), null, "% of the party's imports", data,
                PlotOrientation.HORIZONTAL, true, false, false);
        Charts.style(chart, "Share of each importer's (and group's) imports of the commodity lost to the cut; "
                + "jobs/etl scenario show " + first.get("run_id") + " has every measure");
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.getRangeAxis().setRange(0, 100);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, BAR);
        renderer.setShadowVisible(false);
        Charts.png(chart, file, 1100, 200 + 28 * Math.max(data.getColumnCount() * data.getRowCount(), 4));
        return true;
    }
}
