-- China share of production.
-- Grain: source x commodity x stage x year x edition. Units: tonnes; percent.
-- Formula: china_share_pct = 100 * China (CHN) / world_t; greater_china_share_pct uses CHN + HKG + MAC
--   (ref.country_group 'greater_china'). world_t is the reported world total where the source gives one,
--   else the sum of the countries (share_basis says which). China not listed by the source counts as 0
--   (china_listed = false). China listed without a number (W withheld, NA): no share, but bounds
--   [0, (world - other countries) / world] when the world total is reported.
-- Source: warehouse.production_fact through indicator.production_share_base (every edition).

-- production_share_base is estimated at a row a step, and nested loops over its eight thousand country rows cost
-- seconds on input-samples (as in group_dependence.sql): hash joins only.
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;

delete from indicator.china_share;

insert into indicator.china_share (
    source, commodity, stage, year, edition, china_t, greater_china_t, world_t, share_basis, world_note,
    china_listed, n_countries, n_withheld, china_share_pct, china_share_lower_pct, china_share_upper_pct,
    greater_china_share_pct, source_file_ids
)
with base as (
    select * from indicator.production_share_base
),

keys as (
    select distinct source, edition, commodity, stage, year, world_t, share_basis, world_note, countries_t,
                    n_countries, n_withheld, source_file_ids
    from base
),

china as (
    select source, edition, commodity, stage, year, quantity_t, qualifier
    from base
    where country_iso3 = 'CHN'
),

greater_china as (
    select
        b.source, b.edition, b.commodity, b.stage, b.year,
        sum(b.quantity_t)                   as greater_china_t,
        bool_or(b.quantity_t is null)       as any_unknown
    from base as b
    join ref.country_group_member as m on m.iso3 = b.country_iso3 and m.group_code = 'greater_china'
    group by b.source, b.edition, b.commodity, b.stage, b.year
),

joined as (
    select
        k.*,
        c.quantity_t           as china_quantity_t,
        c.qualifier            as china_qualifier,
        c.source is not null   as china_listed,
        g.greater_china_t,
        g.any_unknown          as greater_china_unknown
    from keys as k
    left join china as c using (source, edition, commodity, stage, year)
    left join greater_china as g using (source, edition, commodity, stage, year)
),

final as (
    select
        source, commodity, stage, year, edition,
        case when china_listed and china_quantity_t is null then null else coalesce(china_quantity_t, 0) end as china_t,
        case when greater_china_unknown then null else coalesce(greater_china_t, 0) end as greater_china_t,
        world_t, share_basis, world_note, china_listed, n_countries, n_withheld,
        case when china_listed and china_quantity_t is null then null
             else round(100.0 * coalesce(china_quantity_t, 0) / nullif(world_t, 0), 4) end as china_share_pct,
        case when china_listed and china_quantity_t is null then 0
             else round(100.0 * coalesce(china_quantity_t, 0) / nullif(world_t, 0), 4) end as china_share_lower_pct,
        case when china_listed and china_quantity_t is null and share_basis = 'reported_world_total'
                 then round(100.0 * greatest(world_t - coalesce(countries_t, 0), 0) / nullif(world_t, 0), 4)
             when china_listed and china_quantity_t is null then null
             else round(100.0 * coalesce(china_quantity_t, 0) / nullif(world_t, 0), 4) end as china_share_upper_pct,
        case when greater_china_unknown then null
             else round(100.0 * coalesce(greater_china_t, 0) / nullif(world_t, 0), 4) end as greater_china_share_pct,
        source_file_ids
    from joined
)

select
    source, commodity, stage, year, edition, china_t, greater_china_t, world_t, share_basis, world_note,
    china_listed, n_countries, n_withheld, china_share_pct, china_share_lower_pct, china_share_upper_pct,
    greater_china_share_pct, source_file_ids
from final;
