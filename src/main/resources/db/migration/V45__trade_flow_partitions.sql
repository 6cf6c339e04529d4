-- Trade facts stored the way they load: one partition per load, written directly by binary COPY and attached
-- when the load's checks pass (partition exchange), instead of a 40-column staging row merged by insert-select
-- into a table with a 10-column key index. Only what varies from row to row is stored per row; what is constant
-- in a load (source, edition, HS map version, units as published) lives once in etl.trade_load; Comtrade's
-- extra columns (breakdown codes, CIF/FOB, quantity in its own unit, estimate flags) live in trade_flow_detail.
-- warehouse.trade_fact becomes a view with the columns it always had, so readers do not change.
-- Measured on 1M BACI-shaped rows: COPY of the 41-column row 5.8 s, of these 14 columns 1.7 s (raw 6-column
-- CSV COPY 1.4 s).

alter table etl.trade_load
    add column source               text,
    add column edition              text,
    add column original_value_unit  text,
    add column value_per_original   numeric,
    add column original_weight_unit text,
    add column original_per_tonne   numeric,
    add column rows_written         bigint not null default 0,
    add column keys_unique          boolean,
    add column years                smallint[],
    add column default_month        smallint,
    add column default_hs_revision  text,
    add column default_flow         text,
    add column default_breakdown    text;

comment on column etl.trade_load.source is 'comtrade or baci.';
comment on column etl.trade_load.edition is 'Edition of the load (BACI release, Comtrade layout).';
comment on column etl.trade_load.original_value_unit is 'Unit of the values as published: USD (Comtrade) or kUSD (BACI).';
comment on column etl.trade_load.value_per_original is 'value_usd = original value x value_per_original (1000 for BACI kUSD, 1 for Comtrade USD): the published value is given back exactly.';
comment on column etl.trade_load.original_weight_unit is 'Unit of the net weight as published: kg (Comtrade netWgt) or t (BACI q).';
comment on column etl.trade_load.original_per_tonne is 'original net weight = net_weight_t x original_per_tonne (1000 for kg, 1 for t).';
comment on column etl.trade_load.rows_written is 'Rows the load step wrote into the load''s table (counted with each chunk, in its transaction).';
comment on column etl.trade_load.keys_unique is 'True when the writer saw every natural key once (keys ascending within each reporter/partner/flow run, no run repeated): the merge then skips the duplicate search. Null or false: the merge searches.';
comment on column etl.trade_load.years is 'Years the load wrote (its trade_slice rows).';
comment on column etl.trade_load.default_month is 'Month of the load''s trade_flow rows that leave month null (a BACI year: 0, annual).';
comment on column etl.trade_load.default_hs_revision is 'HS revision of the rows that leave hs_revision null (a BACI file: its revision).';
comment on column etl.trade_load.default_flow is 'Flow of the rows that leave flow null (BACI: X).';
comment on column etl.trade_load.default_breakdown is 'Breakdown of the rows that leave breakdown null (BACI: '''', the totals).';

-- the table before this migration: its views are re-pointed by the repeatable migrations, which then drop it
alter table warehouse.trade_fact rename to trade_fact_v20;
alter index warehouse.pk_trade_fact rename to pk_trade_fact_v20;
alter index warehouse.ix_trade_fact_load_id rename to ix_trade_fact_v20_load_id;
alter index warehouse.ix_trade_fact_critical rename to ix_trade_fact_v20_critical;

update etl.trade_load as tl
set source = f.source,
    edition = f.edition
from (select distinct on (load_id) load_id, source, edition from warehouse.trade_fact_v20) as f
where f.load_id = tl.load_id;

update etl.trade_load as tl
set source = case when l.job_name like 'baci%' then 'baci' else 'comtrade' end,
    edition = coalesce(tl.edition, f.edition)
from etl.load as l
join etl.source_file as f on f.source_file_id = l.source_file_id
where l.load_id = tl.load_id
  and tl.source is null;

update etl.trade_load
set original_value_unit = case when source = 'baci' then 'kUSD' else 'USD' end,
    value_per_original = case when source = 'baci' then 1000 else 1 end,
    original_weight_unit = case when source = 'baci' then 't' else 'kg' end,
    original_per_tonne = case when source = 'baci' then 1 else 1000 end;

create table warehouse.trade_flow (
    load_id          bigint   not null,
    year             smallint not null,
    month            smallint,
    hs_revision      text,
    reporter_code    text     not null,
    partner_code     text     not null,
    flow             text,
    hs_code          text     not null,
    breakdown        text,
    hs_map_code      text,
    value_usd        numeric,
    net_weight_t     numeric,
    row_number       integer  not null,
    job_execution_id bigint   not null,
    constraint ck_trade_flow_flow check (flow in ('M', 'X', 'RM', 'RX')),
    constraint ck_trade_flow_month check (month between 0 and 12)
) partition by list (load_id);

-- the trade indicators read only the rows the HS map classifies (about 1 % of a BACI year)
create index ix_trade_flow_classified on warehouse.trade_flow (hs_map_code, year) where hs_map_code is not null;

comment on table warehouse.trade_flow is 'Trade flows, one partition per load (warehouse.trade_flow_<load_id>, attached when the load completes). Natural key: source and edition (of the load), year, month, hs_revision, reporter_code, partner_code, flow, hs_code, breakdown; unique across partitions (the load checks it before attaching). Per-load constants in etl.trade_load; query warehouse.v_trade.';
comment on column warehouse.trade_flow.hs_map_code is 'The ref.hs_map code (of the load''s hs_map_version) that classified hs_code: the code itself or its 4-digit heading; null outside the map.';
comment on column warehouse.trade_flow.breakdown is '''''for the breakdown totals (customs C00, mode of transport 0, mode of supply 0, second partner 0), else the codes.';
comment on column warehouse.trade_flow.month is 'Null: the load''s etl.trade_load.default_month, as for hs_revision, flow and breakdown. A load whose rows all share these values (a BACI year) leaves them out of its COPY: each column a row carries costs the server time (1M rows: 14 columns 2.2 s, 10 columns 1.6 s, raw 6-column CSV 1.5 s).';

