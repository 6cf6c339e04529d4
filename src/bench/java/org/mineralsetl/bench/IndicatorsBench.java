package org.mineralsetl.bench;

import org.mineralsetl.indicator.IndicatorRunner;
import org.mineralsetl.scenario.ScenarioRun;
import org.mineralsetl.scenario.ScenarioRunner;
import org.mineralsetl.scenario.ShockParameters;
import org.mineralsetl.support.SqlScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench indicators [ROWS] [--runs N]}: builds ROWS synthetic BACI-shaped trade facts (default 10,000,000, eight
 * years) and times the refresh of warehouse.trade_classified that their merge would do; then, N times over the same
 * facts (default 1), times one full scan of the fact table ({@code select count(*), sum(value)}), a full recompute
 * of every indicator for every trade year, the recompute that follows the merge of one year's load (its slice of
 * warehouse.trade_classified refreshed, as a BACI year file's merge does), and a supply-shock scenario, and prints
 * each run's ratios and the medians. The synthetic rows (edition BENCH) are dropped afterwards and the indicators
 * recomputed from the real facts.
 */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Times a full indicator recompute against one full scan of a synthetic trade fact table.")
class IndicatorsBench implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = "10000000", paramLabel = "ROWS")
    long rows;

    @Option(names = "--runs", defaultValue = "1", description = "scan, recompute and shock this many times over the same facts")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final IndicatorRunner indicators;
    private final ScenarioRunner scenarios;

    IndicatorsBench(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, IndicatorRunner indicators,
                    ScenarioRunner scenarios) {
        this.jdbc = jdbc;
        this.named = named;
        this.indicators = indicators;
        this.scenarios = scenarios;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long sourceFileId = jdbc.queryForObject("""
                insert into etl.source_file (source_kind, file_name, path, size_bytes, sha256, edition)
                values ('bench', 'synthetic', 'synthetic', 0, md5(random()::text) || md5(random()::text), 'BENCH')
                returning source_file_id""", Long.class);
        long loadId = jdbc.queryForObject("""
                insert into etl.load (source_file_id, job_name, job_instance_id, job_execution_id, status)
                values (?, 'benchIndicators', -floor(random() * 1e12)::bigint, 0, 'STARTED') returning load_id""",
                Long.class, sourceFileId);
        try {
            long t0 = System.nanoTime();
            jdbc.update("""
                    insert into etl.trade_load (load_id, source, edition, keep_breakdowns, hs_map_version,
                        original_value_unit, value_per_original, original_weight_unit, original_per_tonne)
                    values (?, 'baci', 'BENCH', false, 'cm2024.1', 'kUSD', 1000, 't', 1)""", loadId);
            jdbc.update("call warehouse.create_trade_flow_table(?)", loadId);
            jdbc.update("call warehouse.attach_trade_flow_table(?)", loadId);
            named.update(SqlScript.statements("sql/synthetic_trade_fact.sql").get(0), Map.of("rows", rows, "load_id", loadId));
            jdbc.execute("vacuum analyze warehouse.trade_flow_" + loadId);
            jdbc.execute("analyze etl.trade_load");
            out.printf(Locale.ROOT, "built %,d synthetic trade facts in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            // what the merge of a load does last: record its slices, refresh the classified rows of those slices
            jdbc.update("insert into warehouse.trade_slice (source, edition, year, load_id) select distinct 'baci', 'BENCH', "
                    + "year, ? from warehouse.trade_flow_" + loadId, loadId);
            long tm = System.nanoTime();
            jdbc.update("call warehouse.refresh_trade_classified(?)", loadId);
            double refreshSeconds = (System.nanoTime() - tm) / 1e9;
            long total = jdbc.queryForObject("select count(*) from warehouse.trade_flow", Long.class);
            out.printf(Locale.ROOT, "fact table: %,d rows%n", total);
            scan(); // warm the cache, as the recompute will find it
            out.printf(Locale.ROOT, "(m) the load's merge, refresh of warehouse.trade_classified: %.2f s (%.2f scans)%n",
                    refreshSeconds, refreshSeconds / scan());
            // a supply-shock scenario over every mapped commodity, China halving, on the same warehouse
            List<String> commodities = jdbc.queryForList("select distinct commodity from ref.hs_map order by 1", String.class);
            short lastYear = jdbc.queryForObject("select max(year) from warehouse.trade_flow_" + loadId, Short.class);
            List<Double> ratios = new ArrayList<>();
            List<Double> yearRatios = new ArrayList<>();
            List<Double> shocks = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double scanSeconds = scan();
                IndicatorRunner.Result r = indicators.runFull();
                if (failed(r)) {
                    return 1;
                }
                double recomputeSeconds = r.millis() / 1e3;
                out.printf(Locale.ROOT, "run %d%n", run);
                out.printf(Locale.ROOT, "(a) one full scan (count(*), sum(value)):     %.2f s (%,.0f rows/s)%n", scanSeconds,
                        total / scanSeconds);
                out.printf(Locale.ROOT, "(b) full recompute, every trade year:         %.2f s %s%n", recomputeSeconds,
                        r.rowsByIndicator());
                out.printf(Locale.ROOT, "ratio b/a = %.2f scans%n", recomputeSeconds / scanSeconds);
                // what the merge of one year's load leaves for the next recompute: that year's classified slice
                long t2 = System.nanoTime();
                jdbc.update("call warehouse.refresh_trade_classified_slice('baci', ?::smallint)", lastYear);
                double sliceSeconds = (System.nanoTime() - t2) / 1e9;
                IndicatorRunner.Result y = indicators.run();
                if (failed(y)) {
                    return 1;
                }
                double yearSeconds = y.millis() / 1e3;
                out.printf(Locale.ROOT, "(m1) merge of one year's load (%d), refresh of its classified slice: %.2f s%n",
                        lastYear, sliceSeconds);
                out.printf(Locale.ROOT, "(d) recompute after that load:                %.2f s %s%n", yearSeconds,
                        y.rowsByIndicator());
                out.printf(Locale.ROOT, "ratio d/a = %.2f scans%n", yearSeconds / scanSeconds);
                yearRatios.add(yearSeconds / scanSeconds);
                ScenarioRun shock = scenarios.shock(new ShockParameters(commodities, List.of("CHN"), new BigDecimal("50"),
                        null, null, "bench"));
                scenarios.drop(shock.runId());
                out.printf(Locale.ROOT, "(c) scenario shock, %d commodities, China -50 %%: %.2f s (%,d results)%n",
                        commodities.size(), shock.millis() / 1e3, shock.results());
                out.flush();
                ratios.add(recomputeSeconds / scanSeconds);
                shocks.add(shock.millis() / 1e3);
            }
            out.printf(Locale.ROOT, "median of %d runs: b/a = %.2f scans, d/a = %.2f scans, shock %.2f s%n", runs,
                    median(ratios), median(yearRatios), median(shocks));
            out.flush();
            return 0;
        } finally {
            jdbc.execute("drop table if exists warehouse.trade_flow_" + loadId);
            jdbc.update("delete from warehouse.trade_slice where load_id = ?", loadId);
            jdbc.update("call warehouse.refresh_trade_classified(null)");
            jdbc.update("delete from etl.trade_load where load_id = ?", loadId);
            jdbc.update("delete from etl.load where load_id = ?", loadId);
            jdbc.update("delete from etl.source_file where source_file_id = ?", sourceFileId);
            indicators.runFull();
        }
    }

    private boolean failed(IndicatorRunner.Result r) {
        if (!r.ok()) {
            spec.commandLine().getErr().println("error: indicators failed: " + r.message());
        }
        return !r.ok();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private double scan() {
        long t = System.nanoTime();
        jdbc.queryForMap("select count(*), sum(value) from warehouse.trade_flow");
        return (System.nanoTime() - t) / 1e9;
    }
}
