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

denominators as (
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
