-- Production facts of a load land in a table of their own, warehouse.production_fact_<load_id>, created when
-- the load writes its first chunk and filled with COPY: no staging copy, no insert-select, no per-row
-- foreign-key trigger or unique-index probe. The table is not yet a child of warehouse.production_fact, so
-- nobody sees its rows, and a restarted load resumes in it. The merge (warehouse.merge_production_fact_load)
-- checks set-based what the unique key and foreign keys used to check per row, then makes the table a
-- child of warehouse.production_fact (ALTER TABLE ... INHERIT: a catalogue change, no scan; its
-- CHECK (load_id = N) lets the planner skip it for queries on other loads). Inheritance rather than
-- declarative partitioning keeps warehouse.production_fact the same table, with the facts loaded before
-- this migration in it, so every view over it and every query on it stays as it was.

alter table warehouse.production_fact drop constraint pk_production_fact;
alter table warehouse.production_fact alter column production_fact_id drop not null;
comment on column warehouse.production_fact.production_fact_id is
    'Serial number of facts loaded before per-load tables (V33); null after: a fact is identified by load_id, sheet, row_number and column_name.';

-- One row per load writing production facts: its table, whether merged (attached_at), and its counts,
-- kept in the same transactions as the rows they count (a restarted load continues them).
create table warehouse.production_load (
    load_id     bigint      not null,
    source_rows bigint      not null default 0,
    facts       bigint      not null default 0,
    attached_at timestamptz,
    constraint pk_production_load primary key (load_id)
);
comment on table warehouse.production_load is 'Loads of production facts: table warehouse.production_fact_<load_id>, rows and facts written, when it joined warehouse.production_fact (null: not merged yet).';

-- The (source, edition, commodity) slices a load carries: a re-delivery compares its keys only with the
-- earlier loads of the same slices; the first load of a slice skips that join.
create table warehouse.production_load_slice (
    load_id   bigint not null,
    source    text   not null,
    edition   text   not null,
    commodity text   not null,
    constraint pk_production_load_slice primary key (load_id, source, edition, commodity)
);
create index ix_production_load_slice_slice on warehouse.production_load_slice (source, edition, commodity);
comment on table warehouse.production_load_slice is 'Which (source, edition, commodity) slices each production load carries.';

insert into warehouse.production_load (load_id, source_rows, facts, attached_at)
select f.load_id, count(distinct (coalesce(f.sheet, ''), f.row_number)), count(*), min(f.loaded_at)
from warehouse.production_fact as f
group by f.load_id;

insert into warehouse.production_load_slice (load_id, source, edition, commodity)
select distinct f.load_id, f.source, f.edition, f.commodity
from warehouse.production_fact as f;

-- The table of a load: created on its first chunk, kept when the load restarts. Tables of abandoned loads
-- are dropped here. A table already attached for this load_id can only be left from before the load
-- sequence was reset (a test database emptied with restart identity): it is dropped and made anew.
create procedure warehouse.create_production_fact_table(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := 'production_fact_' || p_load_id;
    existing regclass := to_regclass(format('warehouse.%I', 'production_fact_' || p_load_id));
    gone record;
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
        execute format('create table warehouse.%I (like warehouse.production_fact including defaults including generated including constraints)', leaf);
        execute format('alter table warehouse.%I alter column production_fact_id drop default', leaf);
        execute format('alter table warehouse.%I add constraint %I check (load_id = %s)', leaf, 'ck_' || leaf || '_load_id', p_load_id);
        execute format('comment on table warehouse.%I is %L', leaf, 'Production facts of load ' || p_load_id
                       || ' (a child of warehouse.production_fact once merged). Query the v_* views.');
        delete from warehouse.production_load_slice where load_id = p_load_id;
        delete from warehouse.production_load where load_id = p_load_id;
    end if;
    insert into warehouse.production_load (load_id) values (p_load_id) on conflict (load_id) do nothing;
end $$;

-- The merge of one load, in the caller's transaction:
-- 1. rows staged in staging.production_row (files merged wholly through staging, summed country parts,
--    rows whose key the writer had seen before in this load) join the load's table: per natural key the
--    first row (by row, then column) is kept, the others become rejects naming the kept row;
-- 2. unknown commodity, stage or country codes fail the load (the foreign keys' job, done set-based);
-- 3. a re-delivery replaces: keys of this load are deleted from earlier loads of the same slices;
-- 4. the table becomes a child of warehouse.production_fact.
create procedure warehouse.merge_production_fact_load(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := format('warehouse.%I', 'production_fact_' || p_load_id);
    columns text := 'source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, '
        || 'quantity_t, original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, '
        || 'is_estimate, basis, detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id';
    earlier bigint[];
    added bigint := 0;
    removed bigint := 0;
    bad text;
begin
    -- one merge at a time takes the parent's lock first (no lock upgrade between two merges)
    lock table warehouse.production_fact in share update exclusive mode;
    call warehouse.create_production_fact_table(p_load_id);

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
        execute format('insert into %s (%s) select %s from production_merge where key_rank = 1 and leaf_ctid is null',
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

    execute format('alter table %s inherit warehouse.production_fact', leaf);
    update warehouse.production_load set attached_at = now() where load_id = p_load_id;
end $$;
