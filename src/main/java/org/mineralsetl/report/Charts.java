package org.mineralsetl.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Look and output shared by the report charts: white plots, light grid, DejaVu-friendly sans fonts, PNG. */
final class Charts {

    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color TEXT = new Color(0x33, 0x33, 0x33);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Charts() {
    }

    static void style(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
            chart.getTitle().setPaint(TEXT);
        }
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(TEXT);
            chart.addSubtitle(sub);
        }
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            plot.setRangeGridlinePaint(GRID);
            plot.setDomainGridlinesVisible(false);
            plot.getDomainAxis().setTickLabelFont(LABEL);
            plot.getRangeAxis().setTickLabelFont(LABEL);
            plot.getRangeAxis().setLabelFont(LABEL);
        }
    }

    /**
     * "Rare earths (mine, 2023)": the commodity name without its parenthetical detail (kept in the workbook and
     * the HTML table) so labels stay short; the source is added when the report mixes several.
     */
    static String label(String commodityName, String stage, Integer year, String source, boolean withSource) {
        String name = commodityName.replaceAll("\\s*\\(.*\\)\\s*$", "");
        StringBuilder sb = new StringBuilder(name.isEmpty() ? commodityName : name).append(" (").append(stage);
        if (year != null) {
            sb.append(", ").append(year);
        }
        if (withSource) {
            sb.append(", ").append(source);
        }
        return sb.append(')').toString();
    }

    static String percent(double pct) {
        return String.format(Locale.ROOT, "%.1f %%", pct);
    }

    static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }

    static void png(BufferedImage image, Path file) throws IOException {
        if (!javax.imageio.ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }
}
