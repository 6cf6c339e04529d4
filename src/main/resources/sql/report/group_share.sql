-- Report sheet "Group shares": indicator.v_group_share, one row per country group, source, commodity, stage, year.
select
    g.group_code, g.source, g.commodity, g.stage, g.year, g.edition, g.share_pct, g.group_t, g.world_t,
    g.share_basis, g.n_members_listed, g.n_members_withheld
from indicator.v_group_share as g
order by g.group_code, g.source, g.commodity, g.stage, g.year
