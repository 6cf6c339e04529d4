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
-- Source: warehouse.trade_fact, the latest edition per trade key as in warehouse.v_trade (classified rows only,
--   through ix_trade_fact_critical; BACI exports mirrored into imports). Sources (comtrade,
--   baci) are never mixed.

-- The CTE chain below is estimated at a handful of rows (the planner cannot see through the edition ranking),
-- and nested loops over twelve thousand classified rows per BACI million then take minutes: hash joins only.
set local enable_nestloop = off;

delete from indicator.import_dependence;

insert into indicator.import_dependence (
    source, reporter_iso3, commodity, stage, year, flow, total_value_usd, total_t, n_suppliers,
    china_value_share_pct, china_qty_share_pct, greater_china_value_share_pct, world_total_value_usd,
    china_share_of_world_total_pct, supplier_hhi, top_supplier_iso3, top_supplier_share_pct, non_country_value_usd,
    is_proxy, editions
)
with latest as (
    -- the latest edition per trade key, like warehouse.v_trade, but over the classified rows only
    -- (ix_trade_fact_critical): annual breakdown totals
    select *
    from (
        select
            t.*,
            row_number() over (
                partition by source, year, month, hs_revision, reporter_code, partner_code, flow, hs_code
                order by edition desc
            ) as edition_rank
        from warehouse.trade_fact as t
        where t.commodity is not null
          and t.breakdown = ''
          and t.month = 0
    ) as ranked
    where edition_rank = 1
),

imports as (
    -- imports as reported (Comtrade); BACI holds exports (exporter i to importer j, FOB), so an importer's
    -- BACI imports are the mirror of its partners' exports
    select source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage, year,
           null::integer as month, value_usd, net_weight_t, is_proxy, edition
    from latest
    where source <> 'baci'
      and flow in ('M', 'RM')
      and partner_kind <> 'world'
    union all
    select source, partner_iso3, partner_code, reporter_iso3,
           case when reporter_iso3 is null then 'nes' else 'country' end, 'M', hs_code, commodity, stage, year,
           null::integer, value_usd, net_weight_t, is_proxy, edition
    from latest
    where source = 'baci'
      and flow = 'X'
),

subheaded as (
    -- headings whose 6-digit subheadings the same flows also carry: the heading row would count them twice
    select distinct source, reporter_code, flow, year, left(hs_code, 4) as heading
    from imports
    where length(hs_code) = 6
),

trade as (
    select t.*
    from imports as t
    left join subheaded as h
           on h.source = t.source and h.reporter_code = t.reporter_code and h.flow = t.flow and h.year = t.year
          and h.heading = t.hs_code
    where t.flow in ('M', 'RM')
      and t.month is null
      and t.commodity is not null
      and t.reporter_iso3 is not null
      and h.heading is null
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

world_rows as (
    select source, reporter_iso3, reporter_code, commodity, stage, year, flow, hs_code, value_usd
    from latest
    where partner_kind = 'world'
      and flow in ('M', 'RM')
      and reporter_iso3 is not null
),

world_subheaded as (
    select distinct source, reporter_code, flow, year, left(hs_code, 4) as heading
    from world_rows
    where length(hs_code) = 6
),

world as (
    select w.source, w.reporter_iso3, w.commodity, w.stage, w.year, w.flow, sum(w.value_usd) as world_total_value_usd
    from world_rows as w
    left join world_subheaded as h
           on h.source = w.source and h.reporter_code = w.reporter_code and h.flow = w.flow and h.year = w.year
          and h.heading = w.hs_code
    where h.heading is null
    group by w.source, w.reporter_iso3, w.commodity, w.stage, w.year, w.flow
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
