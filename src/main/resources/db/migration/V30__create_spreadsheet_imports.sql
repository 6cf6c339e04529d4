-- Spreadsheet imports driven by layout mappings (jobs/sources/*.yml): the rows a mapping ignores on
-- purpose (total rows, note rows), kept with the reason so that no row read is ever dropped silently.
-- Grain: one row per ignored source row of a load.

create table etl.ignored_row (
    ignored_row_id bigserial   not null,
    load_id        bigint      not null,
    source_file_id bigint      not null,
    file_name      text        not null,
    sheet          text,
    row_number     integer     not null,
    raw_text       text,
    reason         text        not null,
    ignored_at     timestamptz not null default now(),
    constraint pk_ignored_row primary key (ignored_row_id),
    constraint fk_ignored_row_load_id foreign key (load_id) references etl.load (load_id),
    constraint fk_ignored_row_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id)
);
create index ix_ignored_row_load_id on etl.ignored_row (load_id);
comment on table etl.ignored_row is 'Rows a layout mapping ignores by rule (totals, notes), with the rule''s reason: counted, never silently dropped.';
