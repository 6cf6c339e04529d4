-- Public SQL API over the trade facts (UN Comtrade, CEPII BACI).

-- Every column of a trade fact spelled out: the load's source, edition and units (etl.trade_load), the partner's
-- kind (ref.area), commodity and stage (ref.hs_map), the Comtrade detail (trade_flow_detail) and the lineage.
create or replace view warehouse.trade_fact as
select
    l.source,
    l.edition,
    f.year,
    f.month,
    f.hs_revision,
    f.reporter_code,
    case when reporter_area.area_code is null then f.reporter_code end::char(3) as reporter_iso3,
    f.partner_code,
    case when partner_area.area_code is null then f.partner_code end::char(3) as partner_iso3,
    coalesce(partner_area.kind, 'country') as partner_kind,
    f.flow,
    f.hs_code,
    f.breakdown,
    coalesce(d.customs_code, 'C00') as customs_code,
    coalesce(d.mot_code, 0) as mot_code,
    coalesce(d.mos_code, 0) as mos_code,
    coalesce(d.partner2_code, 0) as partner2_code,
    m.commodity,
    m.stage,
    m.is_proxy,
    l.hs_map_version,
    trim_scale(f.value * l.value_per_original) as value_usd,
    case when l.source = 'comtrade' and f.flow in ('M', 'RM') then 'CIF' else 'FOB' end as value_basis,
    trim_scale(f.value) as original_value,
    l.original_value_unit,
    d.cif_value_usd,
    case when l.source = 'baci' then trim_scale(f.value * l.value_per_original) else d.fob_value_usd end as fob_value_usd,
    trim_scale(f.net_weight / l.original_per_tonne) as net_weight_t,
    trim_scale(f.net_weight) as original_net_weight,
    case when f.net_weight is not null then l.original_weight_unit end as original_weight_unit,
    case when l.source = 'baci' then trim_scale(f.net_weight) else d.quantity end as quantity,
    case when l.source = 'baci' then (case when f.net_weight is not null then 't' end) else d.quantity_unit end
        as quantity_unit,
    d.is_estimate,
    d.is_qty_estimated,
    d.is_net_wgt_estimated,
    d.is_reported,
    d.is_aggregate,
    ld.source_file_id,
    f.row_number::bigint as row_number,
    f.load_id,
    f.job_execution_id,
    ld.finished_at as loaded_at,
    f.hs_map_code
from warehouse.trade_flow as f
join etl.trade_load as l on l.load_id = f.load_id
join etl.load as ld on ld.load_id = f.load_id
left join ref.area as reporter_area on reporter_area.area_code = f.reporter_code
left join ref.area as partner_area on partner_area.area_code = f.partner_code
left join ref.hs_map as m on m.hs_map_version = l.hs_map_version and m.hs_code = f.hs_map_code
left join warehouse.trade_flow_detail as d on d.load_id = f.load_id and d.row_number = f.row_number;

comment on view warehouse.trade_fact is 'Trade flows with every column spelled out (values in USD and tonnes from the published ones and the per-load source, edition and units of etl.trade_load, areas from ref.area, commodity from ref.hs_map, Comtrade detail from trade_flow_detail). month 0 = annual. Query warehouse.v_trade and v_trade_world_total.';

-- Breakdown totals only, latest edition per key.

create or replace view warehouse.v_trade as
with facts as (
    select *
    from warehouse.trade_fact
    where breakdown = ''
      and partner_kind <> 'world'
),

ranked as (
    select
        facts.*,
        row_number() over (
            partition by source, year, month, hs_revision, reporter_code, partner_code, flow, hs_code
            order by edition desc
        ) as edition_rank
    from facts
),

final as (
    select
        source,
        reporter_iso3,
        partner_iso3,
        flow,
        hs_code,
        hs_revision,
        commodity,
        stage,
        year::integer as year,
        nullif(month, 0)::integer as month,
        value_usd,
        value_basis,
        net_weight_t,
        quantity,
        quantity_unit,
        is_estimate,
        edition,
        source_file_id,
        reporter_code,
        partner_code,
        partner_kind,
        is_proxy,
        hs_map_version,
        original_value,
        original_value_unit,
        original_net_weight,
        original_weight_unit,
        row_number,
        load_id
    from ranked
    where edition_rank = 1
)

select * from final;

create or replace view warehouse.v_trade_world_total as
with facts as (
    select *
    from warehouse.trade_fact
    where breakdown = ''
      and partner_kind = 'world'
),

ranked as (
    select
        facts.*,
        row_number() over (
            partition by source, year, month, hs_revision, reporter_code, flow, hs_code
            order by edition desc
        ) as edition_rank
    from facts
),

final as (
    select
        source,
        reporter_iso3,
        flow,
        hs_code,
        hs_revision,
        commodity,
        stage,
        year::integer as year,
        nullif(month, 0)::integer as month,
        value_usd,
        value_basis,
        net_weight_t,
        quantity,
        quantity_unit,
        is_estimate,
        edition,
        source_file_id,
        reporter_code,
        is_proxy,
        hs_map_version,
        original_value,
        original_value_unit,
        original_net_weight,
        original_weight_unit,
        row_number,
        load_id
    from ranked
    where edition_rank = 1
)

