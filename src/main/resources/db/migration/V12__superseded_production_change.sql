-- What a later load of the same source and edition changed in the production facts it replaced. Two workbooks of
-- one edition (a re-delivery, or the same figures in two layouts: World Mining Data by mineral and by country)
-- replace one another's facts key by key (sql/production/merge.sql); every replaced fact whose quantity in tonnes,
-- qualifier, estimate flag, bounds, basis or note differs from its replacement is kept here, old beside new (with
-- the published value and text, which may differ in form alone: kilograms in one file, tonnes in the other), with
-- the cell of each. Replacements that change none of these are only counted (etl.superseded).

create table etl.superseded_production_change (
    load_id            bigint  not null,
    by_load_id         bigint  not null,
    source             text    not null,
    edition            text    not null,
    commodity          text    not null,
    stage              text    not null,
    measure            text    not null,
    entity_key         text    not null,
    year               integer not null,
    old_quantity_t     numeric,
    new_quantity_t     numeric,
    old_original_value numeric,
    new_original_value numeric,
    old_original_text  text,
    new_original_text  text,
    old_qualifier      text,
    new_qualifier      text,
    old_is_estimate    boolean not null,
    new_is_estimate    boolean not null,
    old_lower_bound_t  numeric,
    new_lower_bound_t  numeric,
    old_upper_bound_t  numeric,
    new_upper_bound_t  numeric,
    old_basis          text,
    new_basis          text,
    old_note           text,
    new_note           text,
    old_cell           text    not null,
    new_cell           text    not null,
    changed            text[]  not null,
    constraint pk_superseded_production_change
        primary key (by_load_id, source, edition, commodity, stage, measure, entity_key, year),
    constraint fk_superseded_production_change_load_id foreign key (load_id) references etl.load (load_id),
    constraint fk_superseded_production_change_by_load_id foreign key (by_load_id) references etl.load (load_id)
);
create index ix_superseded_production_change_load_id on etl.superseded_production_change (load_id);
comment on table etl.superseded_production_change is 'Production facts of load_id that a later load (by_load_id) of the same source and edition replaced with a different quantity, qualifier, estimate flag, bound, basis or note: old beside new, with the published value and text and the cell of each. Replacements that change none of these are only counted in etl.superseded.';
comment on column etl.superseded_production_change.changed is 'The fields that differ, among quantity_t, qualifier, is_estimate, lower_bound_t, upper_bound_t, basis and note.';
comment on column etl.superseded_production_change.old_cell is 'Where the replaced fact was read: file name, sheet, row and column (file: sheet row R, column C).';
comment on column etl.superseded_production_change.new_cell is 'Where its replacement was read, in the same form as old_cell.';
