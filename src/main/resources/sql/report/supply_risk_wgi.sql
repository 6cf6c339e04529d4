-- Report sheet "Supply risk WGI": indicator.v_supply_risk_wgi (HHI of shares weighted by scaled WGI, 0-10).
select
    s.source, s.commodity, s.stage, s.year, s.edition, s.hhi_wgi, s.wgi_year, s.coverage_pct, s.n_producers
from indicator.v_supply_risk_wgi as s
order by s.source, s.commodity, s.stage, s.year
