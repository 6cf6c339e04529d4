-- Merge one load (:load_id) of staging.trade_row into warehouse.trade_fact.
-- Natural key: source, edition, year, month, HS revision, reporter, partner, flow, HS code, breakdown.
-- 1. a re-delivery replaces: facts of other loads with a key this load carries are deleted (only when an
--    earlier load touched the same source, edition and year, per warehouse.trade_slice; a first load of a
--    year skips the join);
-- 2. insert (warehouse.insert_trade_facts: a plain insert, and only when a key is given twice in the file the
--    insert again with on conflict do nothing, keeping one row; no sort of the load either way);
-- 3. the rows that lost as duplicates become rejects naming the row kept (only when there were any);
-- 4. the load's staging partition is emptied (truncate; the next load's options step drops it). The whole merge runs in one transaction.

call staging.analyze_trade_row_partition(:load_id);

insert into warehouse.trade_slice (source, edition, year, load_id)
select distinct source, edition, year, load_id
from staging.trade_row
where load_id = :load_id
on conflict do nothing;

with earlier as (
    select 1
    from warehouse.trade_slice as mine
    join warehouse.trade_slice as other
        on other.source = mine.source
       and other.edition = mine.edition
       and other.year = mine.year
       and other.load_id <> mine.load_id
    where mine.load_id = :load_id
    limit 1
)

delete from warehouse.trade_fact as f
using staging.trade_row as s
where s.load_id = :load_id
  and exists (select 1 from earlier)
  and f.source = s.source
  and f.edition = s.edition
  and f.year = s.year
  and f.month = s.month
  and f.hs_revision = s.hs_revision
  and f.reporter_code = s.reporter_code
  and f.partner_code = s.partner_code
  and f.flow = s.flow
  and f.hs_code = s.hs_code
  and f.breakdown = s.breakdown
  and f.load_id <> :load_id;

call warehouse.insert_trade_facts(:load_id);

with counts as (
    select
        (select count(*) from staging.trade_row where load_id = :load_id) as staged,
        (select count(*) from warehouse.trade_fact where load_id = :load_id) as merged
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select
    s.load_id,
    s.source_file_id,
    sf.file_name,
    s.sheet,
    s.row_number,
    null,
    null,
    format('duplicate of row %s: %s %s %s %s %s flow %s HS %s (%s) %s already given by that row, which is kept',
           k.row_number, s.source, s.edition, s.year, nullif(s.month, 0), s.reporter_code || '->' || s.partner_code,
           s.flow, s.hs_code, s.hs_revision, nullif(s.breakdown, ''))
from staging.trade_row as s
join warehouse.trade_fact as k
    on k.load_id = :load_id
   and k.source = s.source
   and k.edition = s.edition
   and k.year = s.year
   and k.month = s.month
   and k.hs_revision = s.hs_revision
   and k.reporter_code = s.reporter_code
   and k.partner_code = s.partner_code
   and k.flow = s.flow
   and k.hs_code = s.hs_code
   and k.breakdown = s.breakdown
join etl.source_file as sf on sf.source_file_id = s.source_file_id
where s.load_id = :load_id
  and k.row_number <> s.row_number
  and (select staged > merged from counts);

call staging.empty_trade_row_partition(:load_id);
