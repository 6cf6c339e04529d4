-- Bloc self-sufficiency: could a group's own mines and refineries supply what it uses?
-- Grain: group_code x source (production: usgs_mcs, wmd) x trade_source (comtrade, baci; '' without trade
--   figures) x commodity x stage x year x edition (of the production figures).
-- Units: tonnes; USD; percent; a ratio (1 = the group produces as much as it uses).
-- Formula: group_production_t and group_share_pct from indicator.group_share (members' production / world_t).
--   members_consumption_t = the sum of the members' US-salient apparent consumption (indicator.net_import_reliance:
--   only the United States has one), n_members_with_consumption of n_members.
--   Imports from the members' reported imports (indicator.classified_imports, flow M, partner countries, latest
--   edition per trade key, the same year): from outside the group (tonnes, USD), from inside it, from China.
--   self_sufficiency_ratio =
--     group_production_t / members_consumption_t               when every member has an apparent consumption
--                                                               (ratio_basis 'production_over_consumption');
--     group_production_t / (group_production_t + imports_from_outside_t)   otherwise, when a member reported
--                                                               imports (ratio_basis 'production_over_production_plus_imports');
--     null otherwise (ratio_basis 'unknown').
-- Caveats: production is in the basis USGS or WMD states (contained metal, oxide), imports are net weights of the
--   HS codes of the stage (gross product weight): the second basis mixes the two and is a rough indicator, not a
--   balance; exports of the group are not subtracted (a net exporter's ratio is below what it could supply); the
--   US apparent consumption is for the commodity as USGS defines it, whatever the stage; a member that does not
--   report imports counts as importing nothing (n_reporters says how many did).
-- Source: indicator.group_share, indicator.net_import_reliance (both run before this file: name order),
--   indicator.trade_import basis reported (base_trade_imports.sql: indicator.classified_imports).

set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;

delete from indicator.group_self_sufficiency;

insert into indicator.group_self_sufficiency (
    group_code, source, trade_source, commodity, stage, year, edition, group_production_t, world_t, group_share_pct,
    n_members, n_members_with_consumption, members_consumption_t, n_reporters, imports_from_outside_t,
    imports_from_outside_usd, imports_from_inside_usd, imports_from_china_usd, imports_from_china_t,
    self_sufficiency_ratio, ratio_basis
)
with production as (
    select group_code, source, commodity, stage, year, edition, group_t, world_t, share_pct
    from indicator.group_share
),

group_size as (
    select group_code, count(*) as n_members
    from ref.country_group_member
    group by group_code
),

us_consumption as (
    select distinct on (commodity, year) commodity, year, apparent_consumption_t
    from indicator.net_import_reliance
    where apparent_consumption_t is not null
    order by commodity, year, edition desc, (detail = '') desc, apparent_consumption_t desc
),

consumption as (
    select m.group_code, c.commodity, c.year, count(*) as n_members_with_consumption,
           sum(c.apparent_consumption_t) as consumption_t
    from ref.country_group_member as m
    join us_consumption as c on m.iso3 = 'USA'
    group by m.group_code, c.commodity, c.year
),

imports as (
    select
        m.group_code, i.source as trade_source, i.commodity, i.stage, i.year,
        count(distinct i.reporter_iso3) as n_reporters,
        sum(i.net_weight_t) filter (where p.iso3 is null) as outside_t,
        sum(i.value_usd) filter (where p.iso3 is null)    as outside_usd,
        coalesce(sum(i.value_usd) filter (where p.iso3 is not null), 0) as inside_usd,
        coalesce(sum(i.value_usd) filter (where i.partner_iso3 = 'CHN'), 0)    as china_usd,
        coalesce(sum(i.net_weight_t) filter (where i.partner_iso3 = 'CHN'), 0) as china_t
    from indicator.trade_import as i
    join ref.country_group_member as m on m.iso3 = i.reporter_iso3
    left join ref.country_group_member as p on p.group_code = m.group_code and p.iso3 = i.partner_iso3
    where i.basis = 'reported'
      and i.flow = 'M'
      and i.partner_kind = 'country'
    group by m.group_code, i.source, i.commodity, i.stage, i.year
),

joined as (
    select
        p.*, s.n_members,
        coalesce(c.n_members_with_consumption, 0) as n_members_with_consumption, c.consumption_t,
        coalesce(i.trade_source, '') as trade_source, coalesce(i.n_reporters, 0) as n_reporters,
        i.outside_t, i.outside_usd, i.inside_usd, i.china_usd, i.china_t
    from production as p
    join group_size as s using (group_code)
    left join consumption as c using (group_code, commodity, year)
    left join imports as i using (group_code, commodity, stage, year)
)

select
    group_code, source, trade_source, commodity, stage, year, edition, group_t, world_t, share_pct, n_members,
    n_members_with_consumption, consumption_t, n_reporters, outside_t, outside_usd, inside_usd, china_usd, china_t,
    round(case when n_members_with_consumption = n_members then group_t / nullif(greatest(consumption_t, 0), 0)
               when n_reporters > 0 then group_t / nullif(group_t + outside_t, 0) end, 4),
    case when n_members_with_consumption = n_members then 'production_over_consumption'
         when n_reporters > 0 and outside_t is not null then 'production_over_production_plus_imports'
         else 'unknown' end
from joined;
