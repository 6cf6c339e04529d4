-- Merge one load (:load_id) of staging.production_row into warehouse.production_fact, in one transaction, after its
-- checks (sql/production/check.sql). Grain: source x edition x commodity x stage x measure x reporting unit
-- (entity_key) x year.
-- 1. a re-delivery of the same source and edition replaces the earlier facts of the keys it carries (a later edition
--    is a new key: both are kept, the views serve the latest); the first load of a slice skips the search; the facts
--    replaced are counted per load in etl.superseded;
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
    returning f.load_id
)

insert into etl.superseded (load_id, by_load_id, facts)
select load_id, :load_id, count(*)
from replaced
where load_id <> :load_id
group by load_id
on conflict (load_id, by_load_id) do update set facts = etl.superseded.facts + excluded.facts;

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
