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

-- Refreshes warehouse.trade_classified for one (source, year) slice: the classified trade facts (hs_map_code not
-- null: the partial index ix_trade_flow_classified), annual breakdown totals, the latest edition per trade key as in
-- warehouse.v_trade. Source and year reach the scan of warehouse.trade_flow as plain conditions. The triggers of
-- V41__trade_indicator_years.sql mark the year for the trade indicators.
create or replace procedure warehouse.refresh_trade_classified_slice(p_source text, p_year smallint)
language plpgsql as $$
begin
    delete from warehouse.trade_classified as c where c.source = p_source and c.year = p_year;
    insert into warehouse.trade_classified (
        source, edition, year, hs_revision, reporter_code, reporter_iso3, partner_code, partner_iso3, partner_kind,
        flow, hs_code, commodity, stage, is_proxy, value_usd, net_weight_t, load_id, row_number
    )
    select distinct on (t.year, t.hs_revision, t.reporter_code, t.partner_code, t.flow, t.hs_code)
        t.source, t.edition, t.year, t.hs_revision, t.reporter_code, t.reporter_iso3, t.partner_code, t.partner_iso3,
        t.partner_kind, t.flow, t.hs_code, t.commodity, t.stage, t.is_proxy, t.value_usd, t.net_weight_t, t.load_id,
        t.row_number
    from warehouse.trade_fact as t
    where t.source = p_source
      and t.year = p_year
      and t.hs_map_code is not null
      and t.breakdown = ''
      and t.month = 0
    order by t.year, t.hs_revision, t.reporter_code, t.partner_code, t.flow, t.hs_code, t.edition desc;
end $$;

-- Refreshes warehouse.trade_classified for the (source, year) slices a trade load wrote (p_load_id, from
-- warehouse.trade_slice; the merge calls it last, after the load's re-deliveries replaced their rows), or whole
-- (p_load_id null), one slice at a time.
create or replace procedure warehouse.refresh_trade_classified(p_load_id bigint)
language plpgsql as $$
declare
    slice record;
begin
    if p_load_id is null then
        delete from warehouse.trade_classified;
    end if;
    for slice in
        select distinct s.source, s.year
        from warehouse.trade_slice as s
        where s.load_id = p_load_id
        union
        select distinct l.source, f.year
        from warehouse.trade_flow as f
        join etl.trade_load as l on l.load_id = f.load_id
        where p_load_id is null
          and f.hs_map_code is not null
    loop
        call warehouse.refresh_trade_classified_slice(slice.source, slice.year::smallint);
    end loop;
    analyze warehouse.trade_classified;
end $$;

-- the classified rows of the facts already merged (a no-op on an empty warehouse)
call warehouse.refresh_trade_classified(null);
