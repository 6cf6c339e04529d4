-- Public views of the scenario runs (jobs/etl scenario shock|stockpile): the runs with their parameters, and their
-- results with the run's kind and name beside every row. Written by sql/scenario/*.sql, one run at a time.

create or replace view indicator.v_scenario_run as
select run_id, kind, name, parameters, editions, started_at, finished_at, millis, n_results
from indicator.scenario_run;

comment on view indicator.v_scenario_run is 'Scenario runs (jobs/etl scenario shock|stockpile): the parameters each was launched with and the editions of the facts it read. jobs/etl scenario drop ID removes one with its results.';
comment on column indicator.v_scenario_run.run_id is 'Identifier of the run (jobs/etl scenario show ID).';
comment on column indicator.v_scenario_run.kind is 'shock (supply-shock scenario) or stockpile (stockpile budget).';
comment on column indicator.v_scenario_run.name is 'Name given with --name, else null.';
comment on column indicator.v_scenario_run.parameters is 'The parameters as JSON: shock: commodities, exporters, cut_pct, stage, year; stockpile: budget_usd, allocation and its shares.';
comment on column indicator.v_scenario_run.editions is 'Editions of the facts the run read, by source (JSON object of arrays).';
comment on column indicator.v_scenario_run.started_at is 'When the run started (database clock).';
comment on column indicator.v_scenario_run.finished_at is 'When the run committed; null for a run that did not finish.';
comment on column indicator.v_scenario_run.millis is 'Duration of the run''s SQL, milliseconds.';
comment on column indicator.v_scenario_run.n_results is 'Rows of the run in indicator.v_scenario_result.';

create or replace view indicator.v_scenario_result as
select
    s.run_id, r.kind, r.name, s.source, s.commodity, s.stage, s.party_kind, s.party, s.measure, s.detail, s.year,
    s.value, s.unit, s.is_upper_bound, s.note, s.editions, r.started_at
from indicator.scenario_result as s
join indicator.scenario_run as r on r.run_id = s.run_id;

comment on view indicator.v_scenario_result is 'Results of the scenario runs, one row per run, source, commodity, stage, party and measure (and detail: a supplier or a price series). Formulas in docs/scenarios.md and the headers of sql/scenario/*.sql. Rows with is_upper_bound are upper bounds, not forecasts.';
comment on column indicator.v_scenario_result.run_id is 'The run (indicator.v_scenario_run).';
comment on column indicator.v_scenario_result.kind is 'shock or stockpile.';
comment on column indicator.v_scenario_result.name is 'Name of the run, if given.';
comment on column indicator.v_scenario_result.source is 'Facts the row comes from: usgs_mcs or wmd (production), comtrade or baci (trade); sources are never mixed.';
comment on column indicator.v_scenario_result.commodity is 'Commodity code (ref.commodity).';
comment on column indicator.v_scenario_result.stage is 'mine, refinery or product; empty for a stockpile budget row (a commodity as the USGS prices it).';
comment on column indicator.v_scenario_result.party_kind is 'world (production side), country (an importer), group (a ref.country_group as importer), budget (a stockpile run''s totals).';
comment on column indicator.v_scenario_result.party is 'WLD, an ISO alpha-3 importer, a group code, or budget.';
comment on column indicator.v_scenario_result.measure is 'What the value is, e.g. shortfall_t, imports_lost_usd, supplier_hhi_after, alternative_supplier_spare_usd, stockpile_days_of_cover, tonnes_bought (docs/scenarios.md lists them).';
comment on column indicator.v_scenario_result.detail is 'A supplier (ISO alpha-3) for alternative_supplier_spare_usd, a price series for price rows; empty otherwise.';
comment on column indicator.v_scenario_result.year is 'Data year the measure is computed for.';
comment on column indicator.v_scenario_result.value is 'The figure, in unit; null when it cannot be computed (the reason is in note).';
comment on column indicator.v_scenario_result.unit is 't, usd, pct, hhi (0-10,000), days, usd_per_t.';
comment on column indicator.v_scenario_result.is_upper_bound is 'True for an upper bound (alternative suppliers: as if all their other exports could be redirected).';
comment on column indicator.v_scenario_result.note is 'How the figure was obtained, or why it is null.';
comment on column indicator.v_scenario_result.editions is 'Editions of the facts behind the row.';
comment on column indicator.v_scenario_result.started_at is 'When the run started.';
