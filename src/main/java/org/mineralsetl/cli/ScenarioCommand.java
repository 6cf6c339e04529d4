package org.mineralsetl.cli;

import org.mineralsetl.scenario.AllocationFile;
import org.mineralsetl.scenario.ScenarioRun;
import org.mineralsetl.scenario.ScenarioRunner;
import org.mineralsetl.scenario.ShockParameters;
import org.mineralsetl.scenario.StockpileParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl scenario shock|stockpile|list|show ID|drop ID}: supply-shock scenarios and stockpile budgets,
 * computed in SQL and kept in the warehouse with their parameters (indicator.v_scenario_run, v_scenario_result).
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Supply-shock scenarios and stockpile budgets, kept with their parameters (docs/scenarios.md).",
        subcommands = {ScenarioCommand.Shock.class, ScenarioCommand.Stockpile.class, ScenarioCommand.ListRuns.class,
                ScenarioCommand.Show.class, ScenarioCommand.Drop.class})
class ScenarioCommand implements Runnable {

    /** The measures a run prints when it finishes; every measure is in {@code scenario show ID}. */
    static final List<String> HEADLINE = List.of("shortfall_t", "exporter_share_after_pct", "hhi_after", "imports_lost_usd",
            "imports_lost_t", "imports_lost_pct", "supplier_hhi_after", "alternative_cover_pct", "stockpile_days_of_cover",
            "price_usd_per_t", "tonnes_bought", "days_of_net_imports", "days_of_china_imports", "not_priced", "unspent_usd");

