-- A load's table warehouse.production_fact_<load_id> (V33) now starts with only the columns that vary from
-- fact to fact; what all its facts share so far (source, edition, commodity, stage, basis, sheet, file, job
-- execution, ...) is kept once in warehouse.production_load_constant and left out of the COPY. The first time a
-- fact of the load differs from such a constant (a workbook's second sheet: another commodity and sheet), the
-- writer adds the column to the load's table with the constant as its default: ALTER TABLE ... ADD COLUMN with
-- a constant default is a catalogue change (the value is kept once, as the column's missing value, for every
-- row already there), not a rewrite. The merge adds the columns still missing the same way, so the table has
-- every column of warehouse.production_fact before it becomes its child: warehouse.production_fact stays one
-- table, and every view and query over it reads the same columns and values as before.
-- Each column a row carries costs the server time: 5M facts, 26-column text COPY with the generated entity_key
-- about 15 s of server time, these 15 columns in binary about 7 s.
--
-- entity_key becomes a plain column written by the loaders (the writer for COPYed facts, the merge for staged
-- ones) instead of a generated one: the server computing it took about 0.7 us per fact, and a CHECK that it
-- matches country_iso3 / entity_kind:entity_label about 0.45 us (5M facts: 2.2 s of a load's 9 s of server time),
-- so the invariant is a test query instead. The facts already loaded keep their values; nothing moves.

alter table warehouse.production_fact alter column entity_key drop expression;

-- tables of loads not merged yet when this migration runs are not children yet: they change the same way
do $$
declare
    pending record;
begin
    for pending in
        select c.oid::regclass as leaf
        from warehouse.production_load as pl
        join pg_class as c on c.relname = 'production_fact_' || pl.load_id and c.relkind = 'r'
        join pg_namespace as n on n.oid = c.relnamespace and n.nspname = 'warehouse'
        where pl.attached_at is null
          and not exists (select from pg_inherits as i where i.inhrelid = c.oid)
    loop
        execute format('alter table %s alter column entity_key drop expression', pending.leaf);
        execute format('alter table %s alter column entity_key set not null', pending.leaf);
    end loop;
end $$;

alter table warehouse.production_fact alter column entity_key set not null;
comment on column warehouse.production_fact.entity_key is
    'The reporting unit: country_iso3, or entity_kind:entity_label for world totals and residuals (written by the loader).';

-- What every fact of a load has had in common so far, for the columns its table leaves out (text, cast to the
-- column's type when the column is added). A column of the load's table overrides its constant.
create table warehouse.production_load_constant (
    load_id     bigint not null,
    column_name text   not null,
    value       text,
    constraint pk_production_load_constant primary key (load_id, column_name),
    constraint fk_production_load_constant_load_id foreign key (load_id)
        references warehouse.production_load (load_id) on delete cascade
);
comment on table warehouse.production_load_constant is
    'Per load of production facts: the value every fact of the load shares, for the columns its table warehouse.production_fact_<load_id> does not store (yet). The merge turns them into columns of the table (their missing value) before it joins warehouse.production_fact.';

-- The columns a load's table starts without; the rest (the measure, the reporting unit, the year, the values
-- and their lineage to a cell) vary from fact to fact, or have constraints the child must carry from the start.
create function warehouse.production_fact_optional_columns() returns text[]
language sql immutable as $$
    select array['production_fact_id', 'source', 'edition', 'commodity', 'stage', 'original_unit', 'lower_bound_t',
                 'upper_bound_t', 'basis', 'detail', 'note', 'source_file_id', 'sheet', 'job_execution_id', 'loaded_at']
$$;

-- Adds a column of warehouse.production_fact to the load's table (unless it has it): the load's constant is its
-- value for the rows already there (a catalogue change, no rewrite); loaded_at is the time of the call; without
-- a constant (no fact had a value for it), null.
create procedure warehouse.add_production_fact_column(p_load_id bigint, p_column text)
language plpgsql as $$
declare
    leaf regclass := format('warehouse.%I', 'production_fact_' || p_load_id)::regclass;
    parent_column record;
    constant record;
begin
    if exists (select from pg_attribute where attrelid = leaf and attname = p_column and attnum > 0 and not attisdropped) then
        return;
    end if;
    select format_type(a.atttypid, a.atttypmod) as type, case when a.attnotnull then ' not null' else '' end as not_null
    into parent_column
    from pg_attribute as a
    where a.attrelid = 'warehouse.production_fact'::regclass and a.attname = p_column and a.attnum > 0
      and not a.attisdropped;
    if not found then
        raise exception 'warehouse.production_fact has no column %', p_column;
    end if;
    if p_column = 'loaded_at' then
        execute format('alter table %s add column loaded_at %s%s default now()', leaf, parent_column.type,
                       parent_column.not_null);
        return;
    end if;
    select c.value into constant
    from warehouse.production_load_constant as c
    where c.load_id = p_load_id and c.column_name = p_column;
    if found and constant.value is not null then
        execute format('alter table %s add column %I %s%s default %L::%s', leaf, p_column, parent_column.type,
                       parent_column.not_null, constant.value, parent_column.type);
        execute format('alter table %s alter column %I drop default', leaf, p_column);
    else
        execute format('alter table %s add column %I %s%s', leaf, p_column, parent_column.type, parent_column.not_null);
    end if;
end $$;

-- As in V33, but the new table leaves out the optional columns, and autovacuum leaves it alone until the merge.
create or replace procedure warehouse.create_production_fact_table(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := 'production_fact_' || p_load_id;
    existing regclass := to_regclass(format('warehouse.%I', 'production_fact_' || p_load_id));
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
        delete from warehouse.production_load_slice where load_id = gone.load_id;
        delete from warehouse.production_load where load_id = gone.load_id;
    end loop;
    if existing is not null and exists (select from pg_inherits where inhrelid = existing) then
        execute format('drop table %s', existing);
        existing := null;
    end if;
    if existing is null then
        execute format('create table warehouse.%I (like warehouse.production_fact including constraints)', leaf);
        foreach optional in array warehouse.production_fact_optional_columns() loop
            execute format('alter table warehouse.%I drop column %I', leaf, optional);
        end loop;
        execute format('alter table warehouse.%I add constraint %I check (load_id = %s)', leaf, 'ck_' || leaf || '_load_id', p_load_id);
        -- while the load appends, autovacuum would only scan it, and hold up the merge's ALTER TABLE for a second
        -- (deadlock_timeout) before it gives way; the merge turns it back on
        execute format('alter table warehouse.%I set (autovacuum_enabled = false)', leaf);
        execute format('comment on table warehouse.%I is %L', leaf, 'Production facts of load ' || p_load_id
                       || ' (a child of warehouse.production_fact once merged; columns it lacks until then are in '
                       || 'warehouse.production_load_constant). Query the v_* views.');
        delete from warehouse.production_load_slice where load_id = p_load_id;
        delete from warehouse.production_load where load_id = p_load_id;
    end if;
    insert into warehouse.production_load (load_id) values (p_load_id) on conflict (load_id) do nothing;
end $$;

-- As in V33, but the load's table first gets the columns it lacks (its constants), rows joining it from
-- staging carry their entity_key, and autovacuum is turned back on for it.
create or replace procedure warehouse.merge_production_fact_load(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := format('warehouse.%I', 'production_fact_' || p_load_id);
    columns text := 'source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, '
        || 'quantity_t, original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, '
        || 'is_estimate, basis, detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id';
    missing text;
    earlier bigint[];
    added bigint := 0;
    removed bigint := 0;
    bad text;
begin
    -- one merge at a time takes the parent's lock first (no lock upgrade between two merges)
    lock table warehouse.production_fact in share update exclusive mode;
    call warehouse.create_production_fact_table(p_load_id);
    for missing in
        select a.attname
        from pg_attribute as a
        where a.attrelid = 'warehouse.production_fact'::regclass and a.attnum > 0 and not a.attisdropped
          and not exists (select from pg_attribute as l
                          where l.attrelid = leaf::regclass and l.attname = a.attname and l.attnum > 0
                            and not l.attisdropped)
        order by a.attnum
    loop
        call warehouse.add_production_fact_column(p_load_id, missing);
    end loop;

    if exists (select from staging.production_row where load_id = p_load_id) then
        insert into warehouse.production_load_slice (load_id, source, edition, commodity)
        select distinct s.load_id, s.source, s.edition, s.commodity
        from staging.production_row as s
        where s.load_id = p_load_id
        on conflict do nothing;

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
            delete from warehouse.production_fact as f
            using %s as n
            where f.load_id = any(%L::bigint[])
              and f.source = n.source and f.edition = n.edition and f.commodity = n.commodity and f.stage = n.stage
              and f.measure = n.measure and f.entity_key = n.entity_key and f.year = n.year
            $sql$, leaf, earlier);
    end if;

    execute format('alter table %s reset (autovacuum_enabled)', leaf);
    execute format('alter table %s inherit warehouse.production_fact', leaf);
    update warehouse.production_load set attached_at = now() where load_id = p_load_id;
end $$;
