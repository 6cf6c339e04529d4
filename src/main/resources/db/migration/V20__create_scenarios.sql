-- Scenario runs (jobs/etl scenario shock|stockpile): one row per run with the parameters it was launched with
-- and the editions of the facts it read, and its results, one row per measure. A run is computed once by the
-- set-based SQL of sql/scenario/ from its own parameters row, so it can be re-run and compared.

create table indicator.scenario_run (
    run_id       bigint generated always as identity,
    kind         text        not null,
    name         text,
    parameters   jsonb       not null,
    editions     jsonb       not null default '{}'::jsonb,
    started_at   timestamptz not null default clock_timestamp(),
    finished_at  timestamptz,
    millis       bigint,
    n_results    integer,
    constraint pk_scenario_run primary key (run_id),
    constraint ck_scenario_run_kind check (kind in ('shock', 'stockpile'))
);

create table indicator.scenario_result (
    run_id         bigint  not null,
    source         text    not null,
    commodity      text    not null,
    stage          text    not null,
    party_kind     text    not null,
    party          text    not null,
    measure        text    not null,
    detail         text    not null default '',
    year           integer,
    value          numeric,
    unit           text    not null,
    is_upper_bound boolean not null default false,
    note           text,
    editions       text[],
    constraint pk_scenario_result primary key (run_id, source, commodity, stage, party_kind, party, measure, detail),
    constraint fk_scenario_result_run_id foreign key (run_id) references indicator.scenario_run (run_id)
        on delete cascade,
    constraint ck_scenario_result_party_kind check (party_kind in ('world', 'country', 'group', 'budget'))
);

-- Price units of the USGS salient statistics and their factor to US dollars per metric tonne.
create table ref.price_unit (
    unit          text    not null,
    usd_per_t     numeric not null,
    description   text    not null,
    constraint pk_price_unit primary key (unit)
);

insert into ref.price_unit (unit, usd_per_t, description) values
    ('usd_per_t', 1, 'US dollars per metric tonne'),
    ('usd_per_kg', 1000, 'US dollars per kilogram: 1,000 kg a tonne'),
    ('usd_per_lb', 1000 / 0.45359237, 'US dollars per avoirdupois pound: 0.45359237 kg a pound'),
    ('cents_per_lb', 10 / 0.45359237, 'US cents per avoirdupois pound: 100 cents a dollar'),
    ('usd_per_troy_oz', 1000000 / 31.1034768, 'US dollars per troy ounce: 31.1034768 g an ounce'),
    ('usd_per_mtu', 100, 'US dollars per metric ton unit: 10 kg of the contained substance (ores and concentrates)');

-- Which USGS price series prices a commodity in a stockpile budget when its salient table has several
-- (rare earths list seven oxides), and the unit a series really is when its CSV header says otherwise
-- (read_as_unit). Editable data: change a row and run the scenario again.
create table ref.scenario_price_series (
    commodity    text not null,
    detail       text not null,
    unit         text,
    read_as_unit text,
    reason       text not null,
    constraint pk_scenario_price_series primary key (commodity),
    constraint fk_scenario_price_series_commodity foreign key (commodity) references ref.commodity (commodity_code)
);

insert into ref.scenario_price_series (commodity, detail, unit, read_as_unit, reason) values
    ('rare_earths', 'nd2o3', null, null, 'neodymium oxide: the magnet rare earth and the largest by value'),
    ('gallium', 'low_purity', null, null, 'low-purity (99.99 %) gallium: the bulk grade'),
    ('germanium', 'metal', null, null, 'germanium metal'),
    ('graphite', 'flake', null, null, 'flake graphite: the battery-anode feed'),
    ('platinum_group_metals', 'platinum', null, null, 'platinum: the largest of the group by tonnage'),
    ('titanium', 'sponge', null, null, 'titanium sponge: the metal a stockpile holds'),
    ('titanium_mineral_concentrates', 'ilmenite', null, null, 'ilmenite: the bulk of the concentrates'),
    ('nickel', '', 'usd_per_t', null, 'the same price is published in $/t and $/lb; $/t taken'),
    ('manganese', 'cn_cif', null, 'usd_per_mtu',
        'the MCS quotes metallurgical ore in dollars per metric ton unit of contained Mn; the CSV header says dt'),
    ('tungsten', 'wo3', null, 'usd_per_mtu',
        'the MCS quotes tungsten concentrate in dollars per metric ton unit of WO3; the CSV header says dt');
