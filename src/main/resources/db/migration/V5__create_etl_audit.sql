-- Audit layer: every file ever presented (by content hash), every load of a file by a job, and
-- every rejected row with the reason, so that no row is ever dropped silently.

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
    constraint ck_load_status check (status in ('STARTED', 'COMPLETED', 'FAILED', 'REFUSED'))
);
comment on table etl.load is 'One load per Spring Batch job instance (a restart continues the same load). rows_loaded counts source rows that produced facts, facts_merged the fact rows written.';

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
