-- Merge one load (:load_id) of staging.us_salient_row into warehouse.us_salient_fact, after its checks
-- (sql/usgs/us_salient_check.sql). Grain: source x edition x commodity x year x measure x detail x unit. A re-delivery
-- replaces the values of the keys it carries; the facts replaced are counted per load in etl.superseded.

insert into etl.superseded (load_id, by_load_id, facts)
select f.load_id, :load_id, count(*)
from warehouse.us_salient_fact as f
join staging.us_salient_row as s
  using (source, edition, commodity, year, measure, detail, unit)
where s.load_id = :load_id
  and f.load_id <> :load_id
group by f.load_id
on conflict (load_id, by_load_id) do update set facts = etl.superseded.facts + excluded.facts;

with deduplicated as (
    select distinct on (source, edition, commodity, year, measure, detail, unit) *
    from staging.us_salient_row
    where load_id = :load_id
    order by source, edition, commodity, year, measure, detail, unit, row_number, column_name
)

insert into warehouse.us_salient_fact (
    source, edition, commodity, year, measure, detail, value, unit, original_value, original_text, original_unit,
    qualifier, lower_bound, upper_bound, is_estimate, note, source_file_id, row_number, column_name, load_id,
    job_execution_id
)
select
    source, edition, commodity, year, measure, detail, value, unit, original_value, original_text, original_unit,
    qualifier, lower_bound, upper_bound, is_estimate, note, source_file_id, row_number, column_name, load_id,
    job_execution_id
from deduplicated
on conflict on constraint pk_us_salient_fact do update set
    value = excluded.value,
    original_value = excluded.original_value,
    original_text = excluded.original_text,
    original_unit = excluded.original_unit,
    qualifier = excluded.qualifier,
    lower_bound = excluded.lower_bound,
    upper_bound = excluded.upper_bound,
    is_estimate = excluded.is_estimate,
    note = excluded.note,
    source_file_id = excluded.source_file_id,
    row_number = excluded.row_number,
    column_name = excluded.column_name,
    load_id = excluded.load_id,
    job_execution_id = excluded.job_execution_id,
    loaded_at = now();

delete from staging.us_salient_row where load_id = :load_id;
