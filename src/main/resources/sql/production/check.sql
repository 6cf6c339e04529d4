-- Checks of one load (:load_id) of staging.production_row before its merge (sql/production/merge.sql), in their own
-- transaction so that the rejects they record stay when the load then fails on its reject threshold. Each check moves
-- the rows it rejects from staging to etl.reject, so running it again finds nothing more:
-- 1. a row whose commodity, stage or country the reference tables do not know is a reject saying which;
-- 2. a negative value of a measure that may not be negative (ref.measure) is a reject saying so;
-- 3. a key given twice in the load keeps its first row (by row and column); the others are rejects naming it.

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

with negative as (
    delete from staging.production_row as s
    where s.load_id = :load_id
      and (s.original_value < 0 or s.quantity_t < 0 or s.lower_bound_t < 0 or s.upper_bound_t < 0)
      and not coalesce((select m.may_be_negative from ref.measure as m
                        where m.fact_table = 'production_fact' and m.measure = s.measure), false)
    returning s.*
)

insert into etl.reject (load_id, source_file_id, file_name, sheet, row_number, column_name, raw_text, reason)
select
    n.load_id,
    n.source_file_id,
    f.file_name,
    n.sheet,
    n.row_number,
    n.column_name,
    n.original_text,
    format('negative value %s: %s of %s cannot be negative (ref.measure)',
           coalesce(n.original_text, n.original_value::text), n.measure, n.commodity)
from negative as n
join etl.source_file as f on f.source_file_id = n.source_file_id;

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

