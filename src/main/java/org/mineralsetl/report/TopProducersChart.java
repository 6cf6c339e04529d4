package org.mineralsetl.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mineralsetl.report.ReportRows.ProducerShare;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * top-producers.png: the shares of the five largest producing countries per commodity and stage in the
 * latest year, stacked from the largest, each segment labelled with its country; the rest of the world in grey.
 */
class TopProducersChart {

    static final String FILE = "top-producers.png";
    private static final String[] RANKS = {"Largest producer", "2nd", "3rd", "4th", "5th"};
    private static final String REST = "Rest of world (other, withheld, unattributed)";
    private static final Color[] PAINTS = {new Color(0x1F, 0x4E, 0x79), new Color(0x2E, 0x75, 0xB6),
            new Color(0x5B, 0x9B, 0xD5), new Color(0x9D, 0xC3, 0xE6), new Color(0xC9, 0xDD, 0xF0),
            new Color(0xE0, 0xE0, 0xE0)};

    void write(List<ProducerShare> shares, boolean withSource, Path file) throws IOException {
        Map<String, List<ProducerShare>> byKey = new LinkedHashMap<>();
        for (ProducerShare s : shares) {
            byKey.computeIfAbsent(Charts.label(s.commodityName(), s.stage(), s.year(), s.source(), withSource),
                    k -> new ArrayList<>()).add(s);
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(Comparator.comparingDouble((String k) -> -byKey.get(k).get(0).sharePct()));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, String> countryOf = new HashMap<>();
        double widest = 100; // countries can add up past a rounded world total: keep their bars whole
        for (String key : keys) {
            double top = 0;
            for (int rank = 1; rank <= RANKS.length; rank++) {
                ProducerShare s = rank <= byKey.get(key).size() ? byKey.get(key).get(rank - 1) : null;
                data.addValue(s == null ? 0 : s.sharePct(), RANKS[rank - 1], key);
                if (s != null) {
                    countryOf.put(rank - 1 + "|" + key, s.iso3());
                    top += s.sharePct();
                }
            }
            data.addValue(Math.max(0, 100 - top), REST, key);
            widest = Math.max(widest, top);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Top 5 producing countries, share of world production, latest year",
                null, "Share of world production (%)", data, PlotOrientation.HORIZONTAL, true, false, false);
        Charts.style(chart, "Country tonnes / the world total used for the HHI; segments labelled with ISO 3166 alpha-3 codes. "
                + "Source: warehouse.v_production, indicator.v_concentration.");
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setNoDataMessage("No production in the warehouse yet (run jobs/etl run-all).");
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, Math.ceil(widest));
        range.setTickUnit(new NumberTickUnit(10, new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < PAINTS.length; i++) {
            renderer.setSeriesPaint(i, PAINTS[i]);
            renderer.setSeriesItemLabelPaint(i, i < 2 ? Color.WHITE : Charts.TEXT);
        }
        renderer.setDefaultItemLabelGenerator(new CountryLabels(countryOf));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(Charts.SMALL);
        renderer.setMaximumBarWidth(0.8);
        plot.setRenderer(renderer);
        chart.getLegend().setItemFont(Charts.LABEL);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 20)); // room for the last tick label
        Charts.png(chart, file, 1100, 160 + 34 * Math.max(keys.size(), 3));
    }

    /** "CHN 68.6 %" inside wide segments, just "CHN" in narrow ones, nothing in slivers or the grey rest. */
    private record CountryLabels(Map<String, String> countryOf) implements CategoryItemLabelGenerator {

        @Override
        public String generateLabel(CategoryDataset data, int row, int column) {
            String iso3 = countryOf.get(row + "|" + data.getColumnKey(column));
            Number v = data.getValue(row, column);
            if (iso3 == null || v == null || v.doubleValue() < 5) {
                return null;
            }
            return v.doubleValue() < 12 ? iso3 : iso3 + " " + Charts.percent(v.doubleValue());
        }

        @Override
        public String generateRowLabel(CategoryDataset data, int row) {
            return data.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset data, int column) {
            return data.getColumnKey(column).toString();
        }
    }
}
