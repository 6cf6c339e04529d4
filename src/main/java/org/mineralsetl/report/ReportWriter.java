package org.mineralsetl.report;

import org.mineralsetl.report.ReportRows.Headline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jobs/etl report --out DIR}: writes indicators.xlsx (one sheet per indicator family and a Sources
 * sheet), three PNG charts and an offline index.html into DIR, from the public indicator views.
 */
@Component
public class ReportWriter {

    static final String WORKBOOK = "indicators.xlsx";

    /** A sheet of the workbook: its tab name and the query of sql/report behind it. */
    private record SheetQuery(String name, String query) {
    }

    private static final List<SheetQuery> SHEETS = List.of(
            new SheetQuery("China share", "china_share"),
            new SheetQuery("Concentration", "concentration"),
            new SheetQuery("Group shares", "group_share"),
            new SheetQuery("Net import reliance", "net_import_reliance"),
            new SheetQuery("Supply risk WGI", "supply_risk_wgi"),
            new SheetQuery("Stockpile cover", "stockpile_cover"),
            new SheetQuery("Sources", "sources"));

    /** What was written: the files in DIR, the number of sheets and their data rows in all. */
    public record Written(Path dir, List<Path> files, int sheets, int rows) {
    }

    private final JdbcReportDao dao;
    private final JdbcTemplate jdbc;

    ReportWriter(JdbcTemplate jdbc) {
        this.dao = new JdbcReportDao(jdbc);
        this.jdbc = jdbc;
    }

    public Written write(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Headline> headline = dao.headline();
        if (headline.isEmpty()) {
            throw new IllegalStateException("no indicators in the warehouse: run jobs/etl run-all (or jobs/etl indicators) first");
        }
        Files.createDirectories(dir);
        List<ReportSheet> sheets = new ArrayList<>();
        int rows = 0;
        for (SheetQuery q : SHEETS) {
            ReportSheet sheet = new ReportSheet(q.name(), dao.table(q.query()));
            rows += sheet.table().rows().size();
            sheets.add(sheet);
        }
        ReportSheet scenarios = new ReportSheet("Scenarios", dao.table("scenario_result"));
        if (!scenarios.table().rows().isEmpty()) {
            rows += scenarios.table().rows().size();
            sheets.add(sheets.size() - 1, scenarios);
        }
        new WorkbookWriter().write(dir.resolve(WORKBOOK), sheets);

        boolean withSource = headline.stream().map(Headline::source).distinct().count() > 1;
        List<ReportRows.ChinaSharePoint> shares = dao.chinaShares();
        List<String> noChinaShare = headline.stream()
                .filter(h -> shares.stream().noneMatch(p -> p.source().equals(h.source())
                        && p.commodity().equals(h.commodity()) && p.stage().equals(h.stage())))
                .map(h -> Charts.label(h.commodityName(), h.stage(), null, h.source(), withSource)).toList();
        new ChinaShareChart().write(shares, noChinaShare, withSource, dir.resolve(ChinaShareChart.FILE));
        new ConcentrationChart().write(headline, withSource, dir.resolve(ConcentrationChart.FILE));
        new TopProducersChart().write(dao.topProducers(), withSource, dir.resolve(TopProducersChart.FILE));
        List<IndexPage.Figure> figures = new ArrayList<>(List.of(
                new IndexPage.Figure(ChinaShareChart.FILE, "China's share of world production over time, per commodity and stage"),
                new IndexPage.Figure(ConcentrationChart.FILE, "Concentration (HHI) per commodity and stage, latest year, "
                        + "with the 1,000 / 1,800 merger-guideline thresholds as an analogy"),
                new IndexPage.Figure(TopProducersChart.FILE, "Shares of the five largest producing countries per commodity "
                        + "and stage, latest year")));
        if (new ScenarioChart().write(jdbc, dir.resolve(ScenarioChart.FILE))) {
            figures.add(new IndexPage.Figure(ScenarioChart.FILE, "Imports lost per importer and group in the latest supply-shock run"));
        }
        new IndexPage().write(dir.resolve(IndexPage.FILE), headline, figures, LocalDateTime.now());

        List<Path> files = new ArrayList<>();
        files.add(dir.resolve(WORKBOOK));
        figures.forEach(f -> files.add(dir.resolve(f.file())));
        files.add(dir.resolve(IndexPage.FILE));
        return new Written(dir, List.copyOf(files), sheets.size(), rows);
    }
}
