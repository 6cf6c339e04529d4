-- Import dependence of a reporter on its suppliers, China above all.
-- Grain: source x reporter x commodity x stage x year x flow (M imports, RM re-imports; annual rows).
-- Units: USD (value basis as reported: CIF for Comtrade imports, FOB for BACI); tonnes; percent.
-- Formula: shares of the reporter's imports of the commodity and stage (all its HS codes summed; a 4-digit
--   heading is left out where the same flows carry its 6-digit subheadings, so nothing counts twice) by
--   partner country. Partner World and the non-country areas ("nes", bunkers, free zones) are excluded from
--   the denominators (their value is shown in non_country_value_usd). china_* = partner CHN;
--   greater_china_* = CHN + HKG + MAC; supplier_hhi = sum of squared partner value shares in percent
--   (0-10,000); top_supplier = the largest partner by value. Where the reporter also reports its trade with
--   partner World (world_total_value_usd, same HS codes), china_share_of_world_total_pct = China / World:
--   the honest figure when an extract carries only some partners (the Comtrade samples carry China only).
-- Source: indicator.trade_import (base_trade_imports.sql) on the trade_basis of ref.indicator_setting and
--   classified_world_imports (R__20_indicator_base.sql: warehouse.trade_fact,
--   latest edition per trade key, classified rows only, BACI exports mirrored into imports). Sources (comtrade,
--   baci) are never mixed.
-- Years: the trade years this recompute takes (indicator.trade_year_recompute, base_trade_imports.sql); the rows
--   of the other years stay as they are.

-- The CTE chain below is estimated at a handful of rows (the planner cannot see through the edition ranking),
-- and nested loops over twelve thousand classified rows per BACI million then take minutes: hash joins only.
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;
-- the sorts and hashes of the classified trade rows (about a hundred thousand per BACI year) fit in memory
set local work_mem = '64MB';

delete from indicator.import_dependence
where year = any (array(select year from indicator.trade_year_recompute));

insert into indicator.import_dependence (
    source, reporter_iso3, commodity, stage, year, flow, total_value_usd, total_t, n_suppliers,
    china_value_share_pct, china_qty_share_pct, greater_china_value_share_pct, world_total_value_usd,
    china_share_of_world_total_pct, supplier_hhi, top_supplier_iso3, top_supplier_share_pct, non_country_value_usd,
    is_proxy, editions
)
with trade as (
    select *
    from indicator.trade_import
    where basis = (select indicator.trade_basis())
      and flow in ('M', 'RM')
      and reporter_iso3 is not null
      and year = any (array(select year from indicator.trade_year_recompute))
),

by_partner as (
    select
        source, reporter_iso3, commodity, stage, year, flow, partner_iso3, partner_kind,
        sum(value_usd)    as value_usd,
        sum(net_weight_t) as net_weight_t,
        bool_or(is_proxy) as is_proxy
    from trade
    group by source, reporter_iso3, commodity, stage, year, flow, partner_iso3, partner_kind
),

countries as (
    select
        b.*,
        100.0 * b.value_usd / nullif(sum(b.value_usd) over k, 0) as value_share_pct,
        row_number() over (partition by source, reporter_iso3, commodity, stage, year, flow
                           order by b.value_usd desc nulls last, b.partner_iso3) as value_rank
    from by_partner as b
    where b.partner_kind = 'country'
    window k as (partition by source, reporter_iso3, commodity, stage, year, flow)
),

keys as (
    select
        source, reporter_iso3, commodity, stage, year, flow,
        coalesce(sum(value_usd) filter (where partner_kind <> 'country'), 0) as non_country_value_usd,
        bool_or(is_proxy) as is_proxy
    from by_partner
    group by source, reporter_iso3, commodity, stage, year, flow
),

world as (
    select source, reporter_iso3, commodity, stage, year, flow, sum(value_usd) as world_total_value_usd
    from indicator.classified_world_imports
    where reporter_iso3 is not null
      and year = any (array(select year from indicator.trade_year_recompute))
    group by source, reporter_iso3, commodity, stage, year, flow
),

editions as (
    select source, reporter_iso3, commodity, stage, year, flow, array_agg(distinct edition order by edition) as editions
    from trade
    group by source, reporter_iso3, commodity, stage, year, flow
),

aggregated as (
    select
        c.source, c.reporter_iso3, c.commodity, c.stage, c.year, c.flow,
        sum(c.value_usd)                                                     as total_value_usd,
        sum(c.net_weight_t)                                                  as total_t,
        count(*) filter (where c.value_usd > 0)                              as n_suppliers,
        coalesce(sum(c.value_usd) filter (where c.partner_iso3 = 'CHN'), 0)  as china_value_usd,
        coalesce(sum(c.net_weight_t) filter (where c.partner_iso3 = 'CHN'), 0) as china_t,
        coalesce(sum(c.value_usd) filter (where c.partner_iso3 in ('CHN', 'HKG', 'MAC')), 0) as greater_china_value_usd,
        sum(c.value_share_pct ^ 2)                                           as supplier_hhi,
        max(c.partner_iso3) filter (where c.value_rank = 1)                  as top_supplier_iso3,
        max(c.value_share_pct) filter (where c.value_rank = 1)               as top_supplier_share_pct
    from countries as c
    group by c.source, c.reporter_iso3, c.commodity, c.stage, c.year, c.flow
)

select
    k.source, k.reporter_iso3, k.commodity, k.stage, k.year, k.flow,
    a.total_value_usd, a.total_t, coalesce(a.n_suppliers, 0),
    round(100.0 * a.china_value_usd / nullif(a.total_value_usd, 0), 4),
    round(100.0 * a.china_t / nullif(a.total_t, 0), 4),
    round(100.0 * a.greater_china_value_usd / nullif(a.total_value_usd, 0), 4),
    w.world_total_value_usd,
    round(100.0 * a.china_value_usd / nullif(w.world_total_value_usd, 0), 4),
    round(a.supplier_hhi, 1),
    a.top_supplier_iso3,
    round(a.top_supplier_share_pct, 4),
    k.non_country_value_usd, k.is_proxy, e.editions
from keys as k
join editions as e using (source, reporter_iso3, commodity, stage, year, flow)
left join aggregated as a using (source, reporter_iso3, commodity, stage, year, flow)
left join world as w using (source, reporter_iso3, commodity, stage, year, flow);
