-- Dependence of a country group, as importer, on China and on itself.
-- Grain: group x source x commodity x stage x year x flow (M imports; annual rows).
-- Units: USD; percent.
-- Formula: over the imports reported by the group's members (ref.country_group_member), the share of value
--   coming from China (CHN) and from members of the same group (intra_group_share_pct). Partner World and
--   non-country areas are excluded from the denominator, as in import_dependence.
-- Source: indicator.trade_import (base_trade_imports.sql) on the trade_basis of ref.indicator_setting, as
--   import_dependence.sql.
-- Years: the trade years this recompute takes (indicator.trade_year_recompute, base_trade_imports.sql); the rows
--   of the other years stay as they are.

-- The CTE chain below is estimated at a handful of rows (the planner cannot see through the edition ranking),
-- and nested loops over twelve thousand classified rows per BACI million then take minutes: hash joins only.
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;
-- the sorts and hashes of the classified trade rows (about a hundred thousand per BACI year) fit in memory
set local work_mem = '64MB';

delete from indicator.group_dependence
where year = any (array(select year from indicator.trade_year_recompute));

insert into indicator.group_dependence (
    group_code, source, commodity, stage, year, flow, n_reporters, total_value_usd, china_value_share_pct,
    intra_group_share_pct, is_proxy
)
with trade as (
    select *
    from indicator.trade_import
    where basis = (select indicator.trade_basis())
      and flow = 'M'
      and partner_kind = 'country'
      and year = any (array(select year from indicator.trade_year_recompute))
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
