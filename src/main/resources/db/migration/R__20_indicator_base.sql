-- indicator.production_share_base: the shared first model of the production indicators.
-- Grain: source x edition x commodity x stage x year x country (production, country rows only).
-- Units: tonnes; share_pct in percent of world_t.
-- Denominator: the reported world total where the source gives one (share_basis = 'reported_world_total'),
-- else the sum of the countries plus any residual "Other countries" row ('sum_of_countries').
-- Withheld (W) producers keep a null quantity and a null share: they are counted, never zeroed.

create or replace view indicator.production_share_base as
with countries as (
    select source, edition, commodity, stage, year, country_iso3, quantity_t, qualifier, source_file_id
    from warehouse.production_fact
    where measure = 'production'
      and entity_kind = 'country'
),

country_totals as (
    select
        source, edition, commodity, stage, year,
        sum(quantity_t)                                as countries_t,
        count(*)                                       as n_countries,
        count(*) filter (where qualifier = 'W')        as n_withheld,
        array_agg(distinct source_file_id)             as source_file_ids
    from countries
    group by source, edition, commodity, stage, year
),

world as (
    select distinct on (source, edition, commodity, stage, year)
        source, edition, commodity, stage, year,
        quantity_t as world_reported_t,
        note       as world_note
    from warehouse.production_fact
    where measure = 'production'
      and entity_kind = 'world_total'
      and quantity_t > 0
    order by source, edition, commodity, stage, year, row_number
),

residual as (
    select source, edition, commodity, stage, year, sum(quantity_t) as residual_t
    from warehouse.production_fact
    where measure = 'production'
      and entity_kind = 'residual'
    group by source, edition, commodity, stage, year
),

denominators as materialized (
    -- one row per source, edition, commodity, stage and year, computed before it meets the country rows: the
    -- planner, estimating a row or two for each of its parts, would otherwise join them to every country row in
    -- nested loops (a quarter of a second for eight thousand rows)
    select
        t.*,
        w.world_reported_t,
        w.world_note,
        r.residual_t,
        coalesce(w.world_reported_t, t.countries_t + coalesce(r.residual_t, 0)) as world_t,
        case when w.world_reported_t is not null then 'reported_world_total' else 'sum_of_countries' end as share_basis
    from country_totals as t
    left join world as w using (source, edition, commodity, stage, year)
    left join residual as r using (source, edition, commodity, stage, year)
),

final as (
    select
        c.source, c.edition, c.commodity, c.stage, c.year, c.country_iso3, c.quantity_t, c.qualifier,
        d.world_t, d.share_basis, d.world_note, d.world_reported_t, d.residual_t, d.countries_t, d.n_countries,
        d.n_withheld, d.source_file_ids,
        100.0 * c.quantity_t / nullif(d.world_t, 0) as share_pct
    from countries as c
    join denominators as d using (source, edition, commodity, stage, year)
)

select * from final;

comment on view indicator.production_share_base is 'Per-country production shares with their denominator (reported world total, else sum of countries + residual); the base of the production indicators. Every edition.';


-- indicator.classified_imports, classified_world_imports: the shared first models of the trade indicators.
-- Grain: source x reporter x partner x flow x HS code x year. Annual breakdown totals, latest edition per trade key as
-- in warehouse.v_trade, only the rows the HS map classifies: read from warehouse.trade_classified, which the trade
-- merge keeps (R__12_trade_load_tables.sql). Imports as reported (Comtrade); BACI holds exports (exporter i to
-- importer j, FOB), so an importer's BACI imports are the mirror of its partners' exports.
-- A 4-digit heading is left out where the same flows carry its 6-digit subheadings, so nothing counts twice.

create or replace view indicator.classified_imports as
with imports as (
    select source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage, year,
           value_usd, net_weight_t, is_proxy, edition
    from warehouse.trade_classified
    where source <> 'baci'
      and flow in ('M', 'RM')
      and partner_kind <> 'world'
    union all
    select source, partner_iso3, partner_code, reporter_iso3,
           case when reporter_iso3 is null then 'nes' else 'country' end, 'M', hs_code, commodity, stage, year,
           value_usd, net_weight_t, is_proxy, edition
    from warehouse.trade_classified
    where source = 'baci'
      and flow = 'X'
),

subheaded as (
    -- a window, not a second reference to imports: a filter on year (the years of a recompute) reaches the scans
    select t.*, bool_or(length(t.hs_code) = 6) over (partition by t.source, t.reporter_code, t.flow, t.year,
                                                                   left(t.hs_code, 4)) as has_subheadings
    from imports as t
),

final as (
    select source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage, year,
           value_usd, net_weight_t, is_proxy, edition
    from subheaded
    where not (length(hs_code) = 4 and has_subheadings)
)

select * from final;

comment on view indicator.classified_imports is 'Classified trade as imports (BACI exports mirrored), partner World excluded, headings with subheadings left out: the input of import_dependence and group_dependence.';

create or replace view indicator.classified_world_imports as
with world as (
    select source, reporter_iso3, reporter_code, flow, hs_code, commodity, stage, year, value_usd
    from warehouse.trade_classified
    where partner_kind = 'world'
      and flow in ('M', 'RM')
),

subheaded as (
    select distinct source, reporter_code, flow, year, left(hs_code, 4) as heading
    from world
    where length(hs_code) = 6
),

final as (
    select w.*
    from world as w
    left join subheaded as h
           on h.source = w.source and h.reporter_code = w.reporter_code and h.flow = w.flow and h.year = w.year
          and h.heading = w.hs_code
    where h.heading is null
)

select * from final;

comment on view indicator.classified_world_imports is 'Classified imports reported against partner World (Comtrade), headings with subheadings left out.';

-- the classified trade rows are in warehouse.trade_classified
drop view if exists indicator.classified_trade_latest;
