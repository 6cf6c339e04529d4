-- Report sheet "Net import reliance": indicator.v_net_import_reliance, computed beside published US NIR.
select
    n.commodity, n.detail, n.year, n.edition, n.nir_computed_pct, n.nir_published as nir_published_pct,
    n.nir_published_qualifier, n.nir_published_bound as nir_published_bound_pct, n.agrees, n.not_computable_reason,
    n.production_t, n.imports_t, n.exports_t, n.stock_change_t, n.apparent_consumption_t
from indicator.v_net_import_reliance as n
order by n.commodity, n.detail, n.year
