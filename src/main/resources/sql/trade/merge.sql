-- Merge one trade load (:load_id): its rows are already in the load's own table warehouse.trade_flow_<load_id>
-- (COPY by the load step). In one transaction, so readers see all of the load or none of it:
-- 1. the table is attached as a partition of warehouse.trade_flow (a catalogue change: its check constraint
--    spares the scan);
-- 2. a natural key given twice in the load keeps its first row; the others are deleted and become rejects naming
--    it. Skipped (:skip_repeat_search) when the load step proved every key unique (:keys_proven_unique, a BACI file
--    read in order) or the count of repeats before the merge found none;
-- 3. the (source, edition, year) slices of the load are recorded (:years, tallied by the writers);
-- 4. a re-delivery replaces: rows of other loads of the same slices with a key this load carries are deleted
--    (the first load of a slice, such as a new BACI year, skips the search) and counted per load in etl.superseded;
-- 5. the classified rows of the load's (source, year) slices are refreshed in warehouse.trade_classified, which the
--    trade indicators and scenarios read.

call warehouse.attach_trade_flow_table(:load_id);

-- statistics of the new rows and loads for the queries that follow (the indicators run right after a load)
analyze etl.trade_load;

with ranked as (
    select
        ctid as row_id,
        row_number() over keys as key_rank,
        first_value(row_number) over keys as kept_row
    from warehouse.trade_flow
    where load_id = :load_id
      and not :skip_repeat_search
    window keys as (
        partition by year, month, hs_revision, reporter_code, partner_code, flow, hs_code, breakdown
        order by row_number
    )
),

losers as (
    delete from warehouse.trade_flow as f
    using ranked as r
    where f.load_id = :load_id
      and r.key_rank > 1
      and f.ctid = r.row_id
    returning f.*, r.kept_row
),

gone_detail as (
    delete from warehouse.trade_flow_detail as d
    using losers as x
    where d.load_id = :load_id
      and d.row_number = x.row_number
),

rejected as (
    insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
    select
        x.load_id,
        l.source_file_id,
        sf.file_name,
        null,
        x.row_number,
        null,
        null,
        format('duplicate of row %s: %s %s %s%s %s flow %s HS %s (%s)%s already given by that row, which is kept',
               x.kept_row, tl.source, tl.edition, x.year, case when x.month > 0 then '-' || x.month else '' end,
               x.reporter_code || '->' || x.partner_code, x.flow, x.hs_code, x.hs_revision,
               case when x.breakdown <> '' then ' ' || x.breakdown else '' end)
    from losers as x
    join etl.load as l on l.load_id = x.load_id
    join etl.trade_load as tl on tl.load_id = x.load_id
    join etl.source_file as sf on sf.source_file_id = l.source_file_id
    returning 1
)

update etl.trade_load
set keys_proven_unique = :keys_proven_unique,
    duplicates_removed = (select count(*) from rejected)
where load_id = :load_id;

insert into warehouse.trade_slice (source, edition, year, load_id)
select tl.source, tl.edition, y.year, tl.load_id
from etl.trade_load as tl
cross join unnest(string_to_array(:years, ',')::smallint[]) as y (year)
where tl.load_id = :load_id
on conflict do nothing;

with other_loads as (
    select distinct other.load_id
    from warehouse.trade_slice as mine
    join warehouse.trade_slice as other
      on other.source = mine.source
     and other.edition = mine.edition
     and other.year = mine.year
     and other.load_id <> mine.load_id
    where mine.load_id = :load_id
),

mine as (
    select year, month, hs_revision, reporter_code, partner_code, flow, hs_code, breakdown
    from warehouse.trade_flow
    where load_id = :load_id
      and exists (select 1 from other_loads)
),

gone as (
    delete from warehouse.trade_flow as f
    using mine as s
    where f.load_id in (select load_id from other_loads)
      and f.year = s.year
      and f.month = s.month
      and f.hs_revision = s.hs_revision
      and f.reporter_code = s.reporter_code
      and f.partner_code = s.partner_code
      and f.flow = s.flow
      and f.hs_code = s.hs_code
      and f.breakdown = s.breakdown
    returning f.load_id, f.row_number
),

gone_detail as (
    delete from warehouse.trade_flow_detail as d
    using gone as g
    where d.load_id = g.load_id
      and d.row_number = g.row_number
)

insert into etl.superseded (load_id, by_load_id, facts)
select load_id, :load_id, count(*)
from gone
group by load_id
on conflict (load_id, by_load_id) do update set facts = etl.superseded.facts + excluded.facts;

call warehouse.refresh_trade_classified(:load_id);
