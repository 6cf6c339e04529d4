-- Merge one load (:load_id) of staging.governance_indicator_row into ref.governance_indicator.
-- Grain: country x indicator code x year. A later WGI release replaces the values it carries (the World
-- Bank revises back years with each update). A key given twice in one file keeps its first row; the
-- others become rejects.

with ranked as (
    select s.*, row_number() over (partition by iso3, indicator_code, year order by row_number) as key_rank
    from staging.governance_indicator_row as s
    where s.load_id = :load_id
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select r.load_id, r.source_file_id, f.file_name, null, r.row_number, r.year::text, r.value::text,
       format('duplicate: %s %s %s already given in an earlier row', r.iso3, r.indicator_code, r.year)
from ranked as r
join etl.source_file as f on f.source_file_id = r.source_file_id
where r.key_rank > 1;

insert into ref.governance_indicator (iso3, indicator_code, year, value, source_file_id, load_id)
select distinct on (iso3, indicator_code, year) iso3, indicator_code, year, value, source_file_id, load_id
from staging.governance_indicator_row
where load_id = :load_id
order by iso3, indicator_code, year, row_number
on conflict on constraint pk_governance_indicator do update set
    value = excluded.value,
    source_file_id = excluded.source_file_id,
    load_id = excluded.load_id;

delete from staging.governance_indicator_row where load_id = :load_id;
