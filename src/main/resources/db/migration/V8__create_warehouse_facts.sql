-- Facts with lineage. Every row names the file (source_file_id: path and SHA-256), the row (and sheet,
-- column) it came from, its load and the job execution that wrote it. Analysts query the v_* views
-- (repeatable migrations R__*_views.sql), not these tables.

-- Production, reserves and capacity (USGS MCS world tables, World Mining Data, any layout mapping).
-- Grain: source x edition x commodity x stage x measure x reporting unit (country, world total or residual) x year.
create table warehouse.production_fact (
    source           text        not null,
    edition          text        not null,
    commodity        text        not null,
    stage            text        not null,
    measure          text        not null,
    entity_kind      text        not null,
    country_iso3     char(3),
    entity_label     text        not null,
    entity_key       text        not null generated always as (coalesce(country_iso3::text, entity_kind || ':' || entity_label)) stored,
    year             integer     not null,
    quantity_t       numeric,
    original_value   numeric,
    original_text    text,
    original_unit    text,
    qualifier        text,
    lower_bound_t    numeric,
    upper_bound_t    numeric,
    is_estimate      boolean     not null,
    basis            text,
    detail           text,
    note             text,
    source_file_id   bigint      not null,
    sheet            text,
    row_number       integer     not null,
    column_name      text        not null,
    load_id          bigint      not null,
    job_execution_id bigint      not null,
    loaded_at        timestamptz not null default now(),
    constraint pk_production_fact primary key (source, edition, commodity, stage, measure, entity_key, year),
    constraint ck_production_fact_measure check (measure in ('production', 'reserves', 'capacity')),
    constraint ck_production_fact_entity_kind check (entity_kind in ('country', 'world_total', 'residual')),
    constraint ck_production_fact_country check ((entity_kind = 'country') = (country_iso3 is not null)),
    constraint ck_production_fact_withheld check (qualifier is distinct from 'W' or quantity_t is null)
);
create index ix_production_fact_load_id on warehouse.production_fact (load_id);
comment on table warehouse.production_fact is 'Production, reserves and capacity by source, edition, commodity, stage, reporting unit and year, with lineage. Query the v_* views. Codes are checked against ref.commodity, ref.stage and ref.country by the merge (sql/production/merge.sql), set-based: a foreign key checks and locks its referenced row for every inserted fact, two thirds of the merge of a large workbook.';

-- US salient statistics (USGS MCS salient files), long format.
-- Grain: source x edition x commodity x year x measure x detail x unit.
create table warehouse.us_salient_fact (
    source           text        not null,
    edition          text        not null,
    commodity        text        not null,
    year             integer     not null,
    measure          text        not null,
    detail           text        not null default '',
    value            numeric,
    unit             text        not null,
    original_value   numeric,
    original_text    text,
    original_unit    text,
    qualifier        text,
    lower_bound      numeric,
    upper_bound      numeric,
    is_estimate      boolean     not null,
    note             text,
    source_file_id   bigint      not null,
    row_number       integer     not null,
    column_name      text        not null,
    load_id          bigint      not null,
    job_execution_id bigint      not null,
    loaded_at        timestamptz not null default now(),
    constraint pk_us_salient_fact primary key (source, edition, commodity, year, measure, detail, unit),
    constraint fk_us_salient_fact_commodity foreign key (commodity) references ref.commodity (commodity_code),
    constraint fk_us_salient_fact_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id),
    constraint fk_us_salient_fact_load_id foreign key (load_id) references etl.load (load_id),
    constraint ck_us_salient_fact_withheld check (qualifier is distinct from 'W' or value is null)
);
comment on table warehouse.us_salient_fact is 'US salient statistics (USGS MCS) in long format, with lineage. Query warehouse.v_us_salient.';

