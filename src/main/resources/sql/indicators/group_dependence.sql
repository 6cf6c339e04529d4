-- Dependence of a country group, as importer, on China and on itself.
-- Grain: group x source x commodity x stage x year x flow (M imports; annual rows).
-- Units: USD; percent.
-- Formula: over the imports reported by the group's members (ref.country_group_member), the share of value
--   coming from China (CHN) and from members of the same group (intra_group_share_pct). Partner World and
--   non-country areas are excluded from the denominator, as in import_dependence.
-- Source: warehouse.trade_fact (latest edition per trade key, classified rows only), as import_dependence.sql.

-- The CTE chain below is estimated at a handful of rows (the planner cannot see through the edition ranking),
-- and nested loops over twelve thousand classified rows per BACI million then take minutes: hash joins only.
set local enable_nestloop = off;

delete from indicator.group_dependence;

insert into indicator.group_dependence (
    group_code, source, commodity, stage, year, flow, n_reporters, total_value_usd, china_value_share_pct,
    intra_group_share_pct, is_proxy
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
    where t.flow = 'M'
      and t.month is null
      and t.commodity is not null
      and t.partner_kind = 'country'
      and h.heading is null
),

member_imports as (
    select
        m.group_code, t.source, t.commodity, t.stage, t.year, t.flow, t.reporter_iso3, t.partner_iso3,
        t.value_usd, t.is_proxy,
        exists (select 1 from ref.country_group_member as p
                where p.group_code = m.group_code and p.iso3 = t.partner_iso3) as partner_in_group
    from trade as t
    join ref.country_group_member as m on m.iso3 = t.reporter_iso3
)

select
    group_code, source, commodity, stage, year, flow,
    count(distinct reporter_iso3),
    sum(value_usd),
    round(100.0 * coalesce(sum(value_usd) filter (where partner_iso3 = 'CHN'), 0) / nullif(sum(value_usd), 0), 4),
    round(100.0 * coalesce(sum(value_usd) filter (where partner_in_group), 0) / nullif(sum(value_usd), 0), 4),
    bool_or(is_proxy)
from member_imports
group by group_code, source, commodity, stage, year, flow;
