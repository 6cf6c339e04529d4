-- Reference dimensions. Countries are keyed by ISO 3166-1 alpha-3; every code or name a source uses
-- resolves through ref.country_alias, either to a country or to a non-country area (World, residual
-- "Other countries", "nes" areas). Countries and their aliases are seeded by V5 (Java: reads the CSVs shipped
-- in src/main/resources/reference, see SOURCES.md there), the maps of each source by V6.

create table ref.country (
    iso3          char(3) not null,
    iso2          char(2),
    m49           integer,
    name          text    not null,
    region        text,
    sub_region    text,
    is_historical boolean not null default false,
    constraint pk_country primary key (iso3)
);
comment on table ref.country is 'Countries and territories, keyed by ISO 3166-1 alpha-3. Historical entities (Former USSR, ...) are flagged.';

create table ref.area (
    area_code text not null,
    name      text not null,
    kind      text not null,
    constraint pk_area primary key (area_code),
    constraint ck_area_kind check (kind in ('world', 'residual', 'aggregate', 'nes', 'special'))
);
comment on table ref.area is 'Reporting units that are not countries: World totals, residual "Other countries", regional aggregates and "not elsewhere specified" areas.';

create table ref.country_alias (
    alias_kind text not null,
    alias_key  text not null,
    alias      text not null,
    iso3       char(3),
    area_code  text,
    source     text not null,
    constraint pk_country_alias primary key (alias_kind, alias_key),
    constraint fk_country_alias_iso3 foreign key (iso3) references ref.country (iso3),
    constraint fk_country_alias_area_code foreign key (area_code) references ref.area (area_code),
    constraint ck_country_alias_kind check (alias_kind in ('name', 'iso2', 'iso3', 'm49', 'baci', 'comtrade')),
    constraint ck_country_alias_target check ((iso3 is null) <> (area_code is null))
);
comment on table ref.country_alias is 'Every name and code a source uses for a country or area. alias_key is the alias normalised (case, accents, punctuation, spacing) by the loader; the first source to claim a key wins, curated aliases are seeded first.';

create table ref.country_group (
    group_code  text    not null,
    name        text    not null,
    description text    not null,
    is_editable boolean not null default false,
    constraint pk_country_group primary key (group_code)
);
create table ref.country_group_member (
    group_code text    not null,
    iso3       char(3) not null,
    constraint pk_country_group_member primary key (group_code, iso3),
    constraint fk_country_group_member_group_code foreign key (group_code) references ref.country_group (group_code),
    constraint fk_country_group_member_iso3 foreign key (iso3) references ref.country (iso3)
);
comment on table ref.country_group is 'Country groups used by the indicators. allied_bloc is editable: change its members with plain SQL.';

create table ref.stage (
    stage_code  text not null,
    description text not null,
    sort_order  integer not null,
    constraint pk_stage primary key (stage_code)
);
insert into ref.stage (stage_code, description, sort_order) values
    ('mine',     'Mine production: ores and concentrates', 1),
    ('refinery', 'Refining and smelting: chemicals, oxides, unwrought and refined metals', 2),
    ('product',  'Manufactured products: magnets, pigments and other goods', 3);

create table ref.commodity (
    commodity_code text not null,
    name           text not null,
    parent_code    text,
    constraint pk_commodity primary key (commodity_code),
    constraint fk_commodity_parent_code foreign key (parent_code) references ref.commodity (commodity_code),
    constraint ck_commodity_code check (commodity_code ~ '^[a-z][a-z0-9_]*$')
);
comment on table ref.commodity is 'Commodity vocabulary shared by every source: lowercase snake_case English names.';

