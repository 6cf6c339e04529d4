-- Lineage and audit: every file ever presented (by content hash), every load of a file by a job, every
-- rejected or ignored row with its reason (no row is dropped silently), and the options of each trade load.

create table etl.source_file (
    source_file_id bigserial   not null,
    source_kind    text        not null,
    file_name      text        not null,
    path           text        not null,
    size_bytes     bigint      not null,
    sha256         char(64)    not null,
    edition        text,
    registered_at  timestamptz not null default now(),
    constraint pk_source_file primary key (source_file_id),
    constraint uq_source_file_kind_sha256 unique (source_kind, sha256)
);
comment on table etl.source_file is 'One row per distinct file content (SHA-256) and import kind. A byte-identical file presented again is recognised here.';

create table etl.load (
    load_id          bigserial   not null,
    source_file_id   bigint      not null,
    job_name         text        not null,
    job_instance_id  bigint      not null,
    job_execution_id bigint      not null,
    status           text        not null,
    rows_read        bigint      not null default 0,
    rows_loaded      bigint      not null default 0,
    rows_rejected    bigint      not null default 0,
    facts_merged     bigint      not null default 0,
    message          text,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    constraint pk_load primary key (load_id),
    constraint fk_load_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id),
    constraint uq_load_job_instance_id unique (job_instance_id),
    constraint ck_load_status check (status in ('STARTED', 'COMPLETED', 'FAILED', 'REFUSED', 'ABANDONED'))
);
comment on table etl.load is 'One load per Spring Batch job instance (a restart continues the same load). rows_loaded counts source rows that produced facts, facts_merged the fact rows written. ABANDONED: an operator gave the load up (jobs/etl abandon); it is never restarted.';

create table etl.reject (
    reject_id      bigserial   not null,
    load_id        bigint      not null,
    source_file_id bigint      not null,
    file_name      text        not null,
    sheet          text,
    row_number     integer,
    column_name    text,
    raw_text       text,
    reason         text        not null,
    rejected_at    timestamptz not null default now(),
    constraint pk_reject primary key (reject_id),
    constraint fk_reject_load_id foreign key (load_id) references etl.load (load_id),
    constraint fk_reject_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id)
);
create index ix_reject_load_id on etl.reject (load_id);
comment on table etl.reject is 'Rows (or cells) that could not be loaded, with file, sheet, row number, the raw text and the reason.';

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

create table etl.trade_load (
    load_id              bigint  not null,
    source               text    not null,
    edition              text    not null,
    keep_breakdowns      boolean not null,
    hs_revision          text,
    hs_map_version       text    not null,
    original_value_unit  text    not null,
    value_per_original   numeric not null,
    original_weight_unit text    not null,
    original_per_tonne   numeric not null,
    keys_proven_unique   boolean,
    duplicates_removed   bigint  not null default 0,
    constraint pk_trade_load primary key (load_id),
    constraint fk_trade_load_load_id foreign key (load_id) references etl.load (load_id),
    constraint ck_trade_load_source check (source in ('comtrade', 'baci'))
);
comment on table etl.trade_load is 'What every row of a trade load shares: source, edition, the units values and weights were published in, the options the job was given (keep_breakdowns false = only breakdown totals loaded; hs_revision for files whose name does not say it) and the HS map version that classified the rows.';
comment on column etl.trade_load.value_per_original is 'value_usd = published value (warehouse.trade_flow.value) x value_per_original: 1000 for BACI thousands of USD, 1 for Comtrade USD.';
comment on column etl.trade_load.original_per_tonne is 'net_weight_t = published net weight (warehouse.trade_flow.net_weight) / original_per_tonne: 1000 for Comtrade kg, 1 for BACI tonnes.';
comment on column etl.trade_load.keys_proven_unique is 'Set by the merge: true when the load step showed that no natural key repeats (a BACI file read in its sorted order), so the duplicate search was skipped; false when the merge searched.';
comment on column etl.trade_load.duplicates_removed is 'Rows of the load the merge removed as repeats of a natural key (each an etl.reject naming the row kept).';
