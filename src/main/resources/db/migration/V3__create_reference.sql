-- Reference dimensions. Countries are keyed by ISO 3166-1 alpha-3; every code or name a source uses
-- resolves through ref.country_alias, either to a country or to a non-country area (World, residual
-- "Other countries", "nes" areas). The rows themselves are seeded by V4 (Java: reads the CSVs shipped in
-- src/main/resources/reference, see SOURCES.md there).

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
    constraint ck_country_alias_kind check (alias_kind in ('name', 'iso2', 'iso3', 'm49', 'baci')),
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
