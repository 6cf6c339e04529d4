-- Country names World Mining Data spells its own way (found by loading the 2017 edition: every other
-- WMD name already resolves). Curated: checked by hand against the rows they stand for. alias_key is the
-- alias normalised as org.mineralsetl.support.Names.key does (lowercase, punctuation to single spaces).

insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source) values
    ('name', 'congo d r', 'Congo, D.R.', 'COD', null, 'curated'),   -- Democratic Republic of the Congo
    ('name', 'congo rep', 'Congo, Rep.', 'COG', null, 'curated')    -- Republic of the Congo
on conflict (alias_kind, alias_key) do nothing;
