-- Seed rows that need the countries of V5: members of the country groups, the codes UN Comtrade uses
-- for non-country partners, names World Mining Data spells its own way, historical entities' ISO codes, the
-- USGS file maps and the HS map.

-- Country groups (declared in V4).
insert into ref.country_group_member (group_code, iso3) values ('china_mainland', 'CHN');

insert into ref.country_group_member (group_code, iso3)
select 'greater_china', iso3 from (values ('CHN'), ('HKG'), ('MAC')) as v (iso3);

insert into ref.country_group_member (group_code, iso3)
select 'eu27', iso3
from (values ('AUT'), ('BEL'), ('BGR'), ('HRV'), ('CYP'), ('CZE'), ('DNK'), ('EST'), ('FIN'), ('FRA'), ('DEU'),
             ('GRC'), ('HUN'), ('IRL'), ('ITA'), ('LVA'), ('LTU'), ('LUX'), ('MLT'), ('NLD'), ('POL'), ('PRT'),
             ('ROU'), ('SVK'), ('SVN'), ('ESP'), ('SWE')) as v (iso3);

-- Minerals Security Partnership members (2024): Australia, Canada, Estonia, Finland, France, Germany,
-- India, Italy, Japan, Norway, Republic of Korea, Sweden, United Kingdom, United States (+ the EU).
insert into ref.country_group_member (group_code, iso3)
select 'allied_bloc', iso3
from (values ('AUS'), ('CAN'), ('EST'), ('FIN'), ('FRA'), ('DEU'), ('IND'), ('ITA'), ('JPN'), ('NOR'), ('KOR'),
             ('SWE'), ('GBR'), ('USA')) as v (iso3);

-- Comtrade codes that differ from ISO/M49 or name no country: resolved before the m49 aliases.
insert into ref.area (area_code, name, kind) values
    ('M49_97',  'EU (European Union as a partner)', 'aggregate'),
    ('M49_129', 'Caribbean, nes', 'nes'),
    ('M49_221', 'Eastern Europe, nes', 'nes'),
    ('M49_290', 'Northern Africa, nes', 'nes'),
    ('M49_471', 'CACM, nes', 'nes'),
    ('M49_472', 'Africa CAMEU region, nes', 'nes'),
    ('M49_473', 'LAIA, nes', 'nes'),
    ('M49_492', 'Europe EU, nes', 'nes'),
    ('M49_527', 'Oceania, nes', 'nes'),
    ('M49_536', 'Neutral Zone', 'nes'),
    ('M49_568', 'Other Europe, nes', 'nes'),
    ('M49_577', 'Other Africa, nes', 'nes'),
    ('M49_636', 'Rest of America, nes', 'nes'),
    ('M49_637', 'North America and Central America, nes', 'nes'),
    ('M49_837', 'Bunkers', 'special'),
    ('M49_838', 'Free Zones', 'special'),
    ('M49_839', 'Special Categories', 'special'),
    ('M49_879', 'Western Asia, nes', 'nes'),
    ('M49_899', 'Areas, nes', 'nes')
on conflict (area_code) do nothing;

insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source)
select 'comtrade', v.code, v.code, v.iso3, v.area_code, 'comtrade'
from (values
    ('0', null, 'WLD'),
    ('97', null, 'M49_97'),
    ('129', null, 'M49_129'),
    ('221', null, 'M49_221'),
    ('290', null, 'M49_290'),
    ('471', null, 'M49_471'),
    ('472', null, 'M49_472'),
    ('473', null, 'M49_473'),
    ('492', null, 'M49_492'),   -- Comtrade 492 is "Europe EU, nes", not Monaco (reported with France, 251)
    ('527', null, 'M49_527'),
    ('536', null, 'M49_536'),
    ('568', null, 'M49_568'),
    ('577', null, 'M49_577'),
    ('636', null, 'M49_636'),
    ('637', null, 'M49_637'),
    ('697', null, 'M49_697'),
    ('837', null, 'M49_837'),
    ('838', null, 'M49_838'),
    ('839', null, 'M49_839'),
    ('849', null, 'M49_849'),
    ('879', null, 'M49_879'),
    ('899', null, 'M49_899'),
    ('490', 'TWN', null),       -- "Other Asia, nes" is Taiwan
    ('842', 'USA', null),
    ('841', 'USA', null),       -- "USA (before 1981)"
    ('251', 'FRA', null),       -- France incl. Monaco
    ('381', 'ITA', null),       -- Italy incl. San Marino (before 2000)
    ('699', 'IND', null),
    ('757', 'CHE', null),       -- Switzerland incl. Liechtenstein
    ('579', 'NOR', null),       -- Norway incl. Svalbard
    ('711', 'ZAF', null)        -- Southern African Customs Union (before 2000) reported by South Africa
) as v (code, iso3, area_code)
on conflict (alias_kind, alias_key) do nothing;

