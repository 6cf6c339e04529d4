-- Share of production by country group (every group of ref.country_group: china_mainland, greater_china,
-- eu27, the editable allied_bloc, and any group an analyst adds).
-- Grain: group_code x source x commodity x stage x year x edition. Units: tonnes; percent of world_t.
-- Formula: share_pct = 100 * sum(members' production) / world_t (same denominator as china_share);
--   members not listed by the source count as 0; a member listed without a number (W withheld, NA) makes
--   the share unknown (null) and is counted in n_members_withheld.
-- Source: indicator.production_share_base, ref.country_group_member.

-- production_share_base is estimated at a row a step, and nested loops over its eight thousand country rows cost
-- seconds on input-samples (as in group_dependence.sql): hash joins only.
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;

delete from indicator.group_share;

insert into indicator.group_share (
    group_code, source, commodity, stage, year, edition, group_t, world_t, share_basis, n_members_listed,
    n_members_withheld, share_pct
)
with base as (
    select * from indicator.production_share_base
),

keys as (
    select distinct source, edition, commodity, stage, year, world_t, share_basis
    from base
),

groups as (
    select group_code from ref.country_group
),

members as (
    select
        m.group_code, b.source, b.edition, b.commodity, b.stage, b.year,
        sum(b.quantity_t)                          as group_t,
        count(*)                                   as n_members_listed,
        count(*) filter (where b.quantity_t is null) as n_members_withheld
    from base as b
    join ref.country_group_member as m on m.iso3 = b.country_iso3
    group by m.group_code, b.source, b.edition, b.commodity, b.stage, b.year
),

final as (
    select
        g.group_code, k.source, k.commodity, k.stage, k.year, k.edition,
        case when coalesce(m.n_members_withheld, 0) > 0 then null else coalesce(m.group_t, 0) end as group_t,
        k.world_t, k.share_basis,
        coalesce(m.n_members_listed, 0)   as n_members_listed,
        coalesce(m.n_members_withheld, 0) as n_members_withheld
    from keys as k
    cross join groups as g
    left join members as m
           on m.group_code = g.group_code and m.source = k.source and m.edition = k.edition
          and m.commodity = k.commodity and m.stage = k.stage and m.year = k.year
)

select
    group_code, source, commodity, stage, year, edition, group_t, world_t, share_basis, n_members_listed,
    n_members_withheld, round(100.0 * group_t / nullif(world_t, 0), 4) as share_pct
from final;
