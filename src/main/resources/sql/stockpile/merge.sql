-- Merge one load (:load_id) of staging.stockpile_row into warehouse.stockpile_holding.
-- Grain: commodity x as_of. A holding given twice in one file keeps its first row, the others are rejects;
-- a later file with the same commodity and date replaces the quantity.

with ranked as (
    select s.*, row_number() over (partition by commodity, as_of order by row_number) as key_rank
    from staging.stockpile_row as s
    where s.load_id = :load_id
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select r.load_id, r.source_file_id, f.file_name, null, r.row_number, null, r.commodity || ',' || r.quantity_t || ',' || r.as_of,
       format('duplicate: %s as of %s already given in an earlier row', r.commodity, r.as_of)
from ranked as r
join etl.source_file as f on f.source_file_id = r.source_file_id
where r.key_rank > 1;

insert into warehouse.stockpile_holding (commodity, as_of, quantity_t, source_file_id, row_number, load_id)
select distinct on (commodity, as_of) commodity, as_of, quantity_t, source_file_id, row_number, load_id
from staging.stockpile_row
where load_id = :load_id
order by commodity, as_of, row_number
on conflict on constraint pk_stockpile_holding do update set
    quantity_t = excluded.quantity_t,
    source_file_id = excluded.source_file_id,
    row_number = excluded.row_number,
    load_id = excluded.load_id;

delete from staging.stockpile_row where load_id = :load_id;