-- Country names World Mining Data spells its own way (found by loading the 2017 edition: every other
-- WMD name already resolves). Curated: checked by hand against the rows they stand for. alias_key is the
-- alias normalised as org.mineralsetl.support.Names.key does (lowercase, punctuation to single spaces).

insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source) values
    ('name', 'congo d r', 'Congo, D.R.', 'COD', null, 'curated'),   -- Democratic Republic of the Congo
    ('name', 'congo rep', 'Congo, Rep.', 'COG', null, 'curated')    -- Republic of the Congo
on conflict (alias_kind, alias_key) do nothing;

-- Historical entities (Netherlands Antilles, Former USSR, ...) are seeded as countries by V5 without
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

-- USGS Mineral Commodity Summaries: slugs, Type rules and column overrides (tables in V4).
insert into ref.usgs_commodity (slug, commodity_code, default_stage, default_basis) values
    ('alumi', 'aluminum', 'refinery', 'primary aluminum metal'),
    ('antim', 'antimony', 'mine', 'contained antimony'),
    ('arsen', 'arsenic', 'refinery', 'arsenic trioxide'),
    ('barit', 'barite', 'mine', 'gross weight'),
    ('bauxi', 'bauxite', 'mine', 'gross weight'),
    ('beryl', 'beryllium', 'mine', 'beryllium content'),
    ('bismu', 'bismuth', 'refinery', 'refined metal'),
    ('cesiu', 'cesium', 'mine', 'gross weight'),
    ('chrom', 'chromium', 'mine', 'chromite, gross weight'),
    ('cobal', 'cobalt', 'mine', 'contained cobalt'),
    ('coppe', 'copper', 'mine', 'copper content'),
    ('fluor', 'fluorspar', 'mine', 'gross weight'),
    ('galli', 'gallium', 'refinery', 'primary low-purity gallium metal'),
    ('germa', 'germanium', 'refinery', 'germanium metal, primary and secondary refinery output'),
    ('graph', 'graphite', 'mine', 'natural graphite, gross weight'),
    ('hafni', 'hafnium', 'refinery', 'hafnium metal'),
    ('indiu', 'indium', 'refinery', 'refined indium'),
    ('lithi', 'lithium', 'mine', 'lithium content'),
    ('manga', 'manganese', 'mine', 'manganese content'),
    ('mgmet', 'magnesium', 'refinery', 'primary magnesium metal'),
    ('molyb', 'molybdenum', 'mine', 'molybdenum content'),
    ('nicke', 'nickel', 'mine', 'contained nickel'),
    ('niobi', 'niobium', 'mine', 'niobium content'),
    ('plati', 'platinum_group_metals', 'mine', 'metal content'),
    ('raree', 'rare_earths', 'mine', 'rare-earth-oxide equivalent'),
    ('rheni', 'rhenium', 'mine', 'rhenium content'),
    ('scand', 'scandium', 'refinery', 'scandium oxide'),
    ('silic', 'silicon', 'refinery', 'silicon content of ferrosilicon and silicon metal'),
    ('tanta', 'tantalum', 'mine', 'tantalum content'),
    ('tellu', 'tellurium', 'refinery', 'refinery production'),
    ('timin', 'titanium_mineral_concentrates', 'mine', 'titanium dioxide (TiO2) content'),
    ('tin', 'tin', 'mine', 'tin content'),
    ('titan', 'titanium', 'refinery', 'titanium sponge metal'),
    ('tungs', 'tungsten', 'mine', 'tungsten content'),
    ('vanad', 'vanadium', 'mine', 'vanadium content'),
    ('zinc', 'zinc', 'mine', 'zinc content'),
    ('zirco', 'zirconium', 'mine', 'zirconium mineral concentrates, gross weight');

