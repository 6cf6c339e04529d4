package org.mineralsetl.scenario;

import org.mineralsetl.support.SqlScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a scenario: records its parameters in {@code indicator.scenario_run}, then computes its results with the
 * set-based SQL of {@code sql/scenario/} from that row alone, all in one transaction (a run is there whole or not
 * at all). Parameters are checked against the reference tables first, so that a typo is an error, not an empty run.
 */
@Component
public class ScenarioRunner {

    private static final List<String> SHOCK = List.of("shock_production", "shock_trade", "shock_stockpile", "run_record");
    private static final List<String> STOCKPILE = List.of("stockpile_budget", "run_record");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;

    ScenarioRunner(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public ScenarioRun shock(ShockParameters p) {
        checkCodes(p.commodities(), "select commodity_code from ref.commodity", "commodity", "ref.commodity");
        checkCodes(p.exporters(), "select iso3::text from ref.country union select group_code from ref.country_group",
                "exporter", "ref.country (ISO alpha-3) or ref.country_group");
        if (p.stage() != null) {
            checkCodes(List.of(p.stage()), "select stage_code from ref.stage", "stage", "ref.stage");
        }
        if (p.cutPct().signum() < 0 || p.cutPct().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("the cut must be between 0 and 100 percent, not " + p.cutPct().toPlainString());
        }
        return run("shock", p.name(), SHOCK, """
                jsonb_build_object('commodities', to_jsonb(string_to_array(?, ',')), 'exporters', to_jsonb(string_to_array(?, ',')),
                                   'cut_pct', ?::numeric, 'stage', ?::text, 'year', ?::integer)""",
                String.join(",", p.commodities()), String.join(",", p.exporters()), p.cutPct(), p.stage(), p.year());
    }

    public ScenarioRun stockpile(StockpileParameters p) {
        if (!List.of("equal", "by-import-reliance", "file").contains(p.allocation())) {
            throw new IllegalArgumentException("allocation must be equal, by-import-reliance or a file, not " + p.allocation());
        }
        if (p.budgetUsd().signum() <= 0) {
            throw new IllegalArgumentException("the budget must be positive, not " + p.budgetUsd().toPlainString());
        }
        if (p.allocation().equals("file")) {
            checkCodes(List.copyOf(p.shares().keySet()), "select commodity_code from ref.commodity", "commodity", "ref.commodity");
        }
        String[] commodities = p.shares().keySet().toArray(String[]::new);
        String[] shares = p.shares().values().stream().map(BigDecimal::toPlainString).toArray(String[]::new);
        return run("stockpile", p.name(), STOCKPILE, """
                jsonb_strip_nulls(jsonb_build_object('budget_usd', ?::numeric, 'allocation', ?::text,
                    'shares', case when ?::text = 'file' then jsonb_object(?::text[], ?::text[]) end,
                    'file', ?::text, 'file_sha256', ?::text))""",
                p.budgetUsd(), p.allocation(), p.allocation(), commodities, shares, p.file(), p.sha256());
    }

    ScenarioRun run(String kind, String name, List<String> files, String parametersSql, Object... args) {
        List<String> statements = files.stream().flatMap(f -> SqlScript.statements("sql/scenario/" + f + ".sql").stream())
                .toList();
        return Objects.requireNonNull(transaction.execute(status -> {
            long start = System.nanoTime();
            Object[] all = new Object[args.length + 2];
            all[0] = kind;
            all[1] = name;
            System.arraycopy(args, 0, all, 2, args.length);
            Long runId = jdbc.queryForObject("insert into indicator.scenario_run (kind, name, parameters) values (?, ?, "
                    + parametersSql + ") returning run_id", Long.class, all);
            Map<String, Object> id = Map.of("run_id", Objects.requireNonNull(runId));
            for (String sql : statements) {
                named.update(sql, id);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            jdbc.update("update indicator.scenario_run set finished_at = clock_timestamp(), millis = ? where run_id = ?",
                    millis, runId);
            Integer n = jdbc.queryForObject("select n_results from indicator.scenario_run where run_id = ?", Integer.class, runId);
            return new ScenarioRun(runId, n == null ? 0 : n, millis);
        }));
    }

    /** Removes a run and its results; false when there is no such run. */
    public boolean drop(long runId) {
        return jdbc.update("delete from indicator.scenario_run where run_id = ?", runId) > 0;
    }

    private void checkCodes(List<String> codes, String knownSql, String what, String table) {
        List<String> known = jdbc.queryForList(knownSql, String.class);
        List<String> unknown = new ArrayList<>();
        for (String c : codes) {
            if (!known.contains(c)) {
                unknown.add(c);
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " given");
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown " + what + " " + String.join(", ", unknown) + " (codes are in " + table + ")");
        }
    }
}
