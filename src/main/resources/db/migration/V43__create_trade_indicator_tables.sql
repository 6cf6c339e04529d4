-- Trade indicator tables (filled by sql/indicators/import_dependence.sql and group_dependence.sql).

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
