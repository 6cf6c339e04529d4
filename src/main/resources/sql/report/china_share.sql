-- Report sheet "China share": indicator.v_china_share, one row per source, commodity, stage and year.
select
    c.source, c.commodity, c.stage, c.year, c.edition, c.china_share_pct, c.china_share_lower_pct,
    c.china_share_upper_pct, c.greater_china_share_pct, c.china_t, c.greater_china_t, c.world_t, c.share_basis,
    c.china_listed, c.n_countries, c.n_withheld, c.world_note, array_to_string(c.source_file_ids, ', ') as source_file_ids
from indicator.v_china_share as c
order by c.source, c.commodity, c.stage, c.year
