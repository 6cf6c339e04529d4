-- The classified trade rows, latest edition per trade key, as a table kept by the trade merge for the (source, year)
-- slices each load writes (warehouse.refresh_trade_classified, R__12_trade_load_tables.sql). The trade indicators,
-- the scenarios and the classified side of warehouse.v_trade_reconciled read it instead of the fact table: the
-- classified rows are about 1 % of a BACI year but lie on about half of its pages.

create table warehouse.trade_classified (
    source        text     not null,
    edition       text     not null,
    year          smallint not null,
    hs_revision   text     not null,
    reporter_code text     not null,
    reporter_iso3 char(3),
    partner_code  text     not null,
    partner_iso3  char(3),
    partner_kind  text     not null,
    flow          text     not null,
    hs_code       text     not null,
    commodity     text,
    stage         text,
    is_proxy      boolean,
    value_usd     numeric,
    net_weight_t  numeric,
    load_id       bigint   not null,
    row_number    bigint   not null,
    constraint pk_trade_classified primary key (source, year, reporter_code, partner_code, flow, hs_code, hs_revision)
);

comment on table warehouse.trade_classified is 'Classified trade rows (HS map code not null), annual breakdown totals, latest edition per trade key (warehouse.trade_fact). Grain: source x year x reporter x partner x flow x HS code x HS revision. Units: USD, tonnes. Refreshed for the (source, year) slices of a trade load by its merge (warehouse.refresh_trade_classified); call warehouse.refresh_trade_classified(null) to rebuild it whole after a change to ref.area or ref.hs_map.';
