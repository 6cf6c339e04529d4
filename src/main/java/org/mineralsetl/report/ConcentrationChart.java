package org.mineralsetl.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mineralsetl.report.ReportRows.Headline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * concentration-hhi.png: the Herfindahl-Hirschman index per commodity and stage in its latest year, as
 * horizontal bars coloured by band, with the 1,000 and 1,800 thresholds of the 2023 US Merger Guidelines
 * drawn as an analogy (countries are not firms).
 */
class ConcentrationChart {

    static final String FILE = "concentration-hhi.png";
    static final Color HIGH = new Color(0xC0, 0x39, 0x2B);
    static final Color MODERATE = new Color(0xE6, 0x7E, 0x22);
    static final Color LOW = new Color(0x27, 0xAE, 0x60);

    void write(List<Headline> headline, boolean withSource, Path file) throws IOException {
        List<Headline> known = headline.stream().filter(h -> h.hhi() != null)
                .sorted(Comparator.comparing(Headline::hhi).reversed()).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Headline h : known) {
            data.addValue(h.hhi(), "HHI", Charts.label(h.commodityName(), h.stage(), h.year(), h.source(), withSource));
        }
        JFreeChart chart = ChartFactory.createBarChart("Concentration of production by country (HHI), latest year",
                null, "HHI (0-10,000)", data, PlotOrientation.HORIZONTAL, true, false, false);
        Charts.style(chart, "Sum of squared country shares in percent. Bands: 2023 US Merger Guidelines thresholds, "
                + "applied to countries as an analogy only. Source: indicator.v_concentration.");
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setNoDataMessage("No concentration in the warehouse yet (run jobs/etl run-all).");
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, 10_700); // past 10,000 so the label of a bar near 10,000 fits
        range.setTickUnit(new NumberTickUnit(1000, format("#,##0")));
        BarRenderer renderer = new BandRenderer(known);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.8);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format("#,##0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Charts.SMALL);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        renderer.setItemMargin(0);
        plot.setRenderer(renderer);
        plot.getDomainAxis().setUpperMargin(0.08); // room below the last bar for the threshold labels
        // the 1,000 label stays short so it fits between the two lines; the 1,800 one explains both
        plot.addRangeMarker(threshold(1000, "1,000", 6), Layer.FOREGROUND);
        plot.addRangeMarker(threshold(1800, "1,800   merger-guideline thresholds (analogy): moderately concentrated "
                + "from 1,000, highly above 1,800", 6), Layer.FOREGROUND);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(new LegendItem("highly concentrated (> 1,800)", HIGH));
        legend.add(new LegendItem("moderately concentrated (1,000-1,800)", MODERATE));
        legend.add(new LegendItem("unconcentrated (< 1,000)", LOW));
        plot.setFixedLegendItems(legend);
        chart.getLegend().setItemFont(Charts.LABEL);
        if (known.size() < headline.size()) {
            chart.addSubtitle(new org.jfree.chart.title.TextTitle("Not shown (no HHI, figures withheld or not available): "
                    + String.join(", ", headline.stream().filter(h -> h.hhi() == null)
                    .map(h -> Charts.label(h.commodityName(), h.stage(), h.year(), h.source(), withSource)).toList()),
                    Charts.SMALL));
        }
        Charts.png(chart, file, 1100, 160 + 34 * Math.max(known.size(), 3));
    }

    /** A dashed line at a band threshold, its label to the right of it, raised by {@code lift} pixels. */
    private static ValueMarker threshold(double value, String label, double lift) {
        ValueMarker m = new ValueMarker(value, Charts.TEXT, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(Charts.SMALL);
        m.setLabelPaint(Charts.TEXT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        m.setLabelOffset(new RectangleInsets(0, 4, lift, 0));
        return m;
    }

    private static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Colours each bar by its band (the band of the indicator, not recomputed here). */
    private static final class BandRenderer extends BarRenderer {
        private final transient List<Headline> rows;

        BandRenderer(List<Headline> rows) {
            this.rows = rows;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            String band = rows.get(column).band();
            if ("highly concentrated".equals(band)) {
                return HIGH;
            }
            return "moderately concentrated".equals(band) ? MODERATE : LOW;
        }
    }
}
