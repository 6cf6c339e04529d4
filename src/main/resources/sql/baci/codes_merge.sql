-- Merge one load (:load_id) of a BACI code table (staging.baci_code_row) into ref.baci_country or
-- ref.hs_product; country codes the crosswalk lacks become baci and m49 aliases (N/A ISO3 = a "nes" area).

insert into ref.baci_country (baci_version, country_code, name_abbreviation, name_full, iso2, iso3, load_id)
select baci_version, code::integer, name, name_full, iso2, iso3, load_id
from staging.baci_code_row
where load_id = :load_id
  and code_table = 'country'
on conflict (baci_version, country_code) do update set
    name_abbreviation = excluded.name_abbreviation,
    name_full = excluded.name_full,
    iso2 = excluded.iso2,
    iso3 = excluded.iso3,
    load_id = excluded.load_id;

insert into ref.hs_product (hs_revision, baci_version, hs_code, description, load_id)
select hs_revision, baci_version, lpad(code, 6, '0'), name, load_id
from staging.baci_code_row
where load_id = :load_id
  and code_table = 'product'
on conflict (hs_revision, baci_version, hs_code) do update set
    description = excluded.description,
    load_id = excluded.load_id;

insert into ref.area (area_code, name, kind)
select 'M49_' || (code::integer), coalesce(name_full, name), 'nes'
from staging.baci_code_row
where load_id = :load_id
  and code_table = 'country'
  and coalesce(iso3, 'N/A') in ('N/A', '')
on conflict (area_code) do nothing;

with countries as (
    select
        (s.code::integer)::text as alias_key,
        s.name as alias,
        c.iso3,
        case when coalesce(s.iso3, 'N/A') in ('N/A', '') then 'M49_' || (s.code::integer) end as area_code
    from staging.baci_code_row as s
    left join ref.country as c on c.iso3 = s.iso3
    where s.load_id = :load_id
      and s.code_table = 'country'
),

kinds as (
    select 'baci' as alias_kind
    union all
    select 'm49'
)

insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source)
select kinds.alias_kind, countries.alias_key, countries.alias, countries.iso3, countries.area_code, 'baci'
from countries
cross join kinds
where (countries.iso3 is null) <> (countries.area_code is null)
on conflict (alias_kind, alias_key) do nothing;

delete from staging.baci_code_row where load_id = :load_id;