    static final List<String> COLUMNS = List.of("source", "commodity", "stage", "party", "measure", "detail", "year", "value",
            "unit", "bound", "note");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a scenario command is required: shock, stockpile, list, show, drop");
    }

    static BigDecimal percent(String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a percentage: '" + text + "' (e.g. 50%)");
        }
    }

    static List<Map<String, Object>> results(JdbcTemplate jdbc, long runId, List<String> measures) {
        return jdbc.queryForList("""
                select source, commodity, stage, party, measure, detail, year, value, unit,
                       case when is_upper_bound then 'upper' else '' end as bound, coalesce(note, '') as note
                from indicator.v_scenario_result
                where run_id = ? and (cardinality(?::text[]) = 0 or measure = any (?::text[]))
                order by source, commodity, stage, party_kind = 'group', party_kind = 'country', party, measure, detail""",
                runId, measures.toArray(String[]::new), measures.toArray(String[]::new));
    }

    static int printRun(ScenarioRun run, JdbcTemplate jdbc, PrintWriter out) {
        out.println("scenario run " + run.runId() + ": " + run.results() + " results in " + run.millis()
                + " ms (all of them: jobs/etl scenario show " + run.runId() + ")");
        Table.print(out, COLUMNS, results(jdbc, run.runId(), HEADLINE));
        return EtlCommand.OK;
    }

    static int usage(CommandLine.Model.CommandSpec spec, IllegalArgumentException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return EtlCommand.USAGE;
    }

    @Command(name = "shock", mixinStandardHelpOptions = true,
            description = "Cuts the supply of exporters (countries or groups) by a percentage and stores who is short and by how much.")
    static class Shock implements Callable<Integer> {

        @Option(names = "--commodity", required = true, split = ",", paramLabel = "CODE",
                description = "commodities (ref.commodity codes), comma-separated or repeated")
        List<String> commodities;

        @Option(names = "--exporter", required = true, split = ",", paramLabel = "ISO3|GROUP",
                description = "exporters: ISO alpha-3 codes or groups of ref.country_group (greater_china)")
        List<String> exporters;

        @Option(names = "--cut", required = true, paramLabel = "PCT", description = "the cut, percent: 50%% or 50")
        String cut;

        @Option(names = "--stage", paramLabel = "STAGE", description = "mine, refinery or product (default: every stage)")
        String stage;

        @Option(names = "--year", paramLabel = "YEAR",
                description = "data year (default: the latest year of production, the latest complete year of trade)")
        Integer year;

        @Option(names = "--name", paramLabel = "NAME", description = "a name to find the run by")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final ScenarioRunner runner;
        private final JdbcTemplate jdbc;

        Shock(ScenarioRunner runner, JdbcTemplate jdbc) {
            this.runner = runner;
            this.jdbc = jdbc;
        }

        @Override
        public Integer call() {
            ScenarioRun run;
            try {
                run = runner.shock(new ShockParameters(commodities, exporters, percent(cut), stage, year, name));
            } catch (IllegalArgumentException e) {
                return usage(spec, e);
            }
            return printRun(run, jdbc, spec.commandLine().getOut());
        }
    }

    @Command(name = "stockpile", mixinStandardHelpOptions = true,
            description = "What a stockpile budget buys at the latest USGS prices and how many days of US net imports it covers.")
    static class Stockpile implements Callable<Integer> {

        @Option(names = "--budget-usd", required = true, paramLabel = "USD", description = "the budget in US dollars, e.g. 10e9")
        BigDecimal budgetUsd;

        @Option(names = "--allocation", required = true, paramLabel = "FILE|equal|by-import-reliance",
                description = "a CSV file commodity,share_pct; equal; or by-import-reliance (shares by US net import reliance)")
        String allocation;

        @Option(names = "--name", paramLabel = "NAME", description = "a name to find the run by")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final ScenarioRunner runner;
        private final JdbcTemplate jdbc;

        Stockpile(ScenarioRunner runner, JdbcTemplate jdbc) {
            this.runner = runner;
            this.jdbc = jdbc;
        }

        @Override
        public Integer call() throws IOException {
            ScenarioRun run;
            try {
                StockpileParameters p = allocation.equals("equal") || allocation.equals("by-import-reliance")
                        ? new StockpileParameters(budgetUsd, allocation, null, null, null, name)
                        : AllocationFile.read(Path.of(allocation), budgetUsd, name);
                run = runner.stockpile(p);
            } catch (IllegalArgumentException e) {
                return usage(spec, e);
            } catch (NoSuchFileException e) {
                return usage(spec, new IllegalArgumentException("no allocation file " + allocation
                        + " (or give equal or by-import-reliance)"));
            }
            return printRun(run, jdbc, spec.commandLine().getOut());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the scenario runs with their parameters.")
    static class ListRuns implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final JdbcTemplate jdbc;

        ListRuns(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Integer call() {
            Table.print(spec.commandLine().getOut(), List.of("run", "kind", "name", "started", "ms", "results", "parameters"),
                    jdbc.queryForList("""
                            select run_id as run, kind, coalesce(name, '') as name,
                                   to_char(started_at, 'YYYY-MM-DD HH24:MI:SS') as started, millis as ms,
                                   n_results as results, parameters::text as parameters
                            from indicator.v_scenario_run
                            order by run_id"""));
            return EtlCommand.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints a run's parameters and every result.")
    static class Show implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID")
        long runId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final JdbcTemplate jdbc;

        Show(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Integer call() {
            List<Map<String, Object>> run = jdbc.queryForList("""
                    select kind, coalesce(name, '') as name, parameters::text as parameters, editions::text as editions,
                           to_char(started_at, 'YYYY-MM-DD HH24:MI:SS') as started, millis
                    from indicator.v_scenario_run where run_id = ?""", runId);
            if (run.isEmpty()) {
                spec.commandLine().getErr().println("error: no scenario run " + runId + " (see jobs/etl scenario list)");
                return EtlCommand.FAILED;
            }
            PrintWriter out = spec.commandLine().getOut();
            Map<String, Object> r = run.get(0);
            out.println("scenario run " + runId + " (" + r.get("kind") + (r.get("name").toString().isEmpty() ? "" : ", " + r.get("name"))
                    + "), started " + r.get("started") + ", " + r.get("millis") + " ms");
            out.println("parameters: " + r.get("parameters"));
            out.println("editions:   " + r.get("editions"));
            Table.print(out, COLUMNS, results(jdbc, runId, List.of()));
            return EtlCommand.OK;
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true, description = "Removes a run and its results.")
    static class Drop implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "ID")
        long runId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final ScenarioRunner runner;

        Drop(ScenarioRunner runner) {
            this.runner = runner;
        }

        @Override
        public Integer call() {
            if (!runner.drop(runId)) {
                spec.commandLine().getErr().println("error: no scenario run " + runId + " (see jobs/etl scenario list)");
                return EtlCommand.FAILED;
            }
            spec.commandLine().getOut().println("scenario run " + runId + " dropped");
            spec.commandLine().getOut().flush();
            return EtlCommand.OK;
        }
    }
}