create table warehouse.trade_flow_detail (
    load_id              bigint  not null,
    row_number           integer not null,
    customs_code         text    not null,
    mot_code             integer not null,
    mos_code             integer not null,
    partner2_code        integer not null,
    cif_value_usd        numeric,
    fob_value_usd        numeric,
    quantity             numeric,
    quantity_unit        text,
    is_estimate          boolean,
    is_qty_estimated     boolean,
    is_net_wgt_estimated boolean,
    is_reported          boolean,
    is_aggregate         boolean,
    constraint pk_trade_flow_detail primary key (load_id, row_number)
);
comment on table warehouse.trade_flow_detail is 'What a Comtrade row says beyond its flow: breakdown codes, CIF and FOB values, quantity in its unit, estimate and reporting flags. One row per trade_flow row of a Comtrade load (by load_id, row_number); BACI rows have none.';

-- A load's own table, created by its options step (kept as it is when the load restarts). Unattached tables
-- of abandoned loads are dropped here, with their detail rows.
create procedure warehouse.create_trade_flow_table(p_load_id bigint)
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
        execute format('create index %I on warehouse.%I (hs_map_code, year) where hs_map_code is not null',
                       'ix_' || leaf || '_classified', leaf);
    end if;
end $$;

-- (Within one load a null month, hs_revision, flow or breakdown stands for the same load default, so the
-- search compares the columns as stored.)
-- A natural key given twice in the load keeps its first row; the others are deleted (with their detail) and
-- become rejects naming the row kept. Skipped when the writer saw every key once (etl.trade_load.keys_unique).
create procedure warehouse.remove_duplicate_trade_flows(p_load_id bigint)
language plpgsql as $$
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
end $$;

