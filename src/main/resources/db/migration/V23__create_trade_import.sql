-- The classified imports on both trade bases, written once per indicator recompute (sql/indicators/base_trade_imports.sql)
-- and read by every trade indicator after it, instead of each deriving them again from warehouse.trade_classified and
-- warehouse.v_trade_reconciled.

create table indicator.trade_import (
    basis         text     not null,
    source        text     not null,
    reporter_iso3 char(3),
    reporter_code text     not null,
    partner_iso3  char(3),
    partner_kind  text     not null,
    flow          text     not null,
    hs_code       text     not null,
    commodity     text,
    stage         text,
    year          smallint not null,
    value_usd     numeric,
    net_weight_t  numeric,
    is_proxy      boolean,
    edition       text,
    constraint ck_trade_import_basis check (basis in ('reported', 'reconciled'))
);

comment on table indicator.trade_import is 'Classified imports as the trade indicators read them: basis reported = indicator.classified_imports, basis reconciled = indicator.classified_imports_reconciled. Grain: basis x source x reporter x partner x flow x HS code x year. Units: USD, tonnes. Rewritten by every indicator recompute, first of the trade indicators.';
