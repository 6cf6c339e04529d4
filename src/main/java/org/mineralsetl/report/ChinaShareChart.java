package org.mineralsetl.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mineralsetl.report.ReportRows.ChinaSharePoint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * china-share.png: China's share over time as small multiples, one line panel per source, commodity and stage
 * on the same 0-100 % scale, so panels compare at a glance even with only two years per edition.
 */
class ChinaShareChart {

    static final String FILE = "china-share.png";
    private static final Color LINE = new Color(0xC0, 0x39, 0x2B);
    private static final int COLUMNS = 5;
    private static final int PANEL_W = 300;
    private static final int PANEL_H = 210;
    private static final int HEADER_H = 64;

    /** {@code notShown}: labels of the keys without any China share (withheld or not available). */
    void write(List<ChinaSharePoint> points, List<String> notShown, boolean withSource, Path file) throws IOException {
        Map<String, DefaultCategoryDataset> panels = new LinkedHashMap<>();
        for (ChinaSharePoint p : points) {
            String title = Charts.label(p.commodityName(), p.stage(), null, p.source(), withSource);
            panels.computeIfAbsent(title, t -> new DefaultCategoryDataset())
                    .addValue(p.sharePct(), "China", Integer.toString(p.year()));
        }
        int rows = Math.max(1, (panels.size() + COLUMNS - 1) / COLUMNS);
        int width = COLUMNS * PANEL_W;
        BufferedImage image = new BufferedImage(width, HEADER_H + rows * PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            header(g, notShown);
            if (panels.isEmpty()) {
                g.setFont(Charts.LABEL);
                g.drawString("No China share in the warehouse yet (run jobs/etl run-all).", 20, HEADER_H + 40);
            }
            int i = 0;
            for (Map.Entry<String, DefaultCategoryDataset> e : panels.entrySet()) {
                Rectangle2D area = new Rectangle2D.Double((i % COLUMNS) * PANEL_W, HEADER_H + (i / COLUMNS) * PANEL_H,
                        PANEL_W, PANEL_H);
                panel(e.getKey(), e.getValue()).draw(g, area);
                i++;
            }
        } finally {
            g.dispose();
        }
        Charts.png(image, file);
    }

    private static void header(Graphics2D g, List<String> notShown) {
        g.setColor(Charts.TEXT);
        g.setFont(Charts.TITLE);
        g.drawString("China's share of world production, by commodity and stage", 16, 28);
        g.setFont(Charts.SUBTITLE);
        g.drawString("Percent of the reported world total (else the sum of countries); 0 % where the source does not "
                + "list China; latest edition per year. Source: indicator.v_china_share."
                + (notShown.isEmpty() ? "" : " Not shown (no figures): " + String.join(", ", notShown) + "."), 16, 50);
    }

    private static JFreeChart panel(String title, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createLineChart(title, null, null, data);
        chart.removeLegend();
        Charts.style(chart, null);
        chart.getTitle().setFont(Charts.LABEL.deriveFont(java.awt.Font.BOLD, 13f));
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 118);
        range.setTickUnit(new NumberTickUnit(25, new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        range.setTickLabelFont(Charts.SMALL);
        plot.getDomainAxis().setTickLabelFont(Charts.SMALL);
        plot.getDomainAxis().setCategoryMargin(0.0);
        plot.getDomainAxis().setLowerMargin(0.15);
        plot.getDomainAxis().setUpperMargin(0.15);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, LINE);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setDefaultShapesVisible(true);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("0.0' %'", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Charts.SMALL);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        return chart;
    }
}