-- Trade flows (UN Comtrade, CEPII BACI). One partition per load: the load step writes warehouse.trade_flow_<load_id>
-- (a table of its own, invisible to readers), the merge attaches it (sql/trade/). Values and weights are stored as
-- published; what every row of a load shares (source, edition, the units they were published in, HS map version) is
-- in etl.trade_load, and warehouse.trade_fact gives them in USD and tonnes.
-- Grain: load's source and edition x year x month x HS revision x reporter x partner x flow x HS code x breakdown.
create table warehouse.trade_flow (
    load_id          bigint   not null,
    year             smallint not null,
    month            smallint not null,
    hs_revision      text     not null,
    reporter_code    text     not null,
    partner_code     text     not null,
    flow             text     not null,
    hs_code          text     not null,
    breakdown        text     not null,
    hs_map_code      text,
    value            numeric,
    net_weight       numeric,
    row_number       integer  not null,
    job_execution_id bigint   not null,
    constraint ck_trade_flow_flow check (flow in ('M', 'X', 'RM', 'RX')),
    constraint ck_trade_flow_month check (month between 0 and 12)
) partition by list (load_id);
-- the trade indicators read only the rows the HS map classifies (about 1 % of a BACI year)
create index ix_trade_flow_classified on warehouse.trade_flow (hs_map_code, year) where hs_map_code is not null;
comment on table warehouse.trade_flow is 'Trade flows, one partition per load (warehouse.trade_flow_<load_id>, attached when the load completes). Natural key: source and edition (of the load), year, month, hs_revision, reporter_code, partner_code, flow, hs_code, breakdown; unique across partitions (the merge checks it before attaching). Query warehouse.v_trade.';
comment on column warehouse.trade_flow.month is '0 for annual data, 1-12 for monthly data.';
comment on column warehouse.trade_flow.breakdown is '''''for the breakdown totals (customs C00, mode of transport 0, mode of supply 0, second partner 0), else the codes.';
comment on column warehouse.trade_flow.value is 'Trade value as published, in the load''s etl.trade_load.original_value_unit (BACI thousands of USD, Comtrade USD); warehouse.trade_fact gives value_usd.';
comment on column warehouse.trade_flow.net_weight is 'Net weight as published, in the load''s etl.trade_load.original_weight_unit (BACI tonnes, Comtrade kg); warehouse.trade_fact gives net_weight_t.';
comment on column warehouse.trade_flow.hs_map_code is 'The ref.hs_map code (of the load''s hs_map_version) that classified hs_code: the code itself or its 4-digit heading; null outside the map.';

create table warehouse.trade_flow_detail (
    load_id              bigint  not null,
    row_number           integer not null,
    customs_code         text    not null,
    mot_code             integer not null,
    mos_code             integer not null,
    partner2_code        integer not null,
    cif_value_usd        numeric,
    fob_value_usd        numeric,
    quantity             numeric,
    quantity_unit        text,
    is_estimate          boolean,
    is_qty_estimated     boolean,
    is_net_wgt_estimated boolean,
    is_reported          boolean,
    is_aggregate         boolean,
    constraint pk_trade_flow_detail primary key (load_id, row_number)
);
comment on table warehouse.trade_flow_detail is 'What a Comtrade row says beyond its flow: breakdown codes, CIF and FOB values, quantity in its unit, estimate and reporting flags. One row per trade_flow row of a Comtrade load (by load_id, row_number); BACI rows have none.';

create table warehouse.trade_slice (
    source  text     not null,
    edition text     not null,
    year    smallint not null,
    load_id bigint   not null,
    constraint pk_trade_slice primary key (source, edition, year, load_id)
);
comment on table warehouse.trade_slice is 'The (source, edition, year) slices each trade load wrote: a new load whose slices no earlier load touched (a new BACI year) replaces nothing, and its merge skips the search for re-delivered keys.';

-- Strategic stockpile holdings (import stockpile): what is held, as of when.
create table warehouse.stockpile_holding (
    commodity      text    not null,
    as_of          date    not null,
    quantity_t     numeric not null,
    source_file_id bigint  not null,
    row_number     integer not null,
    load_id        bigint  not null,
    constraint pk_stockpile_holding primary key (commodity, as_of),
    constraint fk_stockpile_holding_commodity foreign key (commodity) references ref.commodity (commodity_code),
    constraint fk_stockpile_holding_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id),
    constraint fk_stockpile_holding_load_id foreign key (load_id) references etl.load (load_id)
);
comment on table warehouse.stockpile_holding is 'Strategic stockpile holdings by commodity and date, from stockpile*.csv files.';
