-- Supply shock, production side: the world after an exporter cuts its output.
-- Grain: run x source x commodity x stage x measure (party 'WLD', the world), one year per key.
-- Units: tonnes; percent; HHI 0-10,000.
-- Parameters (indicator.scenario_run.parameters of :run_id): commodities[], exporters[] (ISO3 codes or
--   ref.country_group codes, expanded to their members), cut_pct (0-100), stage (null = every stage),
--   year (null = the latest year of the key).
-- Formula: cut = cut_pct / 100; exporter_production_t = sum of the exporters' production;
--   shortfall_t = cut x exporter_production_t; world_supply_after_t = world_t - shortfall_t;
--   exporter_share_after_pct = 100 x (1 - cut) x exporter_production_t / world_supply_after_t;
--   hhi_after = sum over producers of (100 x after_t / world_supply_after_t)^2, after_t = (1 - cut) x q for an
--   exporter, q otherwise; cr3_after = the three largest shares after. world_t and the shares before are those
--   of indicator.v_china_share / v_concentration (reported world total, else the sum of countries; the
--   "Other countries" residual counted as many small producers).
--   An exporter withheld (W) leaves every measure that needs its figure null, with the reason in note.
-- Source: indicator.production_share_base (warehouse.production_fact), latest edition per key.

-- the planner estimates the parameter CTEs at a row or two and picks nested loops over every country row of the
-- production base (a second instead of tens of milliseconds): hash joins only, as in group_dependence.sql
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;
-- the planner, estimating the CTEs at a few rows, would sort the production base to join and group it, and a text sort
-- goes through the collation (strcoll) at every comparison: hashing only
set local enable_sort = off;

insert into indicator.scenario_result (
    run_id, source, commodity, stage, party_kind, party, measure, detail, year, value, unit, note, editions
)
with run as (
    select run_id, parameters as p
    from indicator.scenario_run
    where run_id = :run_id
),

params as (
    select run_id, (p ->> 'cut_pct')::numeric / 100 as cut, p ->> 'stage' as stage, (p ->> 'year')::integer as year
    from run
),

commodities as (
    select jsonb_array_elements_text(p -> 'commodities') as commodity
    from run
),

shocked as (
    select distinct coalesce(m.iso3::text, e.code) as iso3
    from run
    cross join jsonb_array_elements_text(p -> 'exporters') as e (code)
    left join ref.country_group_member as m on m.group_code = e.code
),

base as materialized (
    -- the production base of the run's commodities, computed once for the keys and the countries below
    select b.source, b.commodity, b.stage, b.year, b.edition, b.country_iso3, b.quantity_t, b.world_t, b.share_basis
    from indicator.production_share_base as b
    cross join params as p
    where b.commodity in (select commodity from commodities)
      and (p.stage is null or b.stage = p.stage)
      and (p.year is null or b.year = p.year)
),

keys as (
    select distinct source, commodity, stage, year, edition
    from base
),

latest_edition as (
    select distinct on (source, commodity, stage, year) source, commodity, stage, year, edition
    from keys
    order by source, commodity, stage, year, edition desc
),

chosen as (
    select distinct on (source, commodity, stage) source, commodity, stage, year, edition
    from latest_edition
    order by source, commodity, stage, year desc
),

countries as (
    select
        b.source, b.commodity, b.stage, b.year, b.edition, b.country_iso3, b.quantity_t, b.world_t, b.share_basis,
        s.iso3 is not null as is_shocked,
        case when s.iso3 is not null then b.quantity_t * (1 - p.cut) else b.quantity_t end as after_t
    from base as b
    join chosen as k using (source, commodity, stage, year, edition)
    cross join params as p
    left join shocked as s on s.iso3 = b.country_iso3
),

totals as (
    select
        c.source, c.commodity, c.stage, c.year, c.edition,
        max(c.world_t)                                                    as world_t,
        max(c.share_basis)                                                as share_basis,
        coalesce(sum(c.quantity_t) filter (where c.is_shocked), 0)        as exporter_t,
        count(*) filter (where c.is_shocked)                              as n_exporters_listed,
        count(*) filter (where c.is_shocked and c.quantity_t is null)     as n_exporters_unknown,
        max(p.cut)                                                        as cut
    from countries as c
    cross join params as p
    group by c.source, c.commodity, c.stage, c.year, c.edition
),

cut_totals as (
    select
        t.*,
        case when t.n_exporters_unknown = 0 then t.cut * t.exporter_t end                  as shortfall_t,
        case when t.n_exporters_unknown = 0 then t.world_t - t.cut * t.exporter_t end      as world_after_t
    from totals as t
),

shares as (
    select
        c.source, c.commodity, c.stage, c.year,
        100.0 * c.quantity_t / nullif(a.world_t, 0)      as share_before,
        100.0 * c.after_t / nullif(a.world_after_t, 0)   as share_after
    from countries as c
    join cut_totals as a using (source, commodity, stage, year)
),

ranked as (
    select
        s.*,
        row_number() over (partition by source, commodity, stage, year order by share_before desc nulls last) as rank_before,
        row_number() over (partition by source, commodity, stage, year order by share_after desc nulls last) as rank_after
    from shares as s
),

concentration as (
    select
        source, commodity, stage, year,
        sum(share_before ^ 2) filter (where share_before > 0)                  as hhi_before,
        sum(share_after ^ 2) filter (where share_after > 0)                    as hhi_after,
        sum(share_before) filter (where rank_before <= 3 and share_before > 0) as cr3_before,
        sum(share_after) filter (where rank_after <= 3 and share_after > 0)    as cr3_after
    from ranked
    group by source, commodity, stage, year
),

final as (
    select
        a.*,
        c.hhi_before, c.hhi_after, c.cr3_before, c.cr3_after,
        case when a.n_exporters_unknown > 0 then 'an exporter''s production is withheld (W): its cut is unknown'
             when a.n_exporters_listed = 0 then 'no exporter listed by the source for this key: nothing to cut' end
            as exporter_note
    from cut_totals as a
    join concentration as c using (source, commodity, stage, year)
)

select
    r.run_id, f.source, f.commodity, f.stage, 'world', 'WLD', m.measure, '', f.year, round(m.value, 4), m.unit,
    coalesce(m.note, f.exporter_note), array[f.edition]
from final as f
cross join run as r
cross join lateral (values
    ('world_supply_before_t', f.world_t, 't', 'denominator: ' || f.share_basis),
    ('exporter_production_t', case when f.n_exporters_unknown = 0 then f.exporter_t end, 't', null),
    ('shortfall_t', f.shortfall_t, 't', null),
    ('world_supply_after_t', f.world_after_t, 't', null),
    ('exporter_share_before_pct', case when f.n_exporters_unknown = 0 then 100.0 * f.exporter_t / nullif(f.world_t, 0) end,
        'pct', null),
    ('exporter_share_after_pct', 100.0 * (1 - f.cut) * f.exporter_t / nullif(f.world_after_t, 0), 'pct', null),
    ('hhi_before', f.hhi_before, 'hhi', 'sum of squared country shares, percent'),
    ('hhi_after', case when f.n_exporters_unknown = 0 then f.hhi_after end, 'hhi', null),
    ('cr3_before', f.cr3_before, 'pct', null),
    ('cr3_after', case when f.n_exporters_unknown = 0 then f.cr3_after end, 'pct', null)
) as m (measure, value, unit, note);