-- A re-delivery replaces: rows of other loads with a key this load carries are deleted (with their detail).
-- Only when an earlier load touched the same source, edition and year (warehouse.trade_slice): the first load
-- of a year skips the join.
create procedure warehouse.supersede_trade_flows(p_load_id bigint)
language plpgsql as $$
begin
    if not exists (
        select 1
        from warehouse.trade_slice as mine
        join warehouse.trade_slice as other
            on other.source = mine.source
           and other.edition = mine.edition
           and other.year = mine.year
           and other.load_id <> mine.load_id
        where mine.load_id = p_load_id
    ) then
        return;
    end if;
    execute format($sql$
        with mine as (
            select
                tl.source, tl.edition, s.year, coalesce(s.month, tl.default_month) as month,
                coalesce(s.hs_revision, tl.default_hs_revision) as hs_revision, s.reporter_code, s.partner_code,
                coalesce(s.flow, tl.default_flow) as flow, s.hs_code,
                coalesce(s.breakdown, tl.default_breakdown) as breakdown
            from warehouse.%1$I as s
            join etl.trade_load as tl on tl.load_id = s.load_id
        ),

        gone as (
            delete from warehouse.trade_flow as f
            using mine as s, etl.trade_load as tl
            where tl.load_id = f.load_id
              and tl.source = s.source
              and tl.edition = s.edition
              and f.year = s.year
              and coalesce(f.month, tl.default_month) = s.month
              and coalesce(f.hs_revision, tl.default_hs_revision) = s.hs_revision
              and f.reporter_code = s.reporter_code
              and f.partner_code = s.partner_code
              and coalesce(f.flow, tl.default_flow) = s.flow
              and f.hs_code = s.hs_code
              and coalesce(f.breakdown, tl.default_breakdown) = s.breakdown
              and f.load_id <> %2$s
            returning f.load_id, f.row_number
        )

        delete from warehouse.trade_flow_detail as d
        using gone as g
        where d.load_id = g.load_id
          and d.row_number = g.row_number
    $sql$, 'trade_flow_' || p_load_id, p_load_id);
end $$;

-- The load's table becomes a partition of warehouse.trade_flow: its rows appear to readers at the commit.
create procedure warehouse.attach_trade_flow_table(p_load_id bigint)
language plpgsql as $$
declare
    leaf text := 'trade_flow_' || p_load_id;
begin
    if exists (
        select 1 from pg_inherits
        where inhparent = 'warehouse.trade_flow'::regclass
          and inhrelid = to_regclass(format('warehouse.%I', leaf))
    ) then
        return;
    end if;
    execute format('alter table warehouse.trade_flow attach partition warehouse.%I for values in (%s)', leaf, p_load_id);
end $$;

-- The facts loaded before this migration, moved load by load into the new storage.
do $$
declare
    ld record;
begin
    for ld in select distinct load_id from warehouse.trade_fact_v20 order by load_id loop
        call warehouse.create_trade_flow_table(ld.load_id);
        execute format($sql$
            insert into warehouse.%I (load_id, year, month, hs_revision, reporter_code, partner_code, flow, hs_code,
                                      breakdown, hs_map_code, value_usd, net_weight_t, row_number, job_execution_id)
            select
                f.load_id, f.year, f.month, f.hs_revision, f.reporter_code, f.partner_code, f.flow, f.hs_code,
                f.breakdown,
                case
                    when f.commodity is null then null
                    when exists (select 1 from ref.hs_map as m
                                 where m.hs_map_version = f.hs_map_version and m.hs_code = f.hs_code) then f.hs_code
                    else left(f.hs_code, 4)
                end,
                f.value_usd, f.net_weight_t, f.row_number, f.job_execution_id
            from warehouse.trade_fact_v20 as f
            where f.load_id = %s
        $sql$, 'trade_flow_' || ld.load_id, ld.load_id);
        insert into warehouse.trade_flow_detail (
            load_id, row_number, customs_code, mot_code, mos_code, partner2_code, cif_value_usd, fob_value_usd,
            quantity, quantity_unit, is_estimate, is_qty_estimated, is_net_wgt_estimated, is_reported, is_aggregate
        )
        select
            load_id, row_number, customs_code, mot_code, mos_code, partner2_code, cif_value_usd, fob_value_usd,
            quantity, quantity_unit, is_estimate, is_qty_estimated, is_net_wgt_estimated, is_reported, is_aggregate
        from warehouse.trade_fact_v20
        where load_id = ld.load_id
          and source <> 'baci';
        update etl.trade_load set keys_unique = true,
            rows_written = (select count(*) from warehouse.trade_fact_v20 where load_id = ld.load_id), years = (
            select array_agg(distinct year order by year) from warehouse.trade_fact_v20 where load_id = ld.load_id)
        where load_id = ld.load_id;
        call warehouse.attach_trade_flow_table(ld.load_id);
    end loop;
