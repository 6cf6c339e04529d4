-- Historical entities (Netherlands Antilles, Former USSR, ...) were seeded as countries by V4 without
-- their ISO alpha codes as aliases; WGI still carries ANT, BACI and Comtrade their numeric codes.
insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source)
select 'iso3', iso3, iso3, iso3, null, 'historical'
from ref.country
where is_historical
on conflict (alias_kind, alias_key) do nothing;

insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source)
select 'iso2', iso2, iso2, iso3, null, 'historical'
from ref.country
where is_historical and iso2 is not null
on conflict (alias_kind, alias_key) do nothing;
