-- China share chart: every year of every source, commodity and stage (shares known only).
select c.source, c.commodity, coalesce(m.name, c.commodity) as commodity_name, c.stage, c.year, c.china_share_pct
from indicator.v_china_share as c
left join ref.commodity as m on m.commodity_code = c.commodity
where c.china_share_pct is not null
order by c.source, c.commodity, c.stage, c.year
