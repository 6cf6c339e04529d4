-- Merge one load (:load_id) of staging.stockpile_row into warehouse.stockpile_holding.
-- Grain: commodity x as_of. Holdings given twice were left once by sql/stockpile/check.sql;
-- a later file with the same commodity and date replaces the quantity.

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
