-- Checks of one load (:load_id) of staging.stockpile_row before its merge (sql/stockpile/merge.sql), in their own transaction:
-- a key given twice in the file keeps its first row; the others move from staging to etl.reject.

with ranked as (
    select s.ctid as row_id, s.*, row_number() over (partition by commodity, as_of order by row_number) as key_rank
    from staging.stockpile_row as s
    where s.load_id = :load_id
),

repeats as (
    delete from staging.stockpile_row as p
    using ranked as r
    where p.load_id = :load_id
      and p.ctid = r.row_id
      and r.key_rank > 1
    returning r.*
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select r.load_id, r.source_file_id, f.file_name, null, r.row_number, null, r.commodity || ',' || r.quantity_t || ',' || r.as_of,
       format('duplicate: %s as of %s already given in an earlier row', r.commodity, r.as_of)
from repeats as r
join etl.source_file as f on f.source_file_id = r.source_file_id;

