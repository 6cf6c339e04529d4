-- Indicator tables, one per indicator, filled by the indicators job (sql/indicators/*.sql) and read through
-- the public views in R__indicator_views.sql. Every row carries the edition it was computed from, the
-- source files behind it and the computation time.

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

-- World Bank Worldwide Governance Indicators (import wgi), long format: one estimate per country, indicator, year.
create table ref.governance_indicator (
    iso3           char(3)     not null,
    indicator_code text        not null,
    year           integer     not null,
    value          numeric     not null,
    source_file_id bigint      not null,
    load_id        bigint      not null,
    constraint pk_governance_indicator primary key (iso3, indicator_code, year),
    constraint fk_governance_indicator_iso3 foreign key (iso3) references ref.country (iso3),
    constraint fk_governance_indicator_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id),
    constraint fk_governance_indicator_load_id foreign key (load_id) references etl.load (load_id)
);
comment on table ref.governance_indicator is 'World Bank Worldwide Governance Indicators in long format (every indicator code: *.EST estimates about -2.5 to 2.5, *.PER.RNK percentile ranks, ...), loaded by jobs/etl import wgi.';

create table staging.governance_indicator_row (
    load_id          bigint  not null,
    iso3             char(3) not null,
    indicator_code   text    not null,
    year             integer not null,
    value            numeric not null,
    source_file_id   bigint  not null,
    sheet            text,
    row_number       integer not null,
    job_execution_id bigint  not null
);

-- Strategic stockpile holdings (import stockpile): what is held, as of when.
create table warehouse.stockpile_holding (
    commodity      text        not null,
    as_of          date        not null,
    quantity_t     numeric     not null,
    source_file_id bigint      not null,
    row_number     integer     not null,
    load_id        bigint      not null,
    constraint pk_stockpile_holding primary key (commodity, as_of),
    constraint fk_stockpile_holding_commodity foreign key (commodity) references ref.commodity (commodity_code),
    constraint fk_stockpile_holding_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id),
    constraint fk_stockpile_holding_load_id foreign key (load_id) references etl.load (load_id)
);
create table staging.stockpile_row (
    load_id          bigint  not null,
    commodity        text    not null,
    as_of            date    not null,
    quantity_t       numeric not null,
    source_file_id   bigint  not null,
    sheet            text,
    row_number       integer not null,
    job_execution_id bigint  not null
);
