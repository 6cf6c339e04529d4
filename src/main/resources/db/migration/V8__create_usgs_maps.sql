-- How USGS Mineral Commodity Summaries files map onto the shared vocabulary.
-- File names carry a five-letter slug (mcs2024-raree_world.csv); the Type column and, for some files,
-- the column name say which commodity and stage a row holds (palladium vs platinum, ilmenite vs rutile,
-- titanium sponge vs pigment). Rules are data: a new edition's layout is a few rows here, not code.

create table ref.usgs_commodity (
    slug           text not null,
    commodity_code text not null,
    default_stage  text not null,
    default_basis  text,
    constraint pk_usgs_commodity primary key (slug),
    constraint fk_usgs_commodity_commodity_code foreign key (commodity_code) references ref.commodity (commodity_code),
    constraint fk_usgs_commodity_default_stage foreign key (default_stage) references ref.stage (stage_code)
);

create table ref.usgs_type_rule (
    slug                  text    not null,
    priority              integer not null,
    type_pattern          text    not null,
    column_detail_pattern text    not null default '.*',
    commodity_code        text    not null,
    stage_code            text    not null,
    basis                 text    not null,
    constraint pk_usgs_type_rule primary key (slug, priority),
    constraint fk_usgs_type_rule_slug foreign key (slug) references ref.usgs_commodity (slug),
    constraint fk_usgs_type_rule_commodity_code foreign key (commodity_code) references ref.commodity (commodity_code),
    constraint fk_usgs_type_rule_stage_code foreign key (stage_code) references ref.stage (stage_code)
);
comment on table ref.usgs_type_rule is 'First rule (lowest priority) whose case-insensitive regexes match the row''s Type text and the column''s detail decides commodity, stage and basis; else ref.usgs_commodity defaults apply.';

create table ref.usgs_column_override (
    slug        text not null,
    column_name text not null,
    unit        text not null,
    reason      text not null,
    constraint pk_usgs_column_override primary key (slug, column_name),
    constraint fk_usgs_column_override_slug foreign key (slug) references ref.usgs_commodity (slug)
);
comment on table ref.usgs_column_override is 'Units for salient columns whose published names are wrong or incomplete, with the evidence.';

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
