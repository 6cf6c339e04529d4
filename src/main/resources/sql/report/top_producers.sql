-- Top producers chart: the five largest countries' shares per source, commodity and stage, latest year.
-- Share = country tonnes / world_t of indicator.v_concentration (same denominator as the HHI).
with latest as (
    select c.source, c.commodity, c.stage, max(c.year) as year
    from indicator.v_concentration as c
    where c.world_t > 0
    group by c.source, c.commodity, c.stage
),

shares as (
    select
        p.source, p.commodity, p.stage, p.year, p.country_iso3,
        100 * p.quantity_t / c.world_t as share_pct,
        row_number() over (partition by p.source, p.commodity, p.stage order by p.quantity_t desc, p.country_iso3) as rank
    from warehouse.v_production as p
    join latest as l using (source, commodity, stage, year)
    join indicator.v_concentration as c using (source, commodity, stage, year)
    where p.quantity_t > 0
)

select
    s.source, s.commodity, coalesce(m.name, s.commodity) as commodity_name, s.stage, s.year, s.rank::int as rank,
    s.country_iso3, s.share_pct
from shares as s
left join ref.commodity as m on m.commodity_code = s.commodity
where s.rank <= 5
order by s.source, s.commodity, s.stage, s.rank
