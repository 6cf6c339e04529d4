-- Workbook facts are stored one row per workbook row (warehouse.production_sheet_row, one child table a load:
-- warehouse.production_sheet_row_<load_id>), the values of its year columns in arrays, and warehouse.production_fact
-- becomes the view that spells every fact out as before: one row a fact, the same columns and values.
-- Why: storing a fact as a row costs the server about 3.7 us (5M facts of the xlsx bench: 18.5 s for a binary COPY
-- of the 16 varying columns, 18.9 s for an INSERT ... SELECT of the same rows, so it is the heap row, not the COPY
-- parsing), and what the five facts of a workbook row share (measure, reporting unit, unit, note, row, ...) was sent,
-- checked and stored five times. One row a workbook row with its values in arrays: 3.2 s for the same 1M rows.
-- What a fact of a sheet row keeps of its own:
--   * its year and column name: the row's array index (slot) in warehouse.production_load_column (per load);
--   * original_value (null for a marker such as W);
--   * original_text, only when it is not the value's own text (original_text null for the row: value::text);
--   * quantity_t, only when it is not the value without trailing zeros (quantity_t null for the row: trim_scale);
--   * qualifier and is_estimate, only when the row's facts differ (qualifiers / estimates null: the row's).
-- A fact exists where the row has a value or a text at its slot. Facts that do not fit (bounds, a withheld value
-- with a quantity, two facts of one slot, a country part, a key the load may have written before) go one row a fact
-- to warehouse.production_fact_<load_id> as before (V33, V34), now a child of warehouse.production_fact_base,
-- which is the former warehouse.production_fact table with every fact loaded before this migration.

