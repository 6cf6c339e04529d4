-- The input of the trade indicators, computed once per recompute (this file's name sorts before theirs).
-- Grain: basis (reported, reconciled) x source (comtrade, baci) x reporter x partner x flow x HS code x year.
-- Units: USD (value basis as each view states); tonnes.
-- Formula: basis reported = indicator.classified_imports (the importer's reports, BACI exports mirrored); basis
--   reconciled = indicator.classified_imports_reconciled (the importer's report, else the exporter's mirror at CIF).
-- Source: warehouse.trade_classified (R__20_indicator_base.sql) and warehouse.v_trade_reconciled (R__25).

-- the sorts and hashes of about a hundred thousand classified rows per BACI year fit in memory
set local work_mem = '64MB';
-- a plan of milliseconds of work would otherwise buy seconds of JIT compilation
set local jit = off;

-- read by the trade indicators of this recompute only: emptied at once
truncate indicator.trade_import;

insert into indicator.trade_import (
    basis, source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage, year,
    value_usd, net_weight_t, is_proxy, edition
)
select 'reported', source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage,
       year, value_usd, net_weight_t, is_proxy, edition
from indicator.classified_imports
union all
select 'reconciled', source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage,
       year, value_usd, net_weight_t, is_proxy, edition
from indicator.classified_imports_reconciled;

analyze indicator.trade_import;
