-- The whole USGS Mineral Commodity Summaries data release: every commodity of its ~90 chapters, the US critical-
-- minerals list of 2022, the unit codes and measure words of its column names, and the columns whose published
-- names are wrong, each with its evidence. Evidence is the release's FGDC metadata (meta/mcs2024-<slug>_meta.xml:
-- each column's attrlabl, attrdef and attrunit) or the release's own text (the Type column, the data values).

-- 1. Commodities of the release beyond the earlier vocabulary (snake_case English names).
insert into ref.commodity (commodity_code, name, parent_code) values
    ('abrasives', 'Abrasives (manufactured)', null),
    ('fused_aluminum_oxide', 'Fused aluminum oxide (abrasive)', 'abrasives'),
    ('silicon_carbide', 'Silicon carbide (abrasive)', 'abrasives'),
    ('alumina', 'Alumina', null),
    ('bromine', 'Bromine', null),
    ('cement', 'Cement', null),
    ('cement_clinker', 'Cement clinker', 'cement'),
    ('clays', 'Clays', null),
    ('fullers_earth', 'Fuller''s earth', 'clays'),
    ('iron_ore_iron_content', 'Iron ore, iron content', 'iron_ore'),
    ('iron_and_steel', 'Iron and steel', null),
    ('pig_iron', 'Pig iron', 'iron_and_steel'),
    ('raw_steel', 'Raw steel', 'iron_and_steel'),
    ('iron_steel_scrap', 'Iron and steel scrap', null),
    ('iron_steel_slag', 'Iron and steel slag', null),
    ('iron_oxide_pigments', 'Iron oxide pigments', null),
    ('garnet', 'Garnet (industrial)', null),
    ('gemstones', 'Gemstones', null),
    ('helium', 'Helium', null),
    ('iodine', 'Iodine', null),
    ('kyanite', 'Kyanite and related minerals', null),
    ('lime', 'Lime', null),
    ('magnesium_compounds', 'Magnesium compounds', null),
    ('mica', 'Mica (natural)', null),
    ('mica_scrap_flake', 'Mica (natural), scrap and flake', 'mica'),
    ('mica_sheet', 'Mica (natural), sheet', 'mica'),
    ('nitrogen', 'Nitrogen (fixed), ammonia', null),
    ('peat', 'Peat', null),
    ('pumice', 'Pumice and pumicite', null),
    ('quartz_crystal', 'Quartz crystal (industrial)', null),
    ('sand_gravel_construction', 'Sand and gravel (construction)', null),
    ('sand_gravel_industrial', 'Sand and gravel (industrial)', null),
    ('ferrosilicon', 'Ferrosilicon (silicon content)', 'silicon'),
    ('soda_ash', 'Soda ash', null),
    ('dimension_stone', 'Stone (dimension)', null),
    ('crushed_stone', 'Stone (crushed)', null),
    ('strontium', 'Strontium', null),
    ('thallium', 'Thallium', null),
    ('thorium', 'Thorium', null),
    ('wollastonite', 'Wollastonite', null),
    ('yttrium', 'Yttrium', null),
    ('zeolites', 'Zeolites (natural)', null),
    ('potash_ore', 'Potash ore (gross weight)', 'potash'),
    ('rubidium', 'Rubidium', null),
    ('iridium', 'Iridium', 'platinum_group_metals'),
    ('ruthenium', 'Ruthenium', 'platinum_group_metals'),
    ('cerium', 'Cerium', 'rare_earths'),
    ('dysprosium', 'Dysprosium', 'rare_earths'),
    ('erbium', 'Erbium', 'rare_earths'),
    ('europium', 'Europium', 'rare_earths'),
    ('gadolinium', 'Gadolinium', 'rare_earths'),
    ('holmium', 'Holmium', 'rare_earths'),
    ('lanthanum', 'Lanthanum', 'rare_earths'),
    ('lutetium', 'Lutetium', 'rare_earths'),
    ('neodymium', 'Neodymium', 'rare_earths'),
    ('praseodymium', 'Praseodymium', 'rare_earths'),
    ('samarium', 'Samarium', 'rare_earths'),
    ('terbium', 'Terbium', 'rare_earths'),
    ('thulium', 'Thulium', 'rare_earths'),
    ('ytterbium', 'Ytterbium', 'rare_earths')
on conflict (commodity_code) do nothing;

-- 2. Critical-minerals lists: the US list of 2022 (its 50 minerals as named in MCS2024_T4_Critical_Minerals_End_Use.csv),
--    room for others (EU 2023, ...) as rows of ref.critical_mineral_list; is_critical_us_2022 is the US list's flag.
create table ref.critical_mineral_list (
    list_code    text not null,
    name         text not null,
    published_on date not null,
    evidence     text not null,
    constraint pk_critical_mineral_list primary key (list_code)
);
comment on table ref.critical_mineral_list is 'Lists of critical minerals (the US list of 2022, ...): add a list and its members to compare them.';

