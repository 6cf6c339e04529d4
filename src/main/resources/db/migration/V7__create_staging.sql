-- Staging: the rows of one load as parsed (keyed by load_id), before the set-based merge moves them into the
-- facts and deletes them. A staging table mirrors its source at the grain of the facts it feeds.

create table staging.production_row (
    load_id          bigint  not null,
    source           text    not null,
    edition          text    not null,
    commodity        text    not null,
    stage            text    not null,
    measure          text    not null,
    entity_kind      text    not null,
    country_iso3     char(3),
    entity_label     text    not null,
    year             integer not null,
    quantity_t       numeric,
    original_value   numeric,
    original_text    text,
    original_unit    text,
    qualifier        text,
    lower_bound_t    numeric,
    upper_bound_t    numeric,
    is_estimate      boolean not null,
    basis            text,
    detail           text,
    note             text,
    source_file_id   bigint  not null,
    sheet            text,
    row_number       integer not null,
    column_name      text    not null,
    job_execution_id bigint  not null
);
create index ix_production_row_load_id on staging.production_row (load_id);
comment on table staging.production_row is 'Production, reserves and capacity values of one load (load_id), merged set-based into warehouse.production_fact when the load ends (sql/production/merge.sql).';

create table staging.us_salient_row (
    load_id          bigint  not null,
    source           text    not null,
    edition          text    not null,
    commodity        text    not null,
    year             integer not null,
    measure          text    not null,
    detail           text    not null,
    value            numeric,
    unit             text    not null,
    original_value   numeric,
    original_text    text,
    original_unit    text,
    qualifier        text,
    lower_bound      numeric,
    upper_bound      numeric,
    is_estimate      boolean not null,
    note             text,
    source_file_id   bigint  not null,
    sheet            text,
    row_number       integer not null,
    column_name      text    not null,
    job_execution_id bigint  not null
);
create index ix_us_salient_row_load_id on staging.us_salient_row (load_id);

create table staging.baci_code_row (
    load_id          bigint  not null,
    code_table       text    not null,
    baci_version     text    not null,
    hs_revision      text,
    code             text    not null,
    name             text    not null,
    name_full        text,
    iso2             text,
    iso3             text,
    source_file_id   bigint  not null,
    sheet            text,
    row_number       integer not null,
    job_execution_id bigint  not null
);
create index ix_baci_code_row_load_id on staging.baci_code_row (load_id);

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
create index ix_governance_indicator_row_load_id on staging.governance_indicator_row (load_id);

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
create index ix_stockpile_row_load_id on staging.stockpile_row (load_id);
