-- Checks of one load (:load_id) of staging.us_salient_row before its merge (sql/usgs/us_salient_merge.sql), in their
-- own transaction (see sql/production/check.sql): negative values of measures that may not be negative, then
-- repeated keys (the first column keeps the key); each moves the rows it rejects from staging to etl.reject.

-- a negative value of a measure that may not be negative (ref.measure) is a reject saying so
with negative as (
    delete from staging.us_salient_row as s
    where s.load_id = :load_id
      and (s.value < 0 or s.original_value < 0)
      and not coalesce((select m.may_be_negative from ref.measure as m
                        where m.fact_table = 'us_salient_fact' and m.measure = s.measure), false)
    returning s.*
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select
    n.load_id,
    n.source_file_id,
    f.file_name,
    null,
    n.row_number,
    n.column_name,
    n.original_text,
    format('negative value %s: %s of %s cannot be negative (ref.measure)', n.original_text, n.measure, n.commodity)
from negative as n
join etl.source_file as f on f.source_file_id = n.source_file_id;

with ranked as (
    select
        s.ctid as row_id,
        s.*,
        row_number() over (
            partition by source, edition, commodity, year, measure, detail, unit order by row_number, column_name
        ) as key_rank,
        first_value(column_name) over (
            partition by source, edition, commodity, year, measure, detail, unit order by row_number, column_name
        ) as first_column_name
    from staging.us_salient_row as s
    where s.load_id = :load_id
),

repeats as (
    delete from staging.us_salient_row as p
    using ranked as r
    where p.load_id = :load_id
      and p.ctid = r.row_id
      and r.key_rank > 1
    returning r.*
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select
    r.load_id,
    r.source_file_id,
    f.file_name,
    null,
    r.row_number,
    r.column_name,
    r.original_text,
    format('duplicate of column %s: %s %s %s %s (%s) already given', r.first_column_name, r.commodity, r.year,
           r.measure, r.detail, r.unit)
from repeats as r
join etl.source_file as f on f.source_file_id = r.source_file_id;

