-- Merge one load (:load_id) of staging.production_row into warehouse.production_fact, in one transaction, after its
-- checks (sql/production/check.sql). Grain: source x edition x commodity x stage x measure x reporting unit
-- (entity_key) x year.
-- 1. a re-delivery of the same source and edition replaces the earlier facts of the keys it carries (a later edition
--    is a new key: both are kept, the views serve the latest); the first load of a slice skips the search; the facts
--    replaced are counted per load in etl.superseded, and each one whose quantity, qualifier, estimate flag, bounds,
--    basis or note differs from its replacement is kept, old beside new, in etl.superseded_production_change (two
--    workbooks of one edition in two layouts never replace each other's qualifiers unseen);
-- 2. the load's rows become facts and leave staging.

set local work_mem = '256MB';

with slices as (
    select distinct source, edition, commodity
    from staging.production_row
    where load_id = :load_id
),

delivered_before as (
    select s.*
    from slices as s
    where exists (
        select 1 from warehouse.production_fact as f
        where f.source = s.source and f.edition = s.edition and f.commodity = s.commodity
    )
),

replaced as (
    delete from warehouse.production_fact as f
    using staging.production_row as s
    join delivered_before as d using (source, edition, commodity)
    where s.load_id = :load_id
      and f.source = s.source
      and f.edition = s.edition
      and f.commodity = s.commodity
      and f.stage = s.stage
      and f.measure = s.measure
      and f.entity_key = coalesce(s.country_iso3::text, s.entity_kind || ':' || s.entity_label)
      and f.year = s.year
    returning
        f.load_id, f.source, f.edition, f.commodity, f.stage, f.measure, f.entity_key, f.year,
        f.quantity_t as old_quantity_t, s.quantity_t as new_quantity_t,
        f.original_value as old_original_value, s.original_value as new_original_value,
        f.original_text as old_original_text, s.original_text as new_original_text,
        f.qualifier as old_qualifier, s.qualifier as new_qualifier,
        f.is_estimate as old_is_estimate, s.is_estimate as new_is_estimate,
        f.lower_bound_t as old_lower_bound_t, s.lower_bound_t as new_lower_bound_t,
        f.upper_bound_t as old_upper_bound_t, s.upper_bound_t as new_upper_bound_t,
        f.basis as old_basis, s.basis as new_basis,
        f.note as old_note, s.note as new_note,
        f.source_file_id as old_source_file_id, f.sheet as old_sheet, f.row_number as old_row_number,
        f.column_name as old_column_name,
        s.source_file_id as new_source_file_id, s.sheet as new_sheet, s.row_number as new_row_number,
        s.column_name as new_column_name
),

counted as (
    insert into etl.superseded (load_id, by_load_id, facts)
    select load_id, :load_id, count(*)
    from replaced
    where load_id <> :load_id
    group by load_id
    on conflict (load_id, by_load_id) do update set facts = etl.superseded.facts + excluded.facts
),

compared as (
    select
        r.*,
        array_remove(array[
            case when r.old_quantity_t is distinct from r.new_quantity_t then 'quantity_t' end,
            case when r.old_qualifier is distinct from r.new_qualifier then 'qualifier' end,
            case when r.old_is_estimate is distinct from r.new_is_estimate then 'is_estimate' end,
            case when r.old_lower_bound_t is distinct from r.new_lower_bound_t then 'lower_bound_t' end,
            case when r.old_upper_bound_t is distinct from r.new_upper_bound_t then 'upper_bound_t' end,
            case when r.old_basis is distinct from r.new_basis then 'basis' end,
            case when r.old_note is distinct from r.new_note then 'note' end
        ], null) as changed
    from replaced as r
    where r.load_id <> :load_id
)

insert into etl.superseded_production_change (
    load_id, by_load_id, source, edition, commodity, stage, measure, entity_key, year,
    old_quantity_t, new_quantity_t, old_original_value, new_original_value, old_original_text, new_original_text,
    old_qualifier, new_qualifier, old_is_estimate, new_is_estimate, old_lower_bound_t, new_lower_bound_t,
    old_upper_bound_t, new_upper_bound_t, old_basis, new_basis, old_note, new_note, old_cell, new_cell, changed
)
select
    c.load_id, :load_id, c.source, c.edition, c.commodity, c.stage, c.measure, c.entity_key, c.year,
    c.old_quantity_t, c.new_quantity_t, c.old_original_value, c.new_original_value, c.old_original_text,
    c.new_original_text, c.old_qualifier, c.new_qualifier, c.old_is_estimate, c.new_is_estimate,
    c.old_lower_bound_t, c.new_lower_bound_t, c.old_upper_bound_t, c.new_upper_bound_t, c.old_basis, c.new_basis,
    c.old_note, c.new_note,
    format('%s: %s row %s, column %s', old_file.file_name, coalesce(c.old_sheet, '-'), c.old_row_number,
           c.old_column_name),
    format('%s: %s row %s, column %s', new_file.file_name, coalesce(c.new_sheet, '-'), c.new_row_number,
           c.new_column_name),
    c.changed
from compared as c
join etl.source_file as old_file on old_file.source_file_id = c.old_source_file_id
join etl.source_file as new_file on new_file.source_file_id = c.new_source_file_id
where cardinality(c.changed) > 0;

insert into warehouse.production_fact (
    source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, quantity_t,
    original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate, basis,
    detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id
)
select
    source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, quantity_t,
    original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate, basis,
    detail, note, source_file_id, sheet, row_number, column_name, load_id, job_execution_id
from staging.production_row
where load_id = :load_id;

delete from staging.production_row where load_id = :load_id;