insert into ref.commodity (commodity_code, name, parent_code) values
    ('aluminum', 'Aluminum', null),
    ('antimony', 'Antimony', null),
    ('arsenic', 'Arsenic', null),
    ('barite', 'Barite', null),
    ('bauxite', 'Bauxite', null),
    ('beryllium', 'Beryllium', null),
    ('bismuth', 'Bismuth', null),
    ('cesium', 'Cesium', null),
    ('chromium', 'Chromium', null),
    ('cobalt', 'Cobalt', null),
    ('copper', 'Copper', null),
    ('fluorspar', 'Fluorspar', null),
    ('gallium', 'Gallium', null),
    ('germanium', 'Germanium', null),
    ('gold', 'Gold', null),
    ('graphite', 'Graphite (natural)', null),
    ('hafnium', 'Hafnium', null),
    ('indium', 'Indium', null),
    ('iron_ore', 'Iron ore', null),
    ('lead', 'Lead', null),
    ('lithium', 'Lithium', null),
    ('magnesium', 'Magnesium', null),
    ('manganese', 'Manganese', null),
    ('molybdenum', 'Molybdenum', null),
    ('nickel', 'Nickel', null),
    ('niobium', 'Niobium (columbium)', null),
    ('platinum_group_metals', 'Platinum-group metals', null),
    ('palladium', 'Palladium', 'platinum_group_metals'),
    ('platinum', 'Platinum', 'platinum_group_metals'),
    ('rhodium', 'Rhodium', 'platinum_group_metals'),
    ('rare_earths', 'Rare earths', null),
    ('rhenium', 'Rhenium', null),
    ('scandium', 'Scandium', null),
    ('silicon', 'Silicon', null),
    ('silver', 'Silver', null),
    ('tantalum', 'Tantalum', null),
    ('tellurium', 'Tellurium', null),
    ('tin', 'Tin', null),
    ('titanium', 'Titanium (sponge metal and TiO2 pigment)', null),
    ('titanium_mineral_concentrates', 'Titanium mineral concentrates', null),
    ('ilmenite', 'Ilmenite (titanium mineral concentrate)', 'titanium_mineral_concentrates'),
    ('rutile', 'Rutile (titanium mineral concentrate)', 'titanium_mineral_concentrates'),
    ('tungsten', 'Tungsten', null),
    ('uranium', 'Uranium', null),
    ('vanadium', 'Vanadium', null),
    ('zinc', 'Zinc', null),
    ('zirconium', 'Zirconium', null);

insert into ref.area (area_code, name, kind) values
    ('WLD', 'World', 'world'),
    ('OTH', 'Other countries (residual)', 'residual');

insert into ref.country_group (group_code, name, description, is_editable) values
    ('china_mainland', 'China (mainland)', 'People''s Republic of China excluding Hong Kong and Macao (ISO CHN).', false),
    ('greater_china', 'Greater China', 'China mainland, Hong Kong and Macao (CHN, HKG, MAC). Taiwan is not included.', false),
    ('eu27', 'European Union (27)', 'EU member states since 1 February 2020.', false),
    ('allied_bloc', 'Allied bloc', 'Editable. Seeded with the Minerals Security Partnership member countries as of 2024 (the EU itself is a member; its states are not added individually beyond those listed).', true);

-- Commodities World Mining Data reports beyond the USGS vocabulary (jobs/sources/wmd.yml maps its sheets onto them).
insert into ref.commodity (commodity_code, name, parent_code) values
    ('asbestos', 'Asbestos', null),
    ('bentonite', 'Bentonite', null),
    ('boron', 'Boron minerals', null),
    ('cadmium', 'Cadmium', null),
    ('diamond_gem', 'Diamonds, gem', null),
    ('diamond_industrial', 'Diamonds, industrial', null),
    ('diatomite', 'Diatomite', null),
    ('feldspar', 'Feldspar', null),
    ('gypsum', 'Gypsum and anhydrite', null),
    ('kaolin', 'Kaolin (china clay)', null),
    ('magnesite', 'Magnesite', null),
    ('mercury', 'Mercury', null),
    ('perlite', 'Perlite', null),
    ('phosphate_rock', 'Phosphate rock', null),
    ('potash', 'Potash', null),
    ('salt', 'Salt (rock, brines, marine)', null),
    ('selenium', 'Selenium', null),
    ('sulfur', 'Sulfur', null),
    ('talc', 'Talc, steatite and pyrophyllite', null),
    ('vermiculite', 'Vermiculite', null)