insert into ref.usgs_type_rule (slug, priority, type_pattern, column_detail_pattern, commodity_code, stage_code, basis) values
    ('plati', 10, 'palladium', '.*', 'palladium', 'mine', 'palladium metal content'),
    ('plati', 20, 'platinum', '.*', 'platinum', 'mine', 'platinum metal content'),
    ('timin', 10, 'and rutile', '.*', 'titanium_mineral_concentrates', 'mine', 'ilmenite and rutile, titanium dioxide (TiO2) content'),
    ('timin', 20, 'rutile', '.*', 'rutile', 'mine', 'rutile, titanium dioxide (TiO2) content'),
    ('timin', 30, 'ilmenite', '.*', 'ilmenite', 'mine', 'ilmenite, titanium dioxide (TiO2) content'),
    ('titan', 10, '.*', 'pigment', 'titanium', 'product', 'titanium dioxide (TiO2) pigment'),
    ('titan', 20, '.*', '.*', 'titanium', 'refinery', 'titanium sponge metal');

insert into ref.usgs_column_override (slug, column_name, unit, reason) values
    ('galli', 'Exports_g', 'kg', 'MCS 2024 gallium salient table reports exports, consumption and stocks in kilograms; the CSV header says _g.'),
    ('galli', 'Consump_g', 'kg', 'MCS 2024 gallium salient table reports consumption in kilograms (19,000 kg in 2023); the CSV header says _g.'),
    ('galli', 'Stocks_g', 'kg', 'MCS 2024 gallium salient table reports stocks in kilograms; the CSV header says _g.'),
    ('tungs', 'Stocks_', 't', 'Tungsten salient quantities are metric tons of tungsten content; the CSV header lacks the unit.'),
    ('tungs', 'NIR_ct', 'pct', 'Net import reliance is a percent; the CSV header says _ct (missing p).'),
    ('raree', 'NIR_Compounds-Metals_t', 'pct', 'Net import reliance is a percent; the CSV header says _t.'),
    ('raree', 'NIR_Concentrate_t', 'pct', 'Net import reliance is a percent; the CSV header says _t.'),
    ('raree', 'Employment_m', 'count', 'Employment is a head count (mine and mill workers); the CSV header says _m.'),
    ('plati', 'Employment_um', 'count', 'Employment is a head count; the CSV header says _um.'),
    ('titan', 'Employment_Sponge_t', 'count', 'Employment is a head count; the CSV header says _t.'),
    ('titan', 'Employment_Dioxide_t', 'count', 'Employment is a head count; the CSV header says _t.');

-- The HS map, first version (tables in V4).
insert into ref.hs_map_version (hs_map_version, description, published_on) values
    ('cm2024.1', 'Critical minerals HS map, first version: HS 2012-2022 codes for rare earths, lithium, cobalt, graphite, gallium/germanium baskets, nickel, manganese, tungsten, copper and other critical minerals.', date '2024-06-01');

