-- The input of the trade indicators, for the trade years this recompute takes (this file's name sorts before theirs).
-- Grain: basis (reported, reconciled) x source (comtrade, baci) x reporter x partner x flow x HS code x year.
-- Units: USD (value basis as each view states); tonnes.
-- Formula: basis reported = indicator.classified_imports (the importer's reports, BACI exports mirrored); basis
--   reconciled = indicator.classified_imports_reconciled (the importer's report, else the exporter's mirror at CIF).
-- Years: those marked in indicator.trade_year_pending since the last completed recompute (V41__trade_indicator_years.sql)
--   move to indicator.trade_year_recompute, which every trade indicator after this file reads; the job empties it when
--   it completes. A year's rows here and in the trade indicators depend on that year's trade only.
-- Source: warehouse.trade_classified (R__20_indicator_base.sql) and warehouse.v_trade_reconciled (R__25).

-- the sorts and hashes of about a hundred thousand classified rows per BACI year fit in memory
set local work_mem = '64MB';
-- a plan of milliseconds of work would otherwise buy seconds of JIT compilation
set local jit = off;

-- one statement: a year a merge marks meanwhile is either taken here or left pending for the next recompute
with taken as (
    delete from indicator.trade_year_pending returning year
)
insert into indicator.trade_year_recompute (year)
select year from taken
on conflict (year) do nothing;

delete from indicator.trade_import
where year = any (array(select year from indicator.trade_year_recompute));

insert into indicator.trade_import (
    basis, source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage, year,
    value_usd, net_weight_t, is_proxy, edition
)
select 'reported', source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage,
       year, value_usd, net_weight_t, is_proxy, edition
from indicator.classified_imports
where year = any (array(select year from indicator.trade_year_recompute))
union all
select 'reconciled', source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage,
       year, value_usd, net_weight_t, is_proxy, edition
from indicator.classified_imports_reconciled
where year = any (array(select year from indicator.trade_year_recompute));

-- the columns the trade indicators filter and group on, from a sample of 3,000 rows (30,000 by default: 0.1-0.2 s
-- at 10M facts); the trade indicators' plans need their sizes, not fine histograms
set local default_statistics_target = 10;
analyze indicator.trade_import (basis, source, flow, year, reporter_iso3, partner_iso3, partner_kind, commodity, stage);
