-- Merge one load (:load_id) of staging.governance_indicator_row into ref.governance_indicator.
-- Grain: country x indicator code x year. A later WGI release replaces the values it carries (the World
-- Bank revises back years with each update). Keys given twice were left once by sql/wgi/check.sql.

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
