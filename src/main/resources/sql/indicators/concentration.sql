-- Concentration of production among countries: HHI, CR1, CR3, top producer.
-- Grain: source x commodity x stage x year x edition. Units: HHI on 0-10,000 (shares in percent); CR_k and
--   shares in percent of world_t.
-- Formula: hhi = sum over countries of share_pct^2 (the residual "Other countries" treated as many small
--   producers, contributing ~0); hhi_upper = hhi + residual_share_pct^2 (the residual treated as one
--   producer; residual = the "Other countries" row, else the part of a reported world total no country
--   accounts for). cr_k = sum of the k largest shares. band: unconcentrated < 1,000 <= moderate <= 1,800
--   < high, the thresholds of the 2023 US Merger Guidelines, applied to countries as an analogy only.
--   Withheld (W) producers have no share and are counted in n_withheld.
-- Source: warehouse.production_fact through indicator.production_share_base (every edition).

-- production_share_base is estimated at a row a step, and nested loops over its eight thousand country rows cost
-- seconds on input-samples (as in group_dependence.sql): hash joins only.
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;

delete from indicator.concentration;

insert into indicator.concentration (
    source, commodity, stage, year, edition, world_t, share_basis, n_producers, n_withheld, residual_share_pct,
    hhi, hhi_upper, cr1, cr3, top1_iso3, top1_share_pct, band, source_file_ids
)
with base as (
    select * from indicator.production_share_base
),

ranked as (
    select
        base.*,
        row_number() over (
            partition by source, edition, commodity, stage, year order by share_pct desc, country_iso3
        ) as share_rank
    from base
    where share_pct > 0
),

keys as (
    select distinct source, edition, commodity, stage, year, world_t, share_basis, world_reported_t, residual_t,
                    countries_t, n_withheld, source_file_ids
    from base
),

aggregated as (
    select
        source, edition, commodity, stage, year,
        count(*)                                          as n_producers,
        sum(share_pct * share_pct)                        as hhi,
        max(share_pct) filter (where share_rank = 1)      as cr1,
        sum(share_pct) filter (where share_rank <= 3)     as cr3,
        max(country_iso3) filter (where share_rank = 1)   as top1_iso3
    from ranked
    group by source, edition, commodity, stage, year
),

final as (
    select
        k.source, k.commodity, k.stage, k.year, k.edition, k.world_t, k.share_basis,
        coalesce(a.n_producers, 0) as n_producers,
        k.n_withheld,
        round(100.0 * coalesce(k.residual_t,
                               case when k.world_reported_t is not null
                                    then greatest(k.world_reported_t - coalesce(k.countries_t, 0), 0) end, 0)
              / nullif(k.world_t, 0), 4) as residual_share_pct,
        a.hhi, a.cr1, a.cr3, a.top1_iso3, k.source_file_ids
    from keys as k
    left join aggregated as a using (source, edition, commodity, stage, year)
)

select
    source, commodity, stage, year, edition, world_t, share_basis, n_producers, n_withheld, residual_share_pct,
    round(hhi, 1)                                                          as hhi,
    round(hhi + coalesce(residual_share_pct, 0) ^ 2, 1)                    as hhi_upper,
    round(cr1, 4)                                                          as cr1,
    round(cr3, 4)                                                          as cr3,
    top1_iso3,
    round(cr1, 4)                                                          as top1_share_pct,
    case when hhi is null then null
         when hhi < 1000 then 'unconcentrated'
         when hhi <= 1800 then 'moderately concentrated'
         else 'highly concentrated' end                                    as band,
    source_file_ids
from final;
