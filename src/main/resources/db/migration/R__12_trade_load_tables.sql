-- The table of one trade load: warehouse.trade_flow_<load_id>, written by the load step while it is invisible to
-- readers, attached to warehouse.trade_flow by the merge (sql/trade/merge.sql) in the merge's transaction.

-- Creates the load's table (kept as it is when the load restarts) and drops the unattached tables of loads an
-- operator abandoned.
create or replace procedure warehouse.create_trade_flow_table(p_load_id bigint)
language plpgsql as $$
declare
    gone record;
    leaf text := 'trade_flow_' || p_load_id;
begin
    for gone in
        select l.load_id
        from etl.load as l
        join pg_class as c on c.relname = 'trade_flow_' || l.load_id and c.relkind = 'r' and not c.relispartition
        join pg_namespace as n on n.oid = c.relnamespace and n.nspname = 'warehouse'
        where l.status = 'ABANDONED'
    loop
        call warehouse.drop_trade_flow_table(gone.load_id);
    end loop;
    if to_regclass(format('warehouse.%I', leaf)) is null then
        execute format('create table warehouse.%I (like warehouse.trade_flow including constraints)', leaf);
        -- the attach then needs no scan to prove the rows belong to the partition
        execute format('alter table warehouse.%I add constraint %I check (load_id = %s)', leaf, 'ck_' || leaf, p_load_id);
        execute format('create index %I on warehouse.%I (hs_map_code, year) where hs_map_code is not null',
                       'ix_' || leaf || '_classified', leaf);
    end if;
end $$;

-- Attaches the load's table as a partition of warehouse.trade_flow: readers see its rows when the merge commits.
-- Its statistics are taken first (a sample of 30,000 rows), so that queries right after the load plan well.
create or replace procedure warehouse.attach_trade_flow_table(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := 'trade_flow_' || p_load_id;
begin
    execute format('analyze warehouse.%I', leaf);
    if not exists (
        select 1 from pg_inherits
        where inhparent = 'warehouse.trade_flow'::regclass
          and inhrelid = to_regclass(format('warehouse.%I', leaf))
    ) then
        execute format('alter table warehouse.trade_flow attach partition warehouse.%I for values in (%s)', leaf, p_load_id);
    end if;
end $$;

-- Drops the table of a load that will never merge (abandoned), and its Comtrade detail rows. A table already attached
-- holds merged facts: it is left alone.
create or replace procedure warehouse.drop_trade_flow_table(p_load_id bigint)
language plpgsql as $$
begin
    if exists (select 1 from pg_inherits
               where inhparent = 'warehouse.trade_flow'::regclass
                 and inhrelid = to_regclass(format('warehouse.%I', 'trade_flow_' || p_load_id))) then
        return;
    end if;
    execute format('drop table if exists warehouse.%I', 'trade_flow_' || p_load_id);
    delete from warehouse.trade_flow_detail where load_id = p_load_id;
end $$;

-- What every row of the load's table shares becomes its column defaults, so that the load step leaves those columns
-- out of its COPY (each column a row carries costs the server time: a BACI year's constant columns were a third of
-- its COPY). load_id always; job_execution_id for the execution writing now (a restart sets its own); month,
-- hs_revision, flow and breakdown when every row of the load has the same (a BACI year), else null: not set.
create or replace procedure warehouse.set_trade_flow_defaults(p_load_id bigint, p_job_execution_id bigint,
                                                            p_month smallint, p_hs_revision text, p_flow text,
                                                            p_breakdown text)
language plpgsql as $$
declare
    leaf text := 'trade_flow_' || p_load_id;
begin
    execute format('alter table warehouse.%I alter column load_id set default %s, '
                   'alter column job_execution_id set default %s', leaf, p_load_id, p_job_execution_id);
    if p_month is not null then
        execute format('alter table warehouse.%I alter column month set default %s, '
                       'alter column hs_revision set default %L, alter column flow set default %L, '
                       'alter column breakdown set default %L', leaf, p_month, p_hs_revision, p_flow, p_breakdown);
    end if;
end $$;