create table ref.critical_mineral_list_member (
    list_code      text not null,
    commodity_code text not null,
    listed_as      text not null,
    constraint pk_critical_mineral_list_member primary key (list_code, commodity_code),
    constraint fk_critical_mineral_list_member_list_code foreign key (list_code) references ref.critical_mineral_list (list_code),
    constraint fk_critical_mineral_list_member_commodity_code foreign key (commodity_code) references ref.commodity (commodity_code)
);
comment on table ref.critical_mineral_list_member is 'The commodities of each critical-minerals list, with the name the list gives.';

alter table ref.commodity add column is_critical_us_2022 boolean not null default false;
comment on column ref.commodity.is_critical_us_2022 is 'On the 2022 final list of critical minerals of the US Geological Survey (87 FR 10381); members in ref.critical_mineral_list_member (list us_2022).';

insert into ref.critical_mineral_list (list_code, name, published_on, evidence) values
    ('us_2022', '2022 final list of critical minerals (U.S. Geological Survey)', date '2022-02-24',
     'USGS, 2022, 87 FR 10381; the 50 minerals as named in MCS2024_T4_Critical_Minerals_End_Use.csv of the MCS 2024 data release');

insert into ref.critical_mineral_list_member (list_code, commodity_code, listed_as)
select 'us_2022', v.commodity_code, v.listed_as
from (values
    ('aluminum', 'Aluminum'), ('antimony', 'Antimony'), ('arsenic', 'Arsenic'), ('barite', 'Barite'),
    ('beryllium', 'Beryllium'), ('bismuth', 'Bismuth'), ('cerium', 'Cerium'), ('cesium', 'Cesium'),
    ('chromium', 'Chromium'), ('cobalt', 'Cobalt'), ('dysprosium', 'Dysprosium'), ('erbium', 'Erbium'),
    ('europium', 'Europium'), ('fluorspar', 'Fluorspar'), ('gadolinium', 'Gadolinium'), ('gallium', 'Gallium'),
    ('germanium', 'Germanium'), ('graphite', 'Graphite'), ('hafnium', 'Hafnium'), ('holmium', 'Holmium'),
    ('indium', 'Indium'), ('iridium', 'Iridium'), ('lanthanum', 'Lanthanum'), ('lithium', 'Lithium'),
    ('lutetium', 'Lutetium'), ('magnesium', 'Magnesium'), ('manganese', 'Manganese'), ('neodymium', 'Neodymium'),
    ('nickel', 'Nickel'), ('niobium', 'Niobium'), ('palladium', 'Palladium'), ('platinum', 'Platinum'),
    ('praseodymium', 'Praseodymium'), ('rhodium', 'Rhodium'), ('rubidium', 'Rubidium'), ('ruthenium', 'Ruthenium'),
    ('samarium', 'Samarium'), ('scandium', 'Scandium'), ('tantalum', 'Tantalum'), ('tellurium', 'Tellurium'),
    ('terbium', 'Terbium'), ('thulium', 'Thulium'), ('tin', 'Tin'), ('titanium', 'Titanium'),
    ('tungsten', 'Tungsten'), ('vanadium', 'Vanadium'), ('ytterbium', 'Ytterbium'), ('yttrium', 'Yttrium'),
    ('zinc', 'Zinc'), ('zirconium', 'Zirconium')) as v (commodity_code, listed_as);

update ref.commodity as c
set is_critical_us_2022 = true
where exists (select 1 from ref.critical_mineral_list_member as m
              where m.list_code = 'us_2022' and m.commodity_code = c.commodity_code);

