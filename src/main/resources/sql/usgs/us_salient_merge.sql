-- Merge one load (:load_id) of staging.us_salient_row into warehouse.us_salient_fact.
-- Grain: source x edition x commodity x year x measure x detail x unit. Same three steps as sql/production/merge.sql.

with ranked as (
    select
        s.*,
        row_number() over (
            partition by source, edition, commodity, year, measure, detail, unit order by row_number, column_name
        ) as key_rank,
        first_value(column_name) over (
            partition by source, edition, commodity, year, measure, detail, unit order by row_number, column_name
        ) as first_column_name
    from staging.us_salient_row as s
    where s.load_id = :load_id
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
from ranked as r
join etl.source_file as f on f.source_file_id = r.source_file_id
where r.key_rank > 1;

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
