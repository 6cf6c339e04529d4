-- Headline of the report: China share and HHI per source, commodity and stage in the latest year available.
with latest as (
    select c.source, c.commodity, c.stage, max(c.year) as year
    from indicator.v_concentration as c
    group by c.source, c.commodity, c.stage
    union
    select s.source, s.commodity, s.stage, max(s.year)
    from indicator.v_china_share as s
    group by s.source, s.commodity, s.stage
),

latest_per_key as (
    select l.source, l.commodity, l.stage, max(l.year) as year
    from latest as l
    group by l.source, l.commodity, l.stage
)

select
    k.source, k.commodity, coalesce(m.name, k.commodity) as commodity_name, k.stage, k.year,
    coalesce(s.edition, c.edition) as edition, s.china_share_pct, c.hhi, c.band, c.top1_iso3, c.cr1
from latest_per_key as k
left join indicator.v_china_share as s using (source, commodity, stage, year)
left join indicator.v_concentration as c using (source, commodity, stage, year)
left join ref.commodity as m on m.commodity_code = k.commodity
order by k.source, k.commodity, k.stage
