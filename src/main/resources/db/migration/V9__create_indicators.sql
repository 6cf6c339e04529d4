-- Indicator tables, one per indicator, filled by the indicators job (one SQL file each in sql/indicators/) and
-- read through the public views of R__21_indicator_views.sql. Every row carries the edition it was computed from
-- and the computation time; production indicators also the source files behind them.

create table indicator.china_share (
    source                  text        not null,
    commodity               text        not null,
    stage                   text        not null,
    year                    integer     not null,
    edition                 text        not null,
    china_t                 numeric,
    greater_china_t         numeric,
    world_t                 numeric,
    share_basis             text        not null,
    world_note              text,
    china_listed            boolean     not null,
    n_countries             integer     not null,
    n_withheld              integer     not null,
    china_share_pct         numeric,
    china_share_lower_pct   numeric,
    china_share_upper_pct   numeric,
    greater_china_share_pct numeric,
    source_file_ids         bigint[]    not null,
    computed_at             timestamptz not null default now(),
    constraint pk_china_share primary key (source, commodity, stage, year, edition)
);

create table indicator.concentration (
    source          text        not null,
    commodity       text        not null,
    stage           text        not null,
    year            integer     not null,
    edition         text        not null,
    world_t         numeric,
    share_basis     text        not null,
    n_producers     integer     not null,
    n_withheld      integer     not null,
    residual_share_pct numeric,
    hhi             numeric,
    hhi_upper       numeric,
    cr1             numeric,
    cr3             numeric,
    top1_iso3       char(3),
    top1_share_pct  numeric,
    band            text,
    source_file_ids bigint[]    not null,
    computed_at     timestamptz not null default now(),
    constraint pk_concentration primary key (source, commodity, stage, year, edition)
);

create table indicator.group_share (
    group_code       text        not null,
    source           text        not null,
    commodity        text        not null,
    stage            text        not null,
    year             integer     not null,
    edition          text        not null,
    group_t          numeric,
    world_t          numeric,
    share_basis      text        not null,
    n_members_listed integer     not null,
    n_members_withheld integer   not null,
    share_pct        numeric,
    computed_at      timestamptz not null default now(),
    constraint pk_group_share primary key (group_code, source, commodity, stage, year, edition)
);

create table indicator.net_import_reliance (
    commodity               text        not null,
    year                    integer     not null,
    edition                 text        not null,
    detail                  text        not null,
    production_t            numeric,
    imports_t               numeric,
    exports_t               numeric,
    stock_change_t          numeric,
    apparent_consumption_t  numeric,
    nir_computed_pct        numeric,
    not_computable_reason   text,
    nir_published           numeric,
    nir_published_qualifier text,
    nir_published_bound     numeric,
    agrees                  boolean,
    computed_at             timestamptz not null default now(),
    constraint pk_net_import_reliance primary key (commodity, year, edition, detail)
);

create table indicator.supply_risk_wgi (
    source          text        not null,
    commodity       text        not null,
    stage           text        not null,
    year            integer     not null,
    edition         text        not null,
    hhi_wgi         numeric,
    wgi_year        integer,
    coverage_pct    numeric,
    n_producers     integer     not null,
    computed_at     timestamptz not null default now(),
    constraint pk_supply_risk_wgi primary key (source, commodity, stage, year, edition)
);

create table indicator.stockpile_cover (
    commodity              text        not null,
    as_of                  date        not null,
    quantity_t             numeric     not null,
    reference_year         integer,
    reference_edition      text,
    net_imports_t          numeric,
    apparent_consumption_t numeric,
    days_of_net_imports    numeric,
    days_of_consumption    numeric,
    computed_at            timestamptz not null default now(),
    constraint pk_stockpile_cover primary key (commodity, as_of)
);

create table indicator.import_dependence (
    source                        text        not null,
    reporter_iso3                 char(3)     not null,
    commodity                     text        not null,
    stage                         text        not null,
    year                          integer     not null,
    flow                          text        not null,
    total_value_usd               numeric,
    total_t                       numeric,
    n_suppliers                   integer     not null,
    china_value_share_pct         numeric,
    china_qty_share_pct           numeric,
    greater_china_value_share_pct numeric,
    world_total_value_usd         numeric,
    china_share_of_world_total_pct numeric,
    supplier_hhi                  numeric,
    top_supplier_iso3             char(3),
    top_supplier_share_pct        numeric,
    non_country_value_usd         numeric     not null,
    is_proxy                      boolean     not null,
    editions                      text[]      not null,
    computed_at                   timestamptz not null default now(),
    constraint pk_import_dependence primary key (source, reporter_iso3, commodity, stage, year, flow)
);

create table indicator.group_dependence (
    group_code              text        not null,
    source                  text        not null,
    commodity               text        not null,
    stage                   text        not null,
    year                    integer     not null,
    flow                    text        not null,
    n_reporters             integer     not null,
    total_value_usd         numeric,
    china_value_share_pct   numeric,
    intra_group_share_pct   numeric,
    is_proxy                boolean     not null,
    computed_at             timestamptz not null default now(),
    constraint pk_group_dependence primary key (group_code, source, commodity, stage, year, flow)
);
