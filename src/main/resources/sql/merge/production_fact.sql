-- Merge one load (:load_id) of staging.production_row into warehouse.production_fact.
-- Grain: source x edition x commodity x stage x measure x reporting unit x year.
-- 1. a key that appears twice in the same load keeps its first row; the others become rejects;
-- 2. upsert on the natural key: a re-delivery of the same edition replaces the earlier values and lineage;
-- 3. the staging rows of the load are removed. The whole file runs in one transaction.

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
        row_number() over (
            partition by source, edition, commodity, stage, measure, entity_key, year
            order by row_number, column_name
        ) as key_rank,
        first_value(row_number) over (
            partition by source, edition, commodity, stage, measure, entity_key, year
            order by row_number, column_name
        ) as first_row_number
    from staged
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
on conflict on constraint uq_production_fact_natural_key do update set
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
