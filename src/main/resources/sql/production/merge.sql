-- Merge one load (:load_id) of staging.production_row into warehouse.production_fact, in one transaction.
-- Grain: source x edition x commodity x stage x measure x reporting unit (entity_key) x year.
-- 1. a key given twice in the load keeps its first row (by row and column); the others become rejects naming it;
-- 2. upsert on the natural key: a re-delivery of the same source and edition replaces the earlier values and
--    lineage (a later edition is a new key: both are kept, the views serve the latest);
-- 3. the staging rows of the load are removed.

with staged as (
    select
        s.*,
        coalesce(s.country_iso3::text, s.entity_kind || ':' || s.entity_label) as entity_key
    from staging.production_row as s
    where s.load_id = :load_id
),

ranked as (
    select
        staged.*,
        row_number() over keys as key_rank,
        first_value(row_number) over keys as first_row_number
    from staged
    window keys as (
        partition by source, edition, commodity, stage, measure, entity_key, year
        order by row_number, column_name
    )
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select
    r.load_id,
    r.source_file_id,
    f.file_name,
    r.sheet,
    r.row_number,
    r.column_name,
    r.original_text,
    format('duplicate of row %s: %s %s %s %s %s %s already given', r.first_row_number, r.commodity, r.stage,
           r.measure, r.entity_key, r.year, r.edition)
from ranked as r
join etl.source_file as f on f.source_file_id = r.source_file_id
where r.key_rank > 1;

with staged as (
    select
        s.*,
        coalesce(s.country_iso3::text, s.entity_kind || ':' || s.entity_label) as entity_key
    from staging.production_row as s
    where s.load_id = :load_id
),

deduplicated as (
    select distinct on (source, edition, commodity, stage, measure, entity_key, year) *
    from staged
    order by source, edition, commodity, stage, measure, entity_key, year, row_number, column_name
)

insert into warehouse.production_fact (
    source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, quantity_t,
    original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate, basis,
    detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id
)
select
    source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, quantity_t,
    original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate, basis,
    detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id
from deduplicated
on conflict on constraint pk_production_fact do update set
    entity_label = excluded.entity_label,
    quantity_t = excluded.quantity_t,
    original_value = excluded.original_value,
    original_text = excluded.original_text,
    original_unit = excluded.original_unit,
    qualifier = excluded.qualifier,
    lower_bound_t = excluded.lower_bound_t,
    upper_bound_t = excluded.upper_bound_t,
    is_estimate = excluded.is_estimate,
    basis = excluded.basis,
    detail = excluded.detail,
    note = excluded.note,
    source_file_id = excluded.source_file_id,
    sheet = excluded.sheet,
    row_number = excluded.row_number,
    column_name = excluded.column_name,
    load_id = excluded.load_id,
    job_execution_id = excluded.job_execution_id,
    loaded_at = now();

delete from staging.production_row where load_id = :load_id;
