-- Merge one load (:load_id) of staging.production_row into warehouse.production_fact, in one transaction.
-- Grain: source x edition x commodity x stage x measure x reporting unit (entity_key) x year.
-- 1. a row whose commodity, stage or country the reference tables do not know is a reject saying which;
-- 2. a key given twice in the load keeps its first row (by row and column); the others are rejects naming it;
-- 3. a re-delivery of the same source and edition replaces the earlier facts of the keys it carries (a later edition
--    is a new key: both are kept, the views serve the latest); the first load of a slice skips the search;
-- 4. the load's rows become facts and leave staging.

set local work_mem = '256MB';

-- the load's rows were just written: the plans below need their statistics
analyze staging.production_row;

with unknown as (
    delete from staging.production_row as s
    where s.load_id = :load_id
      and (not exists (select 1 from ref.commodity as c where c.commodity_code = s.commodity)
           or not exists (select 1 from ref.stage as t where t.stage_code = s.stage)
           or (s.country_iso3 is not null and not exists (select 1 from ref.country as c where c.iso3 = s.country_iso3)))
    returning s.*
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select
    u.load_id,
    u.source_file_id,
    f.file_name,
    u.sheet,
    u.row_number,
    u.column_name,
    u.original_text,
    format('commodity %s, stage %s or country %s is not in the reference tables (ref.commodity, ref.stage, ref.country)',
           u.commodity, u.stage, coalesce(u.country_iso3, '-'))
from unknown as u
join etl.source_file as f on f.source_file_id = u.source_file_id;

with repeated_keys as (
    select
        source, edition, commodity, stage, measure,
        coalesce(country_iso3::text, entity_kind || ':' || entity_label) as entity_key,
        year
    from staging.production_row
    where load_id = :load_id
    group by 1, 2, 3, 4, 5, 6, 7
    having count(*) > 1
),

ranked as (
    select
        s.ctid as row_id,
        s.*,
        k.entity_key,
        row_number() over keys as key_rank,
        first_value(s.row_number) over keys as first_row_number
    from staging.production_row as s
    join repeated_keys as k
      on k.source = s.source
     and k.edition = s.edition
     and k.commodity = s.commodity
     and k.stage = s.stage
     and k.measure = s.measure
     and k.entity_key = coalesce(s.country_iso3::text, s.entity_kind || ':' || s.entity_label)
     and k.year = s.year
    where s.load_id = :load_id
    window keys as (partition by s.source, s.edition, s.commodity, s.stage, s.measure, k.entity_key, s.year
                    order by s.row_number, s.column_name)
),

repeats as (
    delete from staging.production_row as p
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
    r.sheet,
    r.row_number,
    r.column_name,
    r.original_text,
    format('duplicate of row %s: %s %s %s %s %s %s already given', r.first_row_number, r.commodity, r.stage,
           r.measure, r.entity_key, r.year, r.edition)
from repeats as r
join etl.source_file as f on f.source_file_id = r.source_file_id;

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
)

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
  and f.year = s.year;

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