insert into ref.hs_map (hs_map_version, hs_code, commodity, stage, is_proxy, note) values
    ('cm2024.1', '280530', 'rare_earths', 'refinery', false, 'Rare-earth metals, scandium and yttrium'),
    ('cm2024.1', '2846',   'rare_earths', 'refinery', false, 'Compounds of rare-earth metals (heading)'),
    ('cm2024.1', '284610', 'rare_earths', 'refinery', false, 'Cerium compounds'),
    ('cm2024.1', '284690', 'rare_earths', 'refinery', false, 'Other rare-earth compounds'),
    ('cm2024.1', '850511', 'rare_earths', 'product',  false, 'Permanent magnets of metal (mostly NdFeB)'),
    ('cm2024.1', '253090', 'lithium',     'mine',     true,  'Other mineral substances n.e.s.: carries spodumene and other lithium ores; proxy'),
    ('cm2024.1', '282520', 'lithium',     'refinery', false, 'Lithium oxide and hydroxide'),
    ('cm2024.1', '283691', 'lithium',     'refinery', false, 'Lithium carbonates'),
    ('cm2024.1', '850760', 'lithium',     'product',  false, 'Lithium-ion accumulators'),
    ('cm2024.1', '2605',   'cobalt',      'mine',     false, 'Cobalt ores and concentrates'),
    ('cm2024.1', '260500', 'cobalt',      'mine',     false, 'Cobalt ores and concentrates'),
    ('cm2024.1', '2822',   'cobalt',      'refinery', false, 'Cobalt oxides and hydroxides'),
    ('cm2024.1', '282200', 'cobalt',      'refinery', false, 'Cobalt oxides and hydroxides'),
    ('cm2024.1', '8105',   'cobalt',      'refinery', false, 'Cobalt mattes, unwrought cobalt and articles (heading)'),
    ('cm2024.1', '810520', 'cobalt',      'refinery', false, 'Cobalt mattes, unwrought cobalt, powders'),
    ('cm2024.1', '810590', 'cobalt',      'product',  false, 'Articles of cobalt'),
    ('cm2024.1', '2504',   'graphite',    'mine',     false, 'Natural graphite (heading)'),
    ('cm2024.1', '250410', 'graphite',    'mine',     false, 'Natural graphite in powder or flakes'),
    ('cm2024.1', '250490', 'graphite',    'mine',     false, 'Natural graphite, other'),
    ('cm2024.1', '3801',   'graphite',    'refinery', false, 'Artificial graphite and preparations (heading)'),
    ('cm2024.1', '380110', 'graphite',    'refinery', false, 'Artificial graphite'),
    ('cm2024.1', '811292', 'gallium',     'refinery', true,  'Basket: unwrought gallium, germanium, indium, niobium (and hafnium, rhenium before HS 2022), waste, powders; stands in for gallium and germanium'),
    ('cm2024.1', '811299', 'germanium',   'product',  true,  'Basket: articles of gallium, germanium, indium, niobium and other 8112 metals; stands in for germanium and gallium'),
    ('cm2024.1', '2604',   'nickel',      'mine',     false, 'Nickel ores and concentrates'),
    ('cm2024.1', '260400', 'nickel',      'mine',     false, 'Nickel ores and concentrates'),
    ('cm2024.1', '7501',   'nickel',      'refinery', false, 'Nickel mattes, oxide sinters and intermediates'),
    ('cm2024.1', '750110', 'nickel',      'refinery', false, 'Nickel mattes'),
    ('cm2024.1', '750120', 'nickel',      'refinery', false, 'Nickel oxide sinters and other intermediates'),
    ('cm2024.1', '7502',   'nickel',      'refinery', false, 'Unwrought nickel'),
    ('cm2024.1', '750210', 'nickel',      'refinery', false, 'Nickel, not alloyed, unwrought'),
    ('cm2024.1', '750220', 'nickel',      'refinery', false, 'Nickel alloys, unwrought'),
    ('cm2024.1', '2602',   'manganese',   'mine',     false, 'Manganese ores and concentrates'),
    ('cm2024.1', '260200', 'manganese',   'mine',     false, 'Manganese ores and concentrates'),
    ('cm2024.1', '720211', 'manganese',   'refinery', false, 'Ferro-manganese, > 2% carbon'),
    ('cm2024.1', '720219', 'manganese',   'refinery', false, 'Ferro-manganese, other'),
    ('cm2024.1', '811100', 'manganese',   'refinery', false, 'Manganese and articles, incl. unwrought'),
    ('cm2024.1', '2611',   'tungsten',    'mine',     false, 'Tungsten ores and concentrates'),
    ('cm2024.1', '261100', 'tungsten',    'mine',     false, 'Tungsten ores and concentrates'),
    ('cm2024.1', '8101',   'tungsten',    'refinery', false, 'Tungsten and articles (heading)'),
    ('cm2024.1', '810110', 'tungsten',    'refinery', false, 'Tungsten powders'),
    ('cm2024.1', '810194', 'tungsten',    'refinery', false, 'Unwrought tungsten'),
    ('cm2024.1', '810199', 'tungsten',    'product',  false, 'Articles of tungsten'),
    ('cm2024.1', '2603',   'copper',      'mine',     false, 'Copper ores and concentrates'),
    ('cm2024.1', '260300', 'copper',      'mine',     false, 'Copper ores and concentrates'),
    ('cm2024.1', '7402',   'copper',      'refinery', false, 'Unrefined copper, anodes'),
    ('cm2024.1', '740200', 'copper',      'refinery', false, 'Unrefined copper, anodes'),
    ('cm2024.1', '7403',   'copper',      'refinery', false, 'Refined copper and alloys, unwrought (heading)'),
    ('cm2024.1', '740311', 'copper',      'refinery', false, 'Refined copper cathodes'),
    ('cm2024.1', '2610',   'chromium',    'mine',     false, 'Chromium ores and concentrates'),
    ('cm2024.1', '261000', 'chromium',    'mine',     false, 'Chromium ores and concentrates'),
    ('cm2024.1', '261510', 'zirconium',   'mine',     false, 'Zirconium ores and concentrates'),
    ('cm2024.1', '261590', 'niobium',     'mine',     true,  'Niobium, tantalum and vanadium ores and concentrates; proxy for niobium and tantalum'),
    ('cm2024.1', '8103',   'tantalum',    'refinery', false, 'Tantalum and articles (heading)'),
    ('cm2024.1', '261710', 'antimony',    'mine',     false, 'Antimony ores and concentrates'),
    ('cm2024.1', '8110',   'antimony',    'refinery', false, 'Antimony and articles (heading)'),
    ('cm2024.1', '2614',   'titanium_mineral_concentrates', 'mine', false, 'Titanium ores and concentrates (ilmenite, rutile)'),
    ('cm2024.1', '261400', 'titanium_mineral_concentrates', 'mine', false, 'Titanium ores and concentrates (ilmenite, rutile)'),
    ('cm2024.1', '8108',   'titanium',    'refinery', false, 'Titanium and articles (heading)'),
    ('cm2024.1', '2609',   'tin',         'mine',     false, 'Tin ores and concentrates'),
    ('cm2024.1', '8001',   'tin',         'refinery', false, 'Unwrought tin'),
    ('cm2024.1', '2606',   'bauxite',     'mine',     false, 'Aluminium ores and concentrates'),
    ('cm2024.1', '7601',   'aluminum',    'refinery', false, 'Unwrought aluminium'),
    ('cm2024.1', '2613',   'molybdenum',  'mine',     false, 'Molybdenum ores and concentrates'),
    ('cm2024.1', '8102',   'molybdenum',  'refinery', false, 'Molybdenum and articles (heading)'),
    ('cm2024.1', '711011', 'platinum',    'refinery', false, 'Platinum, unwrought or in powder form'),
    ('cm2024.1', '711021', 'palladium',   'refinery', false, 'Palladium, unwrought or in powder form'),
    ('cm2024.1', '711031', 'rhodium',     'refinery', false, 'Rhodium, unwrought or in powder form'),
    ('cm2024.1', '252921', 'fluorspar',   'mine',     false, 'Fluorspar, <= 97% calcium fluoride'),
    ('cm2024.1', '252922', 'fluorspar',   'mine',     false, 'Fluorspar, > 97% calcium fluoride'),
    ('cm2024.1', '280461', 'silicon',     'refinery', false, 'Silicon, >= 99.99% Si'),
    ('cm2024.1', '280469', 'silicon',     'refinery', false, 'Silicon, other'),
    ('cm2024.1', '282530', 'vanadium',    'refinery', false, 'Vanadium oxides and hydroxides'),
    ('cm2024.1', '720292', 'vanadium',    'refinery', false, 'Ferro-vanadium'),
    ('cm2024.1', '8104',   'magnesium',   'refinery', false, 'Magnesium and articles (heading)'),
    ('cm2024.1', '811212', 'beryllium',   'refinery', false, 'Beryllium, unwrought, powders');