-- A view or function over warehouse.production_fact follows the table to its new name and then sees only the
-- facts stored one row a fact. The project's own views are re-created over the new view by the repeatable
-- migrations; anything else (an analyst's view) is named here, to be re-created the same way.
do $$
declare
    dependants text;
begin
    select string_agg(distinct d.refobjid::regclass::text, ', ')
    into dependants
    from pg_depend as dep
    join pg_rewrite as rw on rw.oid = dep.objid
    join pg_depend as d on d.objid = rw.oid and d.refobjid <> 'warehouse.production_fact'::regclass
        and d.classid = 'pg_rewrite'::regclass and d.deptype = 'i'
    where dep.classid = 'pg_rewrite'::regclass and dep.refobjid = 'warehouse.production_fact'::regclass;
    if dependants is not null then
        raise warning 'V35: views reading warehouse.production_fact will read warehouse.production_fact_base (facts stored one row a fact) until re-created: %. The repeatable migrations re-create the project''s own; re-create any other over warehouse.production_fact.', dependants;
    end if;
end $$;

alter table warehouse.production_fact rename to production_fact_base;
comment on table warehouse.production_fact_base is
    'Production facts stored one row a fact (USGS, staged and pre-V35 workbook facts; one child table a load). Query warehouse.production_fact or the v_* views.';

create table warehouse.production_sheet_row (
    source           text        not null,
    edition          text        not null,
    commodity        text        not null,
    stage            text        not null,
    measure          text        not null,
    entity_kind      text        not null,
    country_iso3     char(3),
    entity_label     text        not null,
    original_unit    text,
    qualifier        text,
    is_estimate      boolean     not null,
    basis            text,
    detail           text,
    note             text,
    source_file_id   bigint      not null,
    sheet            text,
    row_number       integer     not null,
    load_id          bigint      not null,
    job_execution_id bigint      not null,
    loaded_at        timestamptz not null default now(),
    original_value   numeric[]   not null,
    original_text    text[],
    quantity_t       numeric[],
    qualifiers       text[],
    estimates        boolean[],
    constraint ck_production_sheet_row_measure check (measure in ('production', 'reserves', 'capacity')),
    constraint ck_production_sheet_row_entity_kind check (entity_kind in ('country', 'world_total', 'residual')),
    constraint ck_production_sheet_row_country check ((entity_kind = 'country') = (country_iso3 is not null))
);
comment on table warehouse.production_sheet_row is
    'Workbook facts stored one row per workbook row (one child table a load), the values of its year columns in arrays indexed by warehouse.production_load_column. Query warehouse.production_fact or the v_* views.';

-- The year columns of a load: slot n is the n-th element (from 1) of a sheet row's arrays.
create table warehouse.production_load_column (
    load_id     bigint  not null,
    slot        integer not null,
    year        integer not null,
    column_name text    not null,
    constraint pk_production_load_column primary key (load_id, slot),
    constraint fk_production_load_column_load_id foreign key (load_id)
        references warehouse.production_load (load_id) on delete cascade
);
comment on table warehouse.production_load_column is 'Per load: the year and column name of each slot of its sheet rows'' arrays.';

-- The facts of the sheet rows, one row a fact, with the row they come from (row_table, row_ctid) for the merge.
create view warehouse.production_sheet_fact as
select
    r.tableoid                                                                      as row_table,
    r.ctid                                                                          as row_ctid,
    null::bigint                                                                    as production_fact_id,
    r.source,
    r.edition,
    r.commodity,
    r.stage,
    r.measure,
    r.entity_kind,
    r.country_iso3,
    r.entity_label,
    coalesce(r.country_iso3::text, r.entity_kind || ':' || r.entity_label)         as entity_key,
    c.year,
    case when r.quantity_t is null then trim_scale(u.original_value) else u.quantity_t end as quantity_t,
    u.original_value,
    case when r.original_text is null then u.original_value::text else u.original_text end as original_text,
    r.original_unit,
    case when r.qualifiers is null then r.qualifier else u.qualifier end            as qualifier,
    null::numeric                                                                   as lower_bound_t,
    null::numeric                                                                   as upper_bound_t,
    case when r.estimates is null then r.is_estimate else u.is_estimate end         as is_estimate,
    r.basis,
    r.detail,
    r.note,
    r.source_file_id,
    r.sheet,
    r.row_number,
    c.column_name,
    r.load_id,
    r.job_execution_id,
    r.loaded_at
from warehouse.production_sheet_row as r
cross join lateral unnest(r.original_value, r.quantity_t, r.original_text, r.qualifiers, r.estimates)
    with ordinality as u (original_value, quantity_t, original_text, qualifier, is_estimate, slot)
join warehouse.production_load_column as c on c.load_id = r.load_id and c.slot = u.slot
where u.original_value is not null or u.original_text is not null;
comment on view warehouse.production_sheet_fact is 'The facts of warehouse.production_sheet_row, one row a fact (internal: the merge and warehouse.production_fact read it).';

create view warehouse.production_fact as
select
    production_fact_id, source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, entity_key,
    year, quantity_t, original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate,
    basis, detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id, loaded_at
from warehouse.production_fact_base
union all
select
    production_fact_id, source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, entity_key,
    year, quantity_t, original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate,
    basis, detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id, loaded_at
from warehouse.production_sheet_fact;
comment on view warehouse.production_fact is 'Production, reserves and capacity by source, edition, commodity, stage, reporting unit and year, with lineage: one row a fact. Query the v_* views.';
comment on column warehouse.production_fact.production_fact_id is
    'Serial number of facts loaded before per-load tables (V33); null after: a fact is identified by load_id, sheet, row_number and column_name.';
comment on column warehouse.production_fact.entity_key is
    'The reporting unit: country_iso3, or entity_kind:entity_label for world totals and residuals.';

-- Facts change through loads (and their merge), not by writing to the view: a write says where the facts are kept,
-- and is checked against the writer's privileges first, as it was on the table (readers: permission denied).
create function warehouse.refuse_production_fact_write() returns trigger
language plpgsql as $$
begin
    raise exception 'warehouse.production_fact is a view since V35: facts are kept in warehouse.production_fact_base (one row a fact) and warehouse.production_sheet_row (one row a workbook row), and change through loads';
end $$;
create trigger production_fact_read_only instead of insert or update or delete on warehouse.production_fact
    for each row execute function warehouse.refuse_production_fact_write();

-- As in V34, for the load's two tables: the column is added to each that has it in its parent and lacks it.
create or replace procedure warehouse.add_production_fact_column(p_load_id bigint, p_column text)
language plpgsql as $$
declare
    target record;
    leaf regclass;
    parent_column record;
    constant record;
begin
    select c.value into constant
    from warehouse.production_load_constant as c
    where c.load_id = p_load_id and c.column_name = p_column;
    for target in
        select * from (values ('warehouse.production_fact_base'::regclass, 'production_fact_'),
                              ('warehouse.production_sheet_row'::regclass, 'production_sheet_row_')) as t (parent, prefix)
    loop
        leaf := to_regclass(format('warehouse.%I', target.prefix || p_load_id));
        continue when leaf is null;
        continue when exists (select from pg_attribute
                              where attrelid = leaf and attname = p_column and attnum > 0 and not attisdropped);
        select format_type(a.atttypid, a.atttypmod) as type, case when a.attnotnull then ' not null' else '' end as not_null
        into parent_column
        from pg_attribute as a
        where a.attrelid = target.parent and a.attname = p_column and a.attnum > 0 and not a.attisdropped;
        if not found then
            if target.parent = 'warehouse.production_fact_base'::regclass then
                raise exception 'warehouse.production_fact has no column %', p_column;
            end if;
            continue;
        end if;
        if p_column = 'loaded_at' then
            execute format('alter table %s add column loaded_at %s%s default now()', leaf, parent_column.type,
                           parent_column.not_null);
        elsif constant.value is not null then
            execute format('alter table %s add column %I %s%s default %L::%s', leaf, p_column, parent_column.type,
                           parent_column.not_null, constant.value, parent_column.type);
            execute format('alter table %s alter column %I drop default', leaf, p_column);
        else
            execute format('alter table %s add column %I %s%s', leaf, p_column, parent_column.type, parent_column.not_null);
        end if;
    end loop;
end $$;

-- As in V34, and the load's sheet-row table beside its fact table, without the same optional columns.
create or replace procedure warehouse.create_production_fact_table(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := 'production_fact_' || p_load_id;
    sheet_leaf text := 'production_sheet_row_' || p_load_id;
    existing regclass := to_regclass(format('warehouse.%I', 'production_fact_' || p_load_id));
    existing_sheet regclass := to_regclass(format('warehouse.%I', 'production_sheet_row_' || p_load_id));
    gone record;
    optional text;
begin
    for gone in
        select pl.load_id
        from warehouse.production_load as pl
        join etl.load as l on l.load_id = pl.load_id
        where l.status = 'ABANDONED' and pl.attached_at is null and pl.load_id <> p_load_id
    loop
        execute format('drop table if exists warehouse.%I', 'production_fact_' || gone.load_id);
        execute format('drop table if exists warehouse.%I', 'production_sheet_row_' || gone.load_id);
        delete from warehouse.production_load_slice where load_id = gone.load_id;
        delete from warehouse.production_load where load_id = gone.load_id;
    end loop;
    if (existing is not null and exists (select from pg_inherits where inhrelid = existing))
       or (existing_sheet is not null and exists (select from pg_inherits where inhrelid = existing_sheet))
       or existing is null then
        execute format('drop table if exists warehouse.%I', leaf);
        execute format('drop table if exists warehouse.%I', sheet_leaf);
        existing := null;
        existing_sheet := null;
    end if;
    if existing is null then
        execute format('create table warehouse.%I (like warehouse.production_fact_base including constraints)', leaf);
        foreach optional in array warehouse.production_fact_optional_columns() loop
            execute format('alter table warehouse.%I drop column %I', leaf, optional);
        end loop;
        execute format('alter table warehouse.%I add constraint %I check (load_id = %s)', leaf, 'ck_' || leaf || '_load_id', p_load_id);
        -- while the load appends, autovacuum would only scan it, and hold up the merge's ALTER TABLE for a second
        -- (deadlock_timeout) before it gives way; the merge turns it back on
        execute format('alter table warehouse.%I set (autovacuum_enabled = false)', leaf);
        execute format('comment on table warehouse.%I is %L', leaf, 'Production facts of load ' || p_load_id
                       || ', one row a fact (a child of warehouse.production_fact_base once merged; columns it lacks until then are in '
                       || 'warehouse.production_load_constant). Query warehouse.production_fact or the v_* views.');
        delete from warehouse.production_load_slice where load_id = p_load_id;
        delete from warehouse.production_load where load_id = p_load_id;
    end if;
    -- a load begun before V35 gets its sheet-row table when it restarts, with the optional columns its fact table lacks
    if existing_sheet is null then
        execute format('create table warehouse.%I (like warehouse.production_sheet_row including constraints)', sheet_leaf);
        for optional in
            select p.attname from pg_attribute as p
            where p.attrelid = 'warehouse.production_sheet_row'::regclass and p.attnum > 0 and not p.attisdropped
              and p.attname = any(warehouse.production_fact_optional_columns())
              and not exists (select from pg_attribute as l
                              where l.attrelid = format('warehouse.%I', leaf)::regclass and l.attname = p.attname
                                and l.attnum > 0 and not l.attisdropped)
        loop
            execute format('alter table warehouse.%I drop column %I', sheet_leaf, optional);
        end loop;
        execute format('alter table warehouse.%I add constraint %I check (load_id = %s)', sheet_leaf, 'ck_' || sheet_leaf || '_load_id', p_load_id);
        execute format('alter table warehouse.%I set (autovacuum_enabled = false)', sheet_leaf);
        execute format('comment on table warehouse.%I is %L', sheet_leaf, 'Production facts of load ' || p_load_id
                       || ', one row a workbook row (a child of warehouse.production_sheet_row once merged). '
                       || 'Query warehouse.production_fact or the v_* views.');
    end if;
    insert into warehouse.production_load (load_id) values (p_load_id) on conflict (load_id) do nothing;
end $$;

-- Sheet rows holding a fact with a key of production_keys (a temp table: source, edition, commodity, stage, measure,
-- entity_key, year) move, all their facts, to the fact table of their load, where a single fact can be deleted.
-- Loads: p_load_ids; their sheet-row tables must be children of warehouse.production_sheet_row by then.
create procedure warehouse.move_production_sheet_rows(p_load_ids bigint[])
language plpgsql as $$
declare
    columns text := 'source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, entity_key, '
        || 'year, quantity_t, original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, '
        || 'is_estimate, basis, detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id, loaded_at';
    moving record;
begin
    create temp table production_moved_row on commit drop as
    select distinct f.load_id, f.row_table, f.row_ctid
    from warehouse.production_sheet_fact as f
    where f.load_id = any(p_load_ids)
      and (f.source, f.edition, f.commodity, f.stage, f.measure, f.entity_key, f.year) in (
          select k.source, k.edition, k.commodity, k.stage, k.measure, k.entity_key, k.year from production_keys as k);
    for moving in select distinct load_id from production_moved_row loop
        execute format($sql$
            insert into warehouse.%I (%s)
            select %s from warehouse.production_sheet_fact as f
            where f.load_id = %s and (f.row_table, f.row_ctid) in (select row_table, row_ctid from production_moved_row)
            $sql$, 'production_fact_' || moving.load_id, columns, columns, moving.load_id);
    end loop;
    -- the load_id condition lets the planner skip the sheet-row tables of every other load (their CHECKs)
    delete from warehouse.production_sheet_row as r
    using production_moved_row as m
    where r.load_id = any(p_load_ids) and r.tableoid = m.row_table and r.ctid = m.row_ctid;
    drop table production_moved_row;
end $$;

-- As in V34, with the load's sheet rows: the sheet-row table joins its parent first (or goes, when empty); when rows are staged, sheet
-- rows holding their keys move to the fact table before the duplicates are ranked; a re-delivery moves the earlier
-- loads' sheet rows holding its keys before deleting them; then the fact table joins warehouse.production_fact_base.
create or replace procedure warehouse.merge_production_fact_load(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := format('warehouse.%I', 'production_fact_' || p_load_id);
    sheet_leaf text := format('warehouse.%I', 'production_sheet_row_' || p_load_id);
    columns text := 'source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, '
        || 'quantity_t, original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, '
        || 'is_estimate, basis, detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id';
    missing text;
    has_sheet_rows boolean;
    earlier bigint[];
    added bigint := 0;
    removed bigint := 0;
    bad text;
begin
    -- one merge at a time takes the parents' locks first (no lock upgrade between two merges)
    lock table warehouse.production_fact_base in share update exclusive mode;
    lock table warehouse.production_sheet_row in share update exclusive mode;
    call warehouse.create_production_fact_table(p_load_id);
    for missing in
        select a.attname
        from pg_attribute as a
        where a.attrelid = 'warehouse.production_fact_base'::regclass and a.attnum > 0 and not a.attisdropped
          and (not exists (select from pg_attribute as l
                           where l.attrelid = leaf::regclass and l.attname = a.attname and l.attnum > 0
                             and not l.attisdropped)
               or (exists (select from pg_attribute as p
                           where p.attrelid = 'warehouse.production_sheet_row'::regclass and p.attname = a.attname
                             and p.attnum > 0 and not p.attisdropped)
                   and not exists (select from pg_attribute as l
                                   where l.attrelid = sheet_leaf::regclass and l.attname = a.attname and l.attnum > 0
                                     and not l.attisdropped)))
        order by a.attnum
    loop
        call warehouse.add_production_fact_column(p_load_id, missing);
    end loop;
    -- a load with no sheet rows (USGS tables, rows that all went one row a fact) leaves no empty child behind
    execute format('select exists (select from %s)', sheet_leaf) into has_sheet_rows;
    if has_sheet_rows then
        execute format('alter table %s reset (autovacuum_enabled)', sheet_leaf);
        execute format('alter table %s inherit warehouse.production_sheet_row', sheet_leaf);
    else
        execute format('drop table %s', sheet_leaf);
    end if;

    if exists (select from staging.production_row where load_id = p_load_id) then
        insert into warehouse.production_load_slice (load_id, source, edition, commodity)
        select distinct s.load_id, s.source, s.edition, s.commodity
        from staging.production_row as s
        where s.load_id = p_load_id
        on conflict do nothing;

        create temp table production_keys on commit drop as
        select distinct s.source, s.edition, s.commodity, s.stage, s.measure,
               coalesce(s.country_iso3::text, s.entity_kind || ':' || s.entity_label) as entity_key, s.year
        from staging.production_row as s
        where s.load_id = p_load_id;
        call warehouse.move_production_sheet_rows(array[p_load_id]);
        drop table production_keys;

        execute format($sql$
            create temp table production_merge on commit drop as
            with staged as (
                select %1$s, coalesce(s.country_iso3::text, s.entity_kind || ':' || s.entity_label) as entity_key,
                       null::tid as leaf_ctid
                from staging.production_row as s
                where s.load_id = %2$s
            ),

            loaded as (
                select %1$s, f.entity_key, f.ctid as leaf_ctid
                from %3$s as f
                where (f.source, f.edition, f.commodity, f.stage, f.measure, f.entity_key, f.year) in (
                    select source, edition, commodity, stage, measure, entity_key, year from staged)
            ),

            candidates as (
                select * from staged
                union all
                select * from loaded
            )

            select
                c.*,
                row_number() over w as key_rank,
                first_value(c.row_number) over w as first_row_number
            from candidates as c
            window w as (partition by c.source, c.edition, c.commodity, c.stage, c.measure, c.entity_key, c.year
                         order by c.row_number, c.column_name)
            $sql$, columns, p_load_id, leaf);

        select string_agg(distinct coalesce(
                   case when c.commodity_code is null then 'commodity ' || m.commodity end,
                   case when st.stage_code is null then 'stage ' || m.stage end,
                   case when m.country_iso3 is not null and k.iso3 is null then 'country ' || m.country_iso3 end), ', ')
        into bad
        from production_merge as m
        left join ref.commodity as c on c.commodity_code = m.commodity
        left join ref.stage as st on st.stage_code = m.stage
        left join ref.country as k on k.iso3 = m.country_iso3
        where m.leaf_ctid is null
          and (c.commodity_code is null or st.stage_code is null or (m.country_iso3 is not null and k.iso3 is null));
        if bad is not null then
            raise exception 'load %: unknown codes: %', p_load_id, bad;
        end if;

        insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
        select
            m.load_id, m.source_file_id, f.file_name, m.sheet, m.row_number, m.column_name, m.original_text,
            format('duplicate of row %s: %s %s %s %s %s %s already given', m.first_row_number, m.commodity, m.stage,
                   m.measure, m.entity_key, m.year, m.edition)
        from production_merge as m
        join etl.source_file as f on f.source_file_id = m.source_file_id
        where m.key_rank > 1;

        execute format('delete from %s as f using production_merge as m where m.key_rank > 1 and f.ctid = m.leaf_ctid',
                       leaf);
        get diagnostics removed = row_count;
        execute format('insert into %s (%s, entity_key) select %s, entity_key from production_merge where key_rank = 1 and leaf_ctid is null',
                       leaf, columns, columns);
        get diagnostics added = row_count;
        update warehouse.production_load set facts = facts + added - removed where load_id = p_load_id;
        delete from staging.production_row where load_id = p_load_id;
        drop table production_merge;
    end if;

    select array_agg(distinct e.load_id) into earlier
    from warehouse.production_load_slice as n
    join warehouse.production_load_slice as e
      on e.source = n.source and e.edition = n.edition and e.commodity = n.commodity and e.load_id <> n.load_id
    join warehouse.production_load as pl on pl.load_id = e.load_id and pl.attached_at is not null
    where n.load_id = p_load_id;
    if earlier is not null then
        execute format($sql$
            create temp table production_keys on commit drop as
            select source, edition, commodity, stage, measure, entity_key, year from %s
            union
            select source, edition, commodity, stage, measure, entity_key, year
            from warehouse.production_sheet_fact where load_id = %s
            $sql$, leaf, p_load_id);
        call warehouse.move_production_sheet_rows(earlier);
        delete from warehouse.production_fact_base as f
        using production_keys as n
        where f.load_id = any(earlier)
          and f.source = n.source and f.edition = n.edition and f.commodity = n.commodity and f.stage = n.stage
          and f.measure = n.measure and f.entity_key = n.entity_key and f.year = n.year;
        drop table production_keys;
    end if;

    execute format('alter table %s reset (autovacuum_enabled)', leaf);
    execute format('alter table %s inherit warehouse.production_fact_base', leaf);
    update warehouse.production_load set attached_at = now() where load_id = p_load_id;
end $$;
