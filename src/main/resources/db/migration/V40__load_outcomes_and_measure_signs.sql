-- What became of every source row of a load, and which sign each measure may take.

-- A load's rows: rows_read = rows_loaded + rows_rejected + rows_ignored. facts_superseded counts facts of earlier
-- loads this load replaced (a re-delivery of the same source and edition); etl.superseded says whose.
alter table etl.load
    add column rows_ignored bigint not null default 0,
    add column facts_superseded bigint not null default 0,
    add column attempt integer not null default 0;
comment on column etl.load.rows_read is 'Source data rows read (a header is not a row).';
comment on column etl.load.rows_loaded is 'Rows that became facts (staged and merged); rows_read = rows_loaded + rows_rejected + rows_ignored.';
comment on column etl.load.rows_rejected is 'Rows with at least one reject in etl.reject (unparseable, unknown code, impossible value, duplicate key).';
comment on column etl.load.rows_ignored is 'Rows a layout leaves out on purpose, with the rule in etl.ignored_row (e.g. Comtrade breakdown rows).';
comment on column etl.load.facts_superseded is 'Facts of earlier loads of the same source and edition that this load replaced.';
comment on column etl.load.attempt is 'Loads of the same file content: 0 the first; a re-import of a file whose facts another load replaced is attempt 1, 2, ... and applies it again.';

create table etl.superseded (
    load_id      bigint      not null,
    by_load_id   bigint      not null,
    facts        bigint      not null,
    superseded_at timestamptz not null default now(),
    constraint pk_superseded primary key (load_id, by_load_id),
    constraint fk_superseded_load_id foreign key (load_id) references etl.load (load_id),
    constraint fk_superseded_by_load_id foreign key (by_load_id) references etl.load (load_id)
);
comment on table etl.superseded is 'Facts of load_id that a later load (by_load_id) of the same source and edition replaced: a re-delivery. Re-importing load_id''s file applies it again.';

create table ref.measure (
    fact_table     text    not null,
    measure        text    not null,
    may_be_negative boolean not null,
    description    text    not null,
    constraint pk_measure primary key (fact_table, measure)
);
comment on table ref.measure is 'Every measure of the fact tables and whether it may be negative. A negative value of a measure that may not be is a reject with that reason (ASCII and Unicode minus alike).';

insert into ref.measure (fact_table, measure, may_be_negative, description) values
    ('production_fact', 'production', false, 'mine, refinery or plant output in a period'),
    ('production_fact', 'reserves', false, 'reserves at a date'),
    ('production_fact', 'capacity', false, 'production capacity'),
    ('us_salient_fact', 'production', false, 'US production'),
    ('us_salient_fact', 'imports', false, 'US imports for consumption'),
    ('us_salient_fact', 'exports', false, 'US exports'),
    ('us_salient_fact', 'consumption', true, 'US apparent or reported consumption (apparent consumption is computed by USGS and can be negative)'),
    ('us_salient_fact', 'price', false, 'a price'),
    ('us_salient_fact', 'stocks', false, 'stocks held at year end'),
    ('us_salient_fact', 'shipments', true, 'shipments from government stockpiles (USGS publishes net acquisitions as negative shipments)'),
    ('us_salient_fact', 'employment', false, 'employees'),
    ('us_salient_fact', 'sales', false, 'sales (Sold_*, Sales_* columns)'),
    ('us_salient_fact', 'supply', false, 'US supply (aluminum Supply_kt)'),
    ('us_salient_fact', 'nir_pct', true, 'net import reliance, percent of apparent consumption (negative: a net exporter)'),
    ('trade_flow', 'value', false, 'trade value (Comtrade USD, CIF imports / FOB exports; BACI thousands of USD, FOB)'),
    ('trade_flow', 'net_weight', false, 'net weight (Comtrade kg, BACI tonnes)');