select * from final;

comment on view warehouse.v_trade is 'Trade flows by reporter, partner, flow, HS code and period: one row per (source, year, month, hs_revision, reporter_code, partner_code, flow, hs_code), latest edition, breakdown totals only. Partners are countries or explicit non-country areas (EU, "nes" areas, bunkers, free zones); partner World is never here (see v_trade_world_total).';
comment on view warehouse.v_trade_world_total is 'Reported totals with partner World (Comtrade partner 0), one row per (source, year, month, hs_revision, reporter_code, flow, hs_code), latest edition. Kept apart from the partner rows of v_trade so that sums over partners never double count.';

do $$
declare
    v text;
begin
    foreach v in array array['warehouse.v_trade', 'warehouse.v_trade_world_total'] loop
        execute format('comment on column %s.source is %L', v, 'comtrade (UN Comtrade, reporter-declared) or baci (CEPII BACI, reconciled mirror flows, reporter = exporter).');
        execute format('comment on column %s.reporter_iso3 is %L', v, 'ISO 3166-1 alpha-3 of the reporter (BACI: the exporter); null when the reporter is not a country (see reporter_code).');
        execute format('comment on column %s.flow is %L', v, 'M import, X export, RM re-import, RX re-export, as reported. BACI rows are exports (X) of the reporter to the partner.');
        execute format('comment on column %s.hs_code is %L', v, 'HS code as a string with its leading zeros (6 digits for subheadings, 4 for headings, 2 for chapters, TOTAL).');
        execute format('comment on column %s.hs_revision is %L', v, 'HS revision of the code: HS1992, HS1996, HS2002, HS2007, HS2012, HS2017, HS2022.');
        execute format('comment on column %s.commodity is %L', v, 'Critical mineral from ref.hs_map (version hs_map_version); null when the code is outside the map.');
        execute format('comment on column %s.stage is %L', v, 'Supply-chain stage of the HS code: mine (ores, concentrates), refinery (chemicals, oxides, unwrought metal), product (magnets, other goods); null outside the map.');
        execute format('comment on column %s.year is %L', v, 'Reference year of the flow.');
        execute format('comment on column %s.month is %L', v, 'Reference month 1-12 for monthly data; null for annual data.');
        execute format('comment on column %s.value_usd is %L', v, 'Trade value in current US dollars (BACI thousands of USD multiplied by 1000).');
        execute format('comment on column %s.value_basis is %L', v, 'CIF for Comtrade imports and re-imports, FOB for exports, re-exports and all of BACI.');
        execute format('comment on column %s.net_weight_t is %L', v, 'Net weight in metric tonnes (Comtrade netWgt kg / 1000; BACI q, already tonnes); null when not given.');
        execute format('comment on column %s.quantity is %L', v, 'Quantity in quantity_unit as reported (Comtrade qty; BACI q).');
        execute format('comment on column %s.quantity_unit is %L', v, 'Unit of quantity: kg, t, u (items), l, m2, ... or comtrade_unit_<code>; null when the source gives none.');
        execute format('comment on column %s.is_estimate is %L', v, 'True when Comtrade flags the quantity or net weight as estimated; null for BACI (no flag).');
        execute format('comment on column %s.edition is %L', v, 'Delivery the row comes from: BACI release (V202301), Comtrade layout (v1, legacy). The latest edition wins per key.');
        execute format('comment on column %s.source_file_id is %L', v, 'Lineage: etl.source_file (path, SHA-256).');
        execute format('comment on column %s.reporter_code is %L', v, 'Reporter as resolved: ISO3 for a country, else the ref.area code.');
        execute format('comment on column %s.is_proxy is %L', v, 'True when the HS code only approximates the commodity (baskets such as 8112.92, 2530.90).');
        execute format('comment on column %s.hs_map_version is %L', v, 'Version of ref.hs_map that classified the HS code.');
        execute format('comment on column %s.original_value is %L', v, 'Value as published, in original_value_unit.');
        execute format('comment on column %s.original_value_unit is %L', v, 'USD (Comtrade) or kUSD (BACI, thousands of US dollars).');
        execute format('comment on column %s.original_net_weight is %L', v, 'Net weight as published, in original_weight_unit.');
        execute format('comment on column %s.original_weight_unit is %L', v, 'kg (Comtrade netWgt) or t (BACI q).');
        execute format('comment on column %s.row_number is %L', v, 'Lineage: line number in the source file where the record starts (1 = header).');
        execute format('comment on column %s.load_id is %L', v, 'Lineage: etl.load (job execution, counts, etl.trade_load options).');
    end loop;
end $$;

comment on column warehouse.v_trade.partner_iso3 is 'ISO 3166-1 alpha-3 of the partner (BACI: the importer); null when the partner is not a country (partner_kind aggregate, nes or special).';
comment on column warehouse.v_trade.partner_code is 'Partner as resolved: ISO3 for a country, else the ref.area code (M49_97 EU, M49_899 Areas nes, M49_837 Bunkers, ...).';
comment on column warehouse.v_trade.partner_kind is 'country, aggregate (EU), nes (not elsewhere specified areas) or special (bunkers, free zones, special categories).';