-- 3. Every slug of the release (file names mcs2024-<slug>_world.csv / _salient.csv) with its default commodity,
--    stage and basis (the Type column's words); rules below split files holding several products.
insert into ref.usgs_commodity (slug, commodity_code, default_stage, default_basis) values
    ('abras', 'abrasives', 'refinery', 'manufactured abrasives, gross weight'),
    ('alum', 'aluminum', 'refinery', 'primary aluminum metal'),
    ('asbes', 'asbestos', 'mine', 'gross weight'),
    ('boron', 'boron', 'mine', 'boron minerals and compounds, gross weight of the form the Type column names'),
    ('bromi', 'bromine', 'refinery', 'bromine content'),
    ('cadmi', 'cadmium', 'refinery', 'refined cadmium'),
    ('cemen', 'cement', 'refinery', 'cement, gross weight'),
    ('clays', 'clays', 'mine', 'gross weight'),
    ('diamo', 'diamond_industrial', 'mine', 'industrial diamond, carats as tonnes (0.2 g a carat)'),
    ('diato', 'diatomite', 'mine', 'gross weight'),
    ('felds', 'feldspar', 'mine', 'gross weight'),
    ('feore', 'iron_ore', 'mine', 'usable ore, gross weight'),
    ('fepig', 'iron_oxide_pigments', 'mine', 'natural iron oxide pigments, gross weight'),
    ('fescr', 'iron_steel_scrap', 'refinery', 'gross weight'),
    ('fesla', 'iron_steel_slag', 'refinery', 'gross weight'),
    ('feste', 'iron_and_steel', 'refinery', 'gross weight'),
    ('garne', 'garnet', 'mine', 'industrial garnet, gross weight'),
    ('gemst', 'gemstones', 'mine', 'value of production'),
    ('gold', 'gold', 'mine', 'gold content'),
    ('gypsu', 'gypsum', 'mine', 'crude gypsum, gross weight'),
    ('heliu', 'helium', 'mine', 'helium, volume'),
    ('iodin', 'iodine', 'mine', 'elemental iodine'),
    ('kyani', 'kyanite', 'mine', 'kyanite and related minerals, gross weight'),
    ('lead', 'lead', 'mine', 'lead content'),
    ('lime', 'lime', 'refinery', 'quicklime and hydrated lime'),
    ('mercu', 'mercury', 'mine', 'mercury content'),
    ('mgcomp', 'magnesium_compounds', 'mine', 'magnesium oxide (MgO) content'),
    ('mica', 'mica', 'mine', 'gross weight'),
    ('nitro', 'nitrogen', 'refinery', 'ammonia, contained nitrogen'),
    ('peat', 'peat', 'mine', 'gross weight'),
    ('perli', 'perlite', 'mine', 'gross weight'),
    ('phosp', 'phosphate_rock', 'mine', 'marketable phosphate rock ore'),
    ('potas', 'potash', 'mine', 'potassium oxide (K2O) equivalent'),
    ('pumic', 'pumice', 'mine', 'gross weight'),
    ('quartz', 'quartz_crystal', 'refinery', 'cultured quartz crystal and high-purity quartz'),
    ('salt', 'salt', 'mine', 'gross weight'),
    ('sandc', 'sand_gravel_construction', 'mine', 'gross weight'),
    ('sandi', 'sand_gravel_industrial', 'mine', 'gross weight'),
    ('selen', 'selenium', 'refinery', 'contained selenium'),
    ('silve', 'silver', 'mine', 'silver content'),
    ('simet', 'silicon', 'refinery', 'silicon content'),
    ('sodaa', 'soda_ash', 'mine', 'natural soda ash'),
    ('stond', 'dimension_stone', 'mine', 'gross weight'),
    ('stonec', 'crushed_stone', 'mine', 'gross weight'),
    ('stron', 'strontium', 'mine', 'contained strontium'),
    ('sulfu', 'sulfur', 'refinery', 'sulfur in all forms, contained sulfur'),
    ('talc', 'talc', 'mine', 'talc and pyrophyllite, gross weight'),
    ('thall', 'thallium', 'refinery', 'thallium metal'),
    ('thori', 'thorium', 'mine', 'thorium'),
    ('vermi', 'vermiculite', 'mine', 'gross weight'),
    ('wolla', 'wollastonite', 'mine', 'gross weight'),
    ('yttri', 'yttrium', 'mine', 'yttrium oxide (Y2O3) equivalent'),
    ('zeoli', 'zeolites', 'mine', 'gross weight')
on conflict (slug) do nothing;

-- 4. Type rules may also set the measure (cement's "Clinker capacity" rows sit in its Prod_ columns).
alter table ref.usgs_type_rule add column measure text;
alter table ref.usgs_type_rule add constraint ck_usgs_type_rule_measure
    check (measure is null or measure in ('production', 'reserves', 'capacity'));
comment on column ref.usgs_type_rule.measure is 'The measure of the matched rows when it is not the column''s (null: the column''s Prod_/Reserves_/Cap_).';

insert into ref.usgs_type_rule (slug, priority, type_pattern, column_detail_pattern, commodity_code, stage_code, basis, measure) values
    ('abras', 10, 'aluminum oxide', '.*', 'fused_aluminum_oxide', 'refinery', 'fused aluminum oxide, gross weight', null),
    ('abras', 20, 'silicon carbide', '.*', 'silicon_carbide', 'refinery', 'silicon carbide, gross weight', null),
    ('bauxi', 10, 'alumina', '.*', 'alumina', 'refinery', 'alumina, calcined equivalent weight', null),
    ('bauxi', 20, 'bauxite', '.*', 'bauxite', 'mine', 'bauxite, dry tons', null),
    ('cemen', 10, 'clinker capacity', '.*', 'cement_clinker', 'refinery', 'clinker capacity, estimated', 'capacity'),
    ('clays', 10, 'bentonite', '.*', 'bentonite', 'mine', 'bentonite, gross weight', null),
    ('clays', 20, 'fuller', '.*', 'fullers_earth', 'mine', 'fuller''s earth, gross weight', null),
    ('clays', 30, 'kaolin', '.*', 'kaolin', 'mine', 'kaolin, gross weight', null),
    ('coppe', 10, 'refinery', '.*', 'copper', 'refinery', 'refined copper', null),
    ('feore', 10, 'iron content', '.*', 'iron_ore_iron_content', 'mine', 'iron content of usable ore', null),
    ('feste', 10, 'pig iron', '.*', 'pig_iron', 'refinery', 'pig iron', null),
    ('feste', 20, 'raw steel', '.*', 'raw_steel', 'refinery', 'raw steel', null),
    ('gemst', 10, 'gem-quality diamond', '.*', 'diamond_gem', 'mine', 'gem-quality diamond, carats as tonnes (0.2 g a carat)', null),
    ('mgcomp', 10, 'magnesite', '.*', 'magnesite', 'mine', 'magnesite, contained magnesium oxide (MgO)', null),
    ('mica', 10, 'scrap and flake', '.*', 'mica_scrap_flake', 'mine', 'mica scrap and flake, gross weight', null),
    ('mica', 20, 'sheet', '.*', 'mica_sheet', 'mine', 'mica sheet, gross weight', null),
    ('potas', 10, '.*', 'k2o', 'potash', 'mine', 'potassium oxide (K2O) equivalent', null),
    ('potas', 20, '.*', '^ore$', 'potash_ore', 'mine', 'potash ore, gross weight', null),
    ('simet', 10, 'ferrosilicon', '.*', 'ferrosilicon', 'refinery', 'silicon content of ferrosilicon', null),
    ('simet', 20, 'silicon metal', '.*', 'silicon', 'refinery', 'silicon metal', null),
    ('sodaa', 10, 'total natural and synthetic', '.*', 'soda_ash', 'mine', 'natural and synthetic soda ash', null),
    ('sodaa', 20, 'synthetic', '.*', 'soda_ash', 'refinery', 'synthetic soda ash', null);

-- 5. Unit codes of column names, with the unit values are stored in and the factor to it. World tables keep
--    masses in tonnes (carats as tonnes, as World Mining Data does); a volume has no tonnes and stays as published.
create table ref.usgs_unit (
    code        text    not null,
    unit        text    not null,
    factor      numeric not null,
    kind        text    not null,
    description text    not null,
    evidence    text    not null,
    constraint pk_usgs_unit primary key (code),
    constraint ck_usgs_unit_kind check (kind in ('mass', 'volume', 'percent', 'count', 'money', 'price', 'index', 'none')),
    constraint ck_usgs_unit_code check (code = lower(code))
);
comment on table ref.usgs_unit is 'Unit codes at the end of USGS MCS column names (Prod_kt_2022, Price_ctslb, ...): value in unit = published value x factor. Matched case-insensitively; a code may be glued to the last word (USprod_Minet).';

insert into ref.usgs_unit (code, unit, factor, kind, description, evidence) values
    ('t', 't', 1, 'mass', 'metric tons', 'attrunit "metric tons" in the release''s metadata'),
    ('kt', 't', 1000, 'mass', 'thousand metric tons', 'attrunit "thousand metric tons"'),
    ('kg', 't', 0.001, 'mass', 'kilograms', 'attrunit "kilograms"'),
    ('g', 't', 0.000001, 'mass', 'grams', 'SI prefix; gallium''s _g columns are corrected to kg by ref.usgs_column_override'),
    ('mt', 't', 1000000, 'mass', 'million metric tons', 'mcs2024-feore_meta.xml: Reserves_Mt, attrunit "million metric tons"'),
    ('mmt', 't', 1000000, 'mass', 'million metric tons', 'mcs2024-feste_meta.xml, mcs2024-sandc_meta.xml: attrunit "million metric tons"'),
    ('mct', 't', 0.2, 'mass', 'million carats (a metric carat is 0.2 g)', 'mcs2024-diamo_meta.xml: Prod_mct_2022, attrunit "Million carats"'),
    ('kct', 't', 0.0002, 'mass', 'thousand carats (a metric carat is 0.2 g)', 'mcs2024-gemst_meta.xml: Prod_kct_2022, attrunit "thousands of carats of gem diamond"'),
    ('mcm', 'm3', 1000000, 'volume', 'million cubic meters', 'mcs2024-heliu_meta.xml: Prod_mcm_2022, attrunit "million cubic meters"'),
    ('pct', 'pct', 1, 'percent', 'percent', 'attrunit "percentage" / "percent"'),
    ('num', 'count', 1, 'count', 'number (head count)', 'attrunit "number"'),
    ('count', 'count', 1, 'count', 'number', 'earlier releases'),
    ('mdol', 'usd', 1000000, 'money', 'million dollars', 'mcs2024-gemst_meta.xml, mcs2024-stond_meta.xml: attrunit "million dollars"'),
    ('dt', 'usd_per_t', 1, 'price', 'dollars per metric ton', 'attrunit "dollars per metric ton"'),
    ('dst', 'usd_per_short_ton', 1, 'price', 'dollars per short ton', 'mcs2024-nitro_meta.xml, mcs2024-sodaa_meta.xml: attrunit "dollars per short ton"'),
    ('dkg', 'usd_per_kg', 1, 'price', 'dollars per kilogram', 'attrunit "dollars per kilogram"'),
    ('dg', 'usd_per_g', 1, 'price', 'dollars per gram', 'mcs2024-scand_meta.xml: attrunit "dollars per gram"'),
    ('dlb', 'usd_per_lb', 1, 'price', 'dollars per pound', 'attrunit "dollars per pound"'),
    ('ctslb', 'usd_per_lb', 0.01, 'price', 'US cents per pound', 'attrunit "cents per pound" (mcs2024-coppe_meta.xml, mcs2024-zinc_meta.xml, ...)'),
    ('dto', 'usd_per_troy_oz', 1, 'price', 'dollars per troy ounce', 'attrunit "dollars per troy ounce"'),
    ('dtoz', 'usd_per_troy_oz', 1, 'price', 'dollars per troy ounce', 'mcs2024-gold_meta.xml, mcs2024-silve_meta.xml: Price_dtoz, attrunit "dollars per troy ounce"'),
    ('dct', 'usd_per_carat', 1, 'price', 'dollars per carat', 'mcs2024-diamo_meta.xml: Bort_Price_Imports_dct, attrunit "dollars per carat"'),
    ('index', 'index', 1, 'index', 'an index number', 'mcs2024-feste_meta.xml: Price_Index, attrunit "index"'),
    ('none', 'none', 1, 'none', 'no unit: the release gives none and the cells hold words', 'mcs2024-stond_meta.xml: Price_Average and Granite_Price have no attrunit; their cells read "Variable, depending on type of product"');

-- 6. Words of salient column names that name the measure; the word's detail (if any) leads the column's detail.
create table ref.usgs_measure_word (
    word     text not null,
    measure  text not null,
    detail   text,
    evidence text not null,
    constraint pk_usgs_measure_word primary key (word),
    constraint ck_usgs_measure_word_word check (word = lower(word))
);
comment on table ref.usgs_measure_word is 'Words of USGS MCS salient column names that say the measure (USprod_Mine_t: production, detail mine). Matched case-insensitively on the first such word of the name; words before it (Bauxite_, Bort_, HPQ_) name the product and lead the detail.';

insert into ref.usgs_measure_word (word, measure, detail, evidence) values
    ('usprod', 'production', null, 'attrdef "Production: ..." throughout the metadata'),
    ('prod', 'production', null, 'mcs2024-perli_meta.xml: Prod_Crude_kt, "Production: crude"'),
    ('production', 'production', null, 'mcs2024-quartz salient: HPQ_Production_t, Crystal_Production_t'),
    ('mine', 'production', 'mine', 'mcs2024-bauxi salient: Bauxite_Mine_kt, bauxite mine production'),
    ('refinery', 'production', 'refinery', 'mcs2024-bauxi salient: Alumina_Refinery_kt, alumina refinery production'),
    ('extracted', 'production', 'extracted', 'mcs2024-heliu_meta.xml: Extracted_mcm, helium extracted from natural gas'),
    ('recycled', 'production', 'recycled', 'mcs2024-coppe_meta.xml: Recycled_Post-consumer_kt; mcs2024-stonec: Recycled_mmt'),
    ('furnace', 'production', 'furnace', 'mcs2024-feste_meta.xml: Furnace_BOF_pct, Furnace_EAF_pct, share of raw steel production by furnace type'),
    ('continuous', 'production', 'continuous', 'mcs2024-feste_meta.xml: Continuous_cast_pct, share of raw steel continuously cast'),
    ('quantity', 'production', null, 'mcs2024-stond salient: Granite_Quantity_kt (metadata Granite_Sold_kt)'),
    ('sold', 'sales', null, 'mcs2024-sandi_meta.xml, mcs2024-perli_meta.xml: "Sold or used by producers"'),
    ('sales', 'sales', null, 'mcs2024-potas_meta.xml: Sales_Marketable_kt; mcs2024-zeoli: Sales_Mill_t'),
    ('supply', 'supply', null, 'mcs2024-alumi_meta.xml: Supply_kt (the CSV header reads CASE STATEMENT ERRORkt)'),
    ('imports', 'imports', null, 'attrdef "Imports for consumption"'),
    ('exports', 'exports', null, 'attrdef "Exports"'),
    ('consump', 'consumption', null, 'attrdef "Consumption: apparent / reported"'),
    ('consumption', 'consumption', null, 'mcs2024-stond_meta.xml: Granite_Consumption_value'),
    ('consumtion', 'consumption', null, 'mcs2024-stond salient: Granite_Consumtion_value_mdol (misspelt in the CSV)'),
    ('apparent', 'consumption', 'apparent', 'mcs2024-bauxi salient: Alumina_Apparent_kt, alumina apparent consumption'),
    ('price', 'price', null, 'attrdef "Price: ..."'),
    ('stocks', 'stocks', null, 'attrdef "Stocks: ..."'),
    ('withdrawn', 'stocks', 'withdrawn', 'mcs2024-heliu_meta.xml: Withdrawn_mcm, helium withdrawn from storage'),
    ('shipments', 'shipments', null, 'attrdef "Shipments from Government stockpile"'),
    ('employment', 'employment', null, 'attrdef "Employment", attrunit "number"'),
    ('nir', 'nir_pct', null, 'attrdef "Net import reliance as a percentage of apparent consumption"');

-- 7. Columns whose published names are wrong: read as another name (the metadata's attribute label, same position)
--    and/or in another unit, for the n-th column of that name (occurrence) in a slug's files.
alter table ref.usgs_column_override drop constraint pk_usgs_column_override;
alter table ref.usgs_column_override add column occurrence integer not null default 1;
alter table ref.usgs_column_override add column read_as text;
alter table ref.usgs_column_override alter column unit drop not null;
alter table ref.usgs_column_override add constraint pk_usgs_column_override primary key (slug, column_name, occurrence);
alter table ref.usgs_column_override add constraint ck_usgs_column_override_what check (unit is not null or read_as is not null);
comment on table ref.usgs_column_override is 'Columns of USGS MCS files whose published names are wrong or incomplete: read_as is the name to parse instead (usually the metadata''s attribute label at the same position), unit the unit code (ref.usgs_unit) when the name''s last word is not it; occurrence tells apart columns published twice under one name; reason holds the evidence.';

insert into ref.usgs_column_override (slug, column_name, occurrence, read_as, unit, reason) values
    ('alum', 'CASE STATEMENT ERRORkt', 1, 'Supply_kt', null, 'mcs2024-alumi_meta.xml names this column Supply_kt (thousand metric tons).'),
    ('chrom', 'CASE STATEMENT ERROROre_dt', 1, 'Price_Ore_dt', null, 'mcs2024-chrom_meta.xml: Price_Ore_dt, dollars per metric ton.'),
    ('chrom', 'CASE STATEMENT ERRORFerrrochromium_dlb', 1, 'Price_Ferrochromium_dlb', null, 'mcs2024-chrom_meta.xml: Price_Ferrrochromium; the values (1 to 2) are dollars per pound as the CSV name says.'),
    ('chrom', 'CASE STATEMENT ERRORMetal_dlb', 1, 'Price_Metal_dlb', null, 'mcs2024-chrom_meta.xml: Price_Metal; the values (4 to 6) are dollars per pound as the CSV name says.'),
    ('fepig', 'CASE STATEMENT ERRORt', 1, 'USprod_Crude_t', null, 'mcs2024-fepig_meta.xml: USprodCrude_t, metric tons.'),
    ('fepig', 'CASE STATEMENT ERRORt', 2, 'Sold_Finished_t', null, 'mcs2024-fepig_meta.xml: SoldFinished_t, metric tons.'),
    ('bauxi', 'Bauxite_Price_kt', 1, 'Bauxite_Price_dt', null, 'mcs2024-bauxi_meta.xml: Bauxite_Price_dt, dollars per metric ton.'),
    ('bauxi', 'Alumina_Price_kt', 1, 'Alumina_Price_dt', null, 'mcs2024-bauxi_meta.xml: Alumina_Price_dt, dollars per metric ton.'),
    ('diamo', 'Bort_Price_Imports_mct', 1, 'Bort_Price_Imports_dct', null, 'mcs2024-diamo_meta.xml: Bort_Price_Imports_dct, dollars per carat.'),
    ('diamo', 'Stones_Price_Imports_mct', 1, 'Stones_Price_Imports_dct', null, 'mcs2024-diamo_meta.xml: Stones_Price_Imports_dct, dollars per carat.'),
    ('feste', 'Furnace_BOF_mmt', 1, 'Furnace_BOF_pct', null, 'mcs2024-feste_meta.xml: Furnace_BOF_pct, percentage.'),
    ('feste', 'Furnace_EAF_mmt', 1, 'Furnace_EAF_pct', null, 'mcs2024-feste_meta.xml: Furnace_EAF_pct, percentage.'),
    ('feste', 'Consump_mmt', 1, 'Continuous_cast_pct', null, 'mcs2024-feste_meta.xml: the first Consump_mmt column is Continuous_cast_pct, percentage (values 98 to 99).'),
    ('feste', 'Price_Index_mmt', 1, 'Price_Index', 'index', 'mcs2024-feste_meta.xml: Price_Index, attrunit "index".'),
    ('feste', 'Employment_Mill_mmt', 1, 'Employment_Mill_num', null, 'mcs2024-feste_meta.xml: Employment_Mill_num, number.'),
    ('feste', 'Employment_mmt', 1, 'Employment_num', null, 'mcs2024-feste_meta.xml: Employment_num, number.'),
    ('heliu', 'Grade-A-Salesmcm', 1, 'Sales_Grade-A_mcm', null, 'mcs2024-heliu_meta.xml: Grade-A-Salesmcm, grade-A helium sales, million cubic meters.'),
    ('iodin', 'Consump_t', 1, 'Consump_Apparent_t', null, 'mcs2024-iodin_meta.xml: the first Consump_t column is Consump_App_t (apparent).'),
    ('iodin', 'Consump_t', 2, 'Consump_Reported_t', null, 'mcs2024-iodin_meta.xml: the second Consump_t column is Consump_Rpt_t (reported).'),
    ('mercu', 'Price_Imports_df', 1, 'Price_Imports_dkg', null, 'mcs2024-mercu_meta.xml: Price_Imports_dkg, dollars per kilogram.'),
    ('mica', 'USprod_Flake_t', 1, 'USprod_Flake_Sold_t', null, 'mcs2024-mica_meta.xml: the first USprod_Flake_t column is USprod_Flake_Sold_t.'),
    ('mica', 'USprod_Flake_t', 2, 'USprod_Flake_Ground_t', null, 'mcs2024-mica_meta.xml: the second USprod_Flake_t column is USprod_Flake_Ground_t.'),
    ('mica', 'Price_Sheet-Block_dt', 1, 'Price_Sheet_Block_dkg', null, 'mcs2024-mica_meta.xml: Price_Sheet_Block_dkg, dollars per kilogram.'),
    ('mica', 'Price_Sheet-Splittings_dt', 1, 'Price_Sheet_Splittings_dkg', null, 'mcs2024-mica_meta.xml: Price_Sheet_Splittings_dkg, dollars per kilogram.'),
    ('nicke', 'Price_dt dlb (both used)', 1, 'Price_LME_dt', null, 'mcs2024-nicke_meta.xml: the first of the two columns is Price_LME_dt, dollars per metric ton.'),
    ('nicke', 'Price_dt dlb (both used)', 2, 'Price_LME_dlb', null, 'mcs2024-nicke_meta.xml: the second of the two columns is Price_LME_dlb, dollars per pound.'),
    ('stond', 'Price_Average_mdol', 1, 'Price_Average', 'none', 'mcs2024-stond_meta.xml: Price_Average has no unit; every cell reads "Variable, depending on type of product".'),
    ('stond', 'Granite_Price_mdol', 1, 'Granite_Price', 'none', 'mcs2024-stond_meta.xml: Granite_Price has no unit; every cell reads "Variable, depending on type of product".'),
    ('stond', 'Employment_um', 1, null, 'num', 'mcs2024-stond_meta.xml: Employment_num, number.'),
    ('stond', 'NIR_ct', 1, null, 'pct', 'mcs2024-stond_meta.xml: NIR_pct, percentage of tonnage.'),
    ('stond', 'Granite_Prod_value_mdol', 1, 'Granite_Sold_value_mdol', null, 'mcs2024-stond_meta.xml: Granite_Sold_value, million dollars.'),
    ('sulfu', 'NIR_NIR_pct', 1, 'NIR_pct', null, 'mcs2024-sulfu_meta.xml: NIR_pct.'),
    ('tin', 'Consump_', 1, null, 't', 'mcs2024-tin_meta.xml: Consump_t, metric tons (apparent consumption of refined tin).'),
    ('zirco', 'Price_Zircon_premium_CIF_CN_t', 1, 'Price_Zircon_premium_CIF_CN_dt', null, 'mcs2024-zirco_meta.xml: Price_Zircon_premium_CIF_CN_dt, dollars per metric ton, gross weight.'),
    ('zirco', 'Price_Zircon_imported_t', 1, 'Price_Zircon_imported_dt', null, 'mcs2024-zirco_meta.xml: Price_dt_Zircon_import, dollars per metric ton, gross weight.'),
    ('zirco', 'Price_Zircon_sponge_CN_t', 1, 'Price_Zircon_sponge_CN_dkg', null, 'mcs2024-zirco_meta.xml: Price_Zircon_sponge_CN_dkg, dollars per kilogram.'),
    ('zirco', 'Price_Hf_unwrought_t', 1, 'Price_Hf_unwrought_dkg', null, 'mcs2024-zirco_meta.xml: Price_dt_Hf_unwrought, attrunit "dollars per kilogram".'),
    ('selen', 'Reserves_kt', 1, null, 't', 'mcs2024-selen_meta.xml: Reserves_t, metric tons (Finland 300, China 5,000: tonnes of contained selenium).'),
    ('talc', 'Reserves_t', 1, null, 'kt', 'mcs2024-talc_meta.xml: Reserves_kt, thousand metric tons (Turkey 15,000 against 40 kt produced a year).'),
    ('clays', 'Reserves_t', 1, null, 'kt', 'mcs2024-clays_meta.xml: Reserves_kt, thousand metric tons.'),
    ('sulfu', 'Reserves_t', 1, null, 'kt', 'mcs2024-sulfu_meta.xml: Reserves_kt.');

-- 8. Reporting units of the release that are no one country: mcs2024-abras_world.csv gives the plant capacity of
--    "United States and Canada" together (a residual-like row of the table, never a country).
insert into ref.area (area_code, name, kind) values
    ('USA_CAN', 'United States and Canada (reported together)', 'aggregate');
insert into ref.country_alias (alias_kind, alias_key, alias, iso3, area_code, source) values
    ('name', 'united states and canada', 'United States and Canada', null, 'USA_CAN', 'usgs_mcs')
on conflict (alias_kind, alias_key) do nothing;

-- 9. Helium: the world table gives the United States twice, "(extracted from natural gas)" and "(from Cliffside
--    Field)", the crude helium withdrawn from the Federal Helium Reserve; the rules read the country's qualifier.
insert into ref.commodity (commodity_code, name, parent_code) values
    ('helium_from_storage', 'Helium withdrawn from storage (Cliffside Field, Federal Helium Reserve)', 'helium')
on conflict (commodity_code) do nothing;
insert into ref.usgs_type_rule (slug, priority, type_pattern, column_detail_pattern, commodity_code, stage_code, basis, measure) values
    ('heliu', 10, 'cliffside', '.*', 'helium_from_storage', 'mine', 'crude helium from the Cliffside Field storage, volume', null);
comment on column ref.usgs_type_rule.type_pattern is 'Regex on the row''s Type text, followed by the country''s own qualifier in parentheses when it has one ("Mine production, helium (from Cliffside Field)").';

-- 10. Two salient files whose values sit one column right of their header from some column on (the last value under
--     no name): each column is read as the name of the values it holds, in the order of the metadata's attributes.
--     Fluorspar: fluorosilicic acid production (29 kt in 2019) sits under Imports_Acid_kt, apparent consumption (398 =
--     405 imports - 8 exports) under Price_Acid_dt, the net import reliance (100) under no name; mcs2024-fluor_meta.xml
--     lists 17 attributes against the CSV's 16 names. The column under USprod_H2SiF6_kt holds NA every year.
insert into ref.usgs_column_override (slug, column_name, occurrence, read_as, unit, reason)
select 'fluor', v.column_name, v.occurrence, v.read_as, null,
       'mcs2024-fluor_salient.csv: values one column right of their header from the fifth column on; read as '
       || v.read_as || ', the metadata attribute of this position (mcs2024-fluor_meta.xml).'
from (values
    ('USprod_H2SiF6_kt', 1, 'USprod_Metallurgical_kt'),
    ('Imports_Acid_kt', 1, 'USprod_H2SiF6_kt'),
    ('Imports_Metallurgical_kt', 1, 'Imports_Acid_kt'),
    ('Imports_Total_Fl_kt', 1, 'Imports_Metallurgical_kt'),
    ('Imports_HF_kt', 1, 'Imports_Total_Fl_kt'),
    ('Imports_AlF3_kt', 1, 'Imports_HF_kt'),
    ('Exports_Cryolite_kt', 1, 'Imports_AlF3_kt'),
    ('Consump_All_kt', 1, 'Imports_Cryolite_kt'),
    ('Price_dt', 1, 'Exports_All_kt'),
    ('Price_Acid_dt', 1, 'Consump_Apparent_kt'),
    ('Employment_Metallurgical_num', 1, 'Price_Acid_dt'),
    ('NIR_Mine_pct', 1, 'Price_Metallurgical_dt'),
    ('', 1, 'Employment_Mine_num'),
    ('', 2, 'NIR_pct')) as v (column_name, occurrence, read_as);

--     Feldspar: the column under Consump_Feldspar_kt is blank every year; apparent consumption of feldspar (510 =
--     450 + 64 - 4 in 2019) sits under Consump_Felds-plus-neph_kt, and so on to the nepheline syenite NIR (>95) under
--     no name (mcs2024-felds_meta.xml gives the order).
insert into ref.usgs_column_override (slug, column_name, occurrence, read_as, unit, reason)
select 'felds', v.column_name, v.occurrence, v.read_as, null,
       'mcs2024-felds_salient.csv: values one column right of their header from the eighth column on; read as '
       || v.read_as || ', the metadata attribute of the values'' position (mcs2024-felds_meta.xml).'
from (values
    ('Consump_Felds-plus-neph_kt', 1, 'Consump_Feldspar_kt'),
    ('Price_Feldspar_dt', 1, 'Consump_Felds-plus-neph_kt'),
    ('Price_Nepheline_syenite_dt', 1, 'Price_Feldspar_dt'),
    ('Employment_num', 1, 'Price_Nepheline_syenite_dt'),
    ('NIR_Feldspar_pct', 1, 'Employment_num'),
    ('NIR_Nepheline_syenite_pct', 1, 'NIR_Feldspar_pct'),
    ('', 1, 'NIR_Nepheline_syenite_pct')) as v (column_name, occurrence, read_as);
