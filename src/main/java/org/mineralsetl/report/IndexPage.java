package org.mineralsetl.report;

import org.mineralsetl.report.ReportRows.Headline;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** index.html: the headline table and the charts, self-contained (inline CSS, relative image paths, no CDN). */
class IndexPage {

    static final String FILE = "index.html";

    private static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #333; margin: 2em auto; max-width: 1140px; padding: 0 1em; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; margin-top: 2em; }
            p.meta { color: #666; margin-top: 0; }
            table { border-collapse: collapse; font-size: 0.92em; }
            th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: left; }
            th { background: #eee; position: sticky; top: 0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.band-high { color: #c0392b; } td.band-moderate { color: #d35400; } td.band-low { color: #27ae60; }
            figure { margin: 1.5em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #666; font-size: 0.9em; }
            """;

    void write(Path file, List<Headline> headline, List<Figure> figures, LocalDateTime at) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Critical minerals: indicators report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>Critical minerals: indicators report</h1>\n")
                .append("<p class=\"meta\">Generated ").append(at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" from the warehouse's public indicator views. Every figure, with its sources and SHA-256 hashes: ")
                .append("<a href=\"indicators.xlsx\">indicators.xlsx</a>.</p>\n")
                .append("<h2>Headline: China share and concentration, latest year</h2>\n");
        table(h, headline);
        for (Figure f : figures) {
            h.append("<figure>\n<img src=\"").append(html(f.file())).append("\" alt=\"").append(html(f.caption()))
                    .append("\">\n<figcaption>").append(html(f.caption())).append("</figcaption>\n</figure>\n");
        }
        h.append("<p class=\"meta\">HHI bands use the 2023 US Merger Guidelines thresholds (1,000 and 1,800) as an analogy only: ")
                .append("countries are not firms.</p>\n</body>\n</html>\n");
        Files.writeString(file, h, StandardCharsets.UTF_8);
    }

    /** A chart of the page: its file name next to index.html and what it shows. */
    record Figure(String file, String caption) {
    }

    private static void table(StringBuilder h, List<Headline> rows) {
        h.append("<table id=\"headline\">\n<thead><tr><th>Commodity</th><th>Stage</th><th>Source</th><th>Year</th><th>Edition</th>")
                .append("<th>China share</th><th>HHI</th><th>Band</th><th>Largest producer</th></tr></thead>\n<tbody>\n");
        for (Headline r : rows) {
            h.append("<tr><td>").append(html(r.commodityName())).append("</td><td>").append(html(r.stage()))
                    .append("</td><td>").append(html(r.source())).append("</td><td class=\"num\">").append(r.year())
                    .append("</td><td>").append(html(r.edition()))
                    .append("</td><td class=\"num\">").append(r.chinaSharePct() == null ? "n/a" : Charts.percent(r.chinaSharePct().doubleValue()))
                    .append("</td><td class=\"num\">").append(r.hhi() == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", r.hhi()))
                    .append("</td><td class=\"").append(bandClass(r.band())).append("\">").append(html(r.band() == null ? "n/a" : r.band()))
                    .append("</td><td>").append(largest(r)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static String largest(Headline r) {
        if (r.top1Iso3() == null) {
            return "n/a";
        }
        BigDecimal cr1 = r.cr1();
        return html(r.top1Iso3()) + (cr1 == null ? "" : " (" + Charts.percent(cr1.doubleValue()) + ")");
    }

    private static String bandClass(String band) {
        if (band == null) {
            return "";
        }
        return band.startsWith("highly") ? "band-high" : band.startsWith("moderately") ? "band-moderate" : "band-low";
    }

    static String html(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
