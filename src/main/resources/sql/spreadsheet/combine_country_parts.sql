-- Sum the parts of a country that a workbook prints on several rows or sheets (World Mining Data: "Russia, Asia"
-- and "Russia, Europe") into one staged row per key of load :load_id, before the merge.
-- Grain after: source x edition x commodity x stage x measure x country x year, like every other row.
-- Parts are staged with detail 'country part: <label>' (mapping key country-parts). The summed row keeps
-- the lineage of its first part (sheet, row, column; by sheet name, then row) and names every part and row in
-- detail, with its sheet when the parts are on different sheets; its quantity is empty when a part's is (a
-- qualifier marker), never a partial sum.

with parts as (
    delete from staging.production_row as s
    where s.load_id = :load_id
      and s.detail like 'country part: %'
    returning s.*
),

summed as (
    select
        p.load_id,
        p.source,
        p.edition,
        p.commodity,
        p.stage,
        p.measure,
        p.entity_kind,
        p.country_iso3,
        p.year,
        case when count(*) = count(p.quantity_t) then sum(p.quantity_t) end as quantity_t,
        case when count(*) = count(p.original_value) and count(distinct p.original_unit) = 1
             then sum(p.original_value) end as original_value,
        string_agg(p.entity_label || ': ' || p.original_text, ' + ' order by p.sheet, p.row_number) as original_text,
        min(p.original_unit) as original_unit,
        string_agg(distinct p.qualifier, ' ') as qualifier,
        bool_or(p.is_estimate) as is_estimate,
        min(p.basis) as basis,
        'sum of ' || case
            when count(distinct p.sheet) > 1
            then string_agg(p.entity_label || ' (sheet ' || p.sheet || ' row ' || p.row_number || ')', ' and '
                            order by p.sheet, p.row_number)
            else string_agg(p.entity_label || ' (row ' || p.row_number || ')', ' and ' order by p.row_number)
        end as detail,
        string_agg(distinct p.note, '; ') as note,
        min(p.source_file_id) as source_file_id,
        (array_agg(p.sheet order by p.sheet, p.row_number))[1] as sheet,
        (array_agg(p.row_number order by p.sheet, p.row_number))[1] as row_number,
        (array_agg(p.column_name order by p.sheet, p.row_number))[1] as column_name,
        max(p.job_execution_id) as job_execution_id
    from parts as p
    group by p.load_id, p.source, p.edition, p.commodity, p.stage, p.measure, p.entity_kind, p.country_iso3, p.year
)

insert into staging.production_row (
    load_id, source, edition, commodity, stage, measure, entity_kind, country_iso3, entity_label, year, quantity_t,
    original_value, original_text, original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate, basis,
    detail, note, source_file_id, sheet, row_number, column_name, job_execution_id
)
select
    s.load_id, s.source, s.edition, s.commodity, s.stage, s.measure, s.entity_kind, s.country_iso3, c.name, s.year,
    s.quantity_t, s.original_value, s.original_text, s.original_unit, s.qualifier, null, null, s.is_estimate,
    s.basis, s.detail, s.note, s.source_file_id, s.sheet, s.row_number, s.column_name, s.job_execution_id
from summed as s
join ref.country as c on c.iso3 = s.country_iso3;