end $$;

-- The staging of the earlier design (its partitions are empty once a load merged).
drop procedure warehouse.insert_trade_facts(bigint);
drop procedure staging.create_trade_row_partition(bigint);
drop procedure staging.analyze_trade_row_partition(bigint);
drop procedure staging.empty_trade_row_partition(bigint);
drop table staging.trade_row;

create view warehouse.trade_fact as
select
    l.source,
    l.edition,
    f.year,
    coalesce(f.month, l.default_month) as month,
    coalesce(f.hs_revision, l.default_hs_revision) as hs_revision,
    f.reporter_code,
    case when reporter_area.area_code is null then f.reporter_code end::char(3) as reporter_iso3,
    f.partner_code,
    case when partner_area.area_code is null then f.partner_code end::char(3) as partner_iso3,
    coalesce(partner_area.kind, 'country') as partner_kind,
    coalesce(f.flow, l.default_flow) as flow,
    f.hs_code,
    coalesce(f.breakdown, l.default_breakdown) as breakdown,
    coalesce(d.customs_code, 'C00') as customs_code,
    coalesce(d.mot_code, 0) as mot_code,
    coalesce(d.mos_code, 0) as mos_code,
    coalesce(d.partner2_code, 0) as partner2_code,
    m.commodity,
    m.stage,
    m.is_proxy,
    l.hs_map_version,
    f.value_usd,
    case when l.source = 'comtrade' and coalesce(f.flow, l.default_flow) in ('M', 'RM') then 'CIF' else 'FOB' end
        as value_basis,
    trim_scale(f.value_usd / l.value_per_original) as original_value,
    l.original_value_unit,
    d.cif_value_usd,
    case when l.source = 'baci' then f.value_usd else d.fob_value_usd end as fob_value_usd,
    f.net_weight_t,
    trim_scale(f.net_weight_t * l.original_per_tonne) as original_net_weight,
    case when f.net_weight_t is not null then l.original_weight_unit end as original_weight_unit,
    case when l.source = 'baci' then f.net_weight_t else d.quantity end as quantity,
    case when l.source = 'baci' then (case when f.net_weight_t is not null then 't' end) else d.quantity_unit end
        as quantity_unit,
    d.is_estimate,
    d.is_qty_estimated,
    d.is_net_wgt_estimated,
    d.is_reported,
    d.is_aggregate,
    ld.source_file_id,
    f.row_number::bigint as row_number,
    f.load_id,
    f.job_execution_id,
    ld.finished_at as loaded_at,
    f.hs_map_code
from warehouse.trade_flow as f
join etl.trade_load as l on l.load_id = f.load_id
join etl.load as ld on ld.load_id = f.load_id
left join ref.area as reporter_area on reporter_area.area_code = f.reporter_code
left join ref.area as partner_area on partner_area.area_code = f.partner_code
left join ref.hs_map as m on m.hs_map_version = l.hs_map_version and m.hs_code = f.hs_map_code
left join warehouse.trade_flow_detail as d on d.load_id = f.load_id and d.row_number = f.row_number;

comment on view warehouse.trade_fact is 'Trade flows with every column spelled out (per-load constants from etl.trade_load, areas from ref.area, commodity from ref.hs_map, Comtrade detail from trade_flow_detail). month 0 = annual. Query warehouse.v_trade and v_trade_world_total.';
