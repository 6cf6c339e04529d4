-- The proof that a trade load gives no natural key twice, kept with the rows it is about. The writer records
-- each run of rows it wrote (consecutive rows of the same year, month, HS revision, reporter, partner, flow and
-- breakdown, cut at block ends) with its first and last HS code and whether the codes ascended within it; the
-- runs commit with their chunk, so the proof survives a restart and covers loads written by several partitions
-- at once (each in its own order). The keys are unique when every run ascends and the runs of one group,
-- ordered by their first code, do not overlap: checked in SQL over ~45k runs for a BACI year of 11M rows,
-- instead of sorting the rows.

create table etl.trade_run (
    load_id   bigint  not null,
    group_key text    not null,
    first_hs  text    not null,
    last_hs   text    not null,
    ascending boolean not null,
    constraint fk_trade_run_load_id foreign key (load_id) references etl.load (load_id)
);
create index ix_trade_run_load_id on etl.trade_run (load_id);

comment on column etl.trade_load.keys_unique is 'Set by the merge (warehouse.prove_trade_keys_unique): true when the runs the writers recorded (etl.trade_run) prove every natural key of the load given once, and the duplicate search was skipped; false: the merge searched.';
comment on table etl.trade_run is 'Runs of rows of a trade load as written (group of the natural key without the HS code, first and last HS code, ascending within the run); read by warehouse.prove_trade_keys_unique at the merge, then deleted.';

-- Sets etl.trade_load.keys_unique from the runs (HS codes compared byte-wise, as the writer does) and drops
-- the runs of this load and of abandoned loads. warehouse.remove_duplicate_trade_flows searches the rows only
-- when the proof fails.
create procedure warehouse.prove_trade_keys_unique(p_load_id bigint)
language plpgsql as $$
begin
    update etl.trade_load as tl
    set keys_unique = not exists (
            select 1
            from etl.trade_run as r
            where r.load_id = p_load_id
              and not r.ascending
        )
        and not exists (
            select 1
            from (
                select
                    r.first_hs,
                    lag(r.last_hs) over (partition by r.group_key order by r.first_hs collate "C") as previous_last
                from etl.trade_run as r
                where r.load_id = p_load_id
            ) as ordered
            where ordered.previous_last collate "C" >= ordered.first_hs
        )
    where tl.load_id = p_load_id;
    delete from etl.trade_run as r
    using etl.load as l
    where l.load_id = r.load_id
      and (l.load_id = p_load_id or l.status = 'ABANDONED');
end $$;

-- The rows a load keeps are the rows it wrote less the duplicates the search removed: the merge step reports
-- them without counting millions of rows.
alter table etl.trade_load add column duplicates_removed bigint not null default 0;
comment on column etl.trade_load.duplicates_removed is 'Rows of the load removed by the merge as repeats of a natural key (each an etl.reject naming the row kept).';

-- As in V45, and counts the rows it removed (etl.trade_load.duplicates_removed).
create or replace procedure warehouse.remove_duplicate_trade_flows(p_load_id bigint)
language plpgsql as $$
declare
    removed bigint;
begin
    if (select coalesce(keys_unique, false) from etl.trade_load where load_id = p_load_id) then
        return;
    end if;
    execute format($sql$
        with ranked as (
            select
                ctid as row_id,
                row_number,
                first_value(row_number) over keys as kept_row,
                row_number() over keys as key_rank
            from warehouse.%1$I
            window keys as (
                partition by year, month, hs_revision, reporter_code, partner_code, flow, hs_code, breakdown
                order by row_number
            )
        ),

        losers as (
            delete from warehouse.%1$I as f
            using ranked as r
            where r.key_rank > 1
              and f.ctid = r.row_id
            returning f.*, r.kept_row
        ),

        gone_detail as (
            delete from warehouse.trade_flow_detail as d
            using losers as x
            where d.load_id = %2$s
              and d.row_number = x.row_number
        )

        insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
        select
            x.load_id,
            l.source_file_id,
            sf.file_name,
            null,
            x.row_number,
            null,
            null,
            format('duplicate of row %%s: %%s %%s %%s %%s %%s flow %%s HS %%s (%%s) %%s already given by that row, which is kept',
                   x.kept_row, tl.source, tl.edition, x.year, nullif(coalesce(x.month, tl.default_month), 0),
                   x.reporter_code || '->' || x.partner_code, coalesce(x.flow, tl.default_flow), x.hs_code,
                   coalesce(x.hs_revision, tl.default_hs_revision), nullif(coalesce(x.breakdown, tl.default_breakdown), ''))
        from losers as x
        join etl.load as l on l.load_id = x.load_id
        join etl.trade_load as tl on tl.load_id = x.load_id
        join etl.source_file as sf on sf.source_file_id = l.source_file_id
    $sql$, 'trade_flow_' || p_load_id, p_load_id);
    get diagnostics removed = row_count;
    update etl.trade_load set duplicates_removed = removed where load_id = p_load_id;
end $$;

-- As in V45, and the load's table gives its rows their load_id (a column the COPY no longer sends: each column
-- a row carries costs the server time).
create or replace procedure warehouse.create_trade_flow_table(p_load_id bigint)
language plpgsql as $$
declare
    gone record;
    leaf text := 'trade_flow_' || p_load_id;
begin
    for gone in
        select c.relname, l.load_id
        from pg_class as c
        join pg_namespace as n on n.oid = c.relnamespace and n.nspname = 'warehouse'
        join etl.load as l on 'trade_flow_' || l.load_id = c.relname
        where l.status = 'ABANDONED'
          and not c.relispartition
          and c.relkind = 'r'
    loop
        execute format('drop table warehouse.%I', gone.relname);
        delete from warehouse.trade_flow_detail where load_id = gone.load_id;
    end loop;
    if to_regclass(format('warehouse.%I', leaf)) is null then
        execute format('create table warehouse.%I (like warehouse.trade_flow including constraints)', leaf);
        -- lets the attach skip its scan of the rows
        execute format('alter table warehouse.%I add constraint %I check (load_id = %s)', leaf, 'ck_' || leaf, p_load_id);
        -- the rows leave out the load (and the job execution, see TradeFlowWriter): the table fills them in
        execute format('alter table warehouse.%I alter column load_id set default %s', leaf, p_load_id);
        execute format('create index %I on warehouse.%I (hs_map_code, year) where hs_map_code is not null',
                       'ix_' || leaf || '_classified', leaf);
    end if;
end $$;