on conflict (commodity_code) do nothing;

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

-- Versioned HS map: HS code (a 6-digit subheading, or a 4-digit heading that also covers its subheadings
-- when no subheading entry exists) to commodity and stage. Codes outside the map load with a null commodity.
create table ref.hs_map_version (
    hs_map_version text not null,
    description    text not null,
    published_on   date not null,
    constraint pk_hs_map_version primary key (hs_map_version)
);
comment on table ref.hs_map_version is 'Versions of the HS-to-commodity map. Trade facts record the version that classified them; add a new version rather than editing an old one.';

create table ref.hs_map (
    hs_map_version text    not null,
    hs_code        text    not null,
    commodity      text    not null,
    stage          text    not null,
    is_proxy       boolean not null default false,
    note           text,
    constraint pk_hs_map primary key (hs_map_version, hs_code),
    constraint fk_hs_map_hs_map_version foreign key (hs_map_version) references ref.hs_map_version (hs_map_version),
    constraint fk_hs_map_commodity foreign key (commodity) references ref.commodity (commodity_code),
    constraint fk_hs_map_stage foreign key (stage) references ref.stage (stage_code),
    constraint ck_hs_map_hs_code check (hs_code ~ '^([0-9]{4}|[0-9]{6})$')
);
comment on table ref.hs_map is 'HS code to commodity and stage (mine: ores and concentrates; refinery: chemicals, oxides, unwrought metal; product: magnets and other goods). is_proxy flags baskets or headings that only approximate the commodity.';

-- BACI code tables as delivered (country_codes_V*.csv, product_codes_HS*_V*.csv), by release.
create table ref.baci_country (
    baci_version      text    not null,
    country_code      integer not null,
    name_abbreviation text    not null,
    name_full         text,
    iso2              text,
    iso3              text,
    load_id           bigint  not null,
    constraint pk_baci_country primary key (baci_version, country_code),
    constraint fk_baci_country_load_id foreign key (load_id) references etl.load (load_id)
);
comment on table ref.baci_country is 'BACI country code tables by release (V202301, ...). New codes also become baci/m49 aliases in ref.country_alias.';

create table ref.hs_product (
    hs_revision  text   not null,
    baci_version text   not null,
    hs_code      text   not null,
    description  text   not null,
    load_id      bigint not null,
    constraint pk_hs_product primary key (hs_revision, baci_version, hs_code),
    constraint fk_hs_product_load_id foreign key (load_id) references etl.load (load_id),
    constraint ck_hs_product_hs_code check (hs_code ~ '^[0-9]{6}$')
);
comment on table ref.hs_product is 'HS 6-digit product codes with descriptions from the BACI product tables (leading zeros restored).';

-- World Bank Worldwide Governance Indicators (import wgi), long format: one estimate per country, indicator, year.
create table ref.governance_indicator (
    iso3           char(3)     not null,
    indicator_code text        not null,
    year           integer     not null,
    value          numeric     not null,
    source_file_id bigint      not null,
    load_id        bigint      not null,
    constraint pk_governance_indicator primary key (iso3, indicator_code, year),
    constraint fk_governance_indicator_iso3 foreign key (iso3) references ref.country (iso3),
    constraint fk_governance_indicator_source_file_id foreign key (source_file_id) references etl.source_file (source_file_id),
    constraint fk_governance_indicator_load_id foreign key (load_id) references etl.load (load_id)
);
comment on table ref.governance_indicator is 'World Bank Worldwide Governance Indicators in long format (every indicator code: *.EST estimates about -2.5 to 2.5, *.PER.RNK percentile ranks, ...), loaded by jobs/etl import wgi.';

