-- Report sheet "Concentration": indicator.v_concentration (HHI, CR1/CR3, merger-guideline analogy band).
select
    c.source, c.commodity, c.stage, c.year, c.edition, c.hhi, c.hhi_upper, c.band, c.cr1, c.cr3, c.top1_iso3,
    c.n_producers, c.n_withheld, c.residual_share_pct, c.world_t, c.share_basis,
    array_to_string(c.source_file_ids, ', ') as source_file_ids
from indicator.v_concentration as c
order by c.source, c.commodity, c.stage, c.year
