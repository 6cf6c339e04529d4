-- The trade indicators (indicator.trade_import, import_dependence, group_dependence, geopolrisk, eu_supply_risk) are
-- recomputed for the trade years whose inputs changed, not for every year each time. Their grain carries the trade
-- year and no row of one year reads the trade of another, so a year's rows are a function of that year's classified
-- trade and of the non-trade inputs (production, WGI, groups, settings, the HS map and the CIF/FOB references).
-- Triggers mark the years here: a change to warehouse.trade_classified marks the years of the rows it touched; a
-- change to a non-trade input marks every year. The indicators job takes the marked years when it starts
-- (indicator.trade_year_recompute) and forgets them when it completes; jobs/etl indicators --full marks every year.

create table indicator.trade_year_pending (
    year      smallint    not null,
    marked_at timestamptz not null default now(),
    constraint pk_trade_year_pending primary key (year)
);

comment on table indicator.trade_year_pending is 'Trade years whose indicator rows are out of date: marked by triggers on warehouse.trade_classified (the years it touched) and on the non-trade inputs of the trade indicators (every year); taken by the next indicators job.';

create table indicator.trade_year_recompute (
    year smallint not null,
    constraint pk_trade_year_recompute primary key (year)
);

comment on table indicator.trade_year_recompute is 'Trade years the running (or last failed) indicators job recomputes; emptied when it completes, kept when it fails so that the next run redoes them.';

create table indicator.recompute_state (
    id                boolean not null default true,
    indicator_sha256  text,
    constraint pk_recompute_state primary key (id),
    constraint ck_recompute_state_one_row check (id)
);

comment on table indicator.recompute_state is 'One row: the SHA-256 of the indicator SQL the last completed recompute ran; a different SQL (a new release) marks every trade year.';

insert into indicator.recompute_state (id, indicator_sha256) values (true, null);

-- every trade year: those with classified trade, and those the trade indicators still hold (so that a year whose
-- trade is gone loses its rows)
create function indicator.mark_every_trade_year() returns void
language sql as $$
    insert into indicator.trade_year_pending (year)
    select year from warehouse.trade_classified
    union
    select year from indicator.trade_import
    on conflict (year) do nothing;
$$;

create function indicator.mark_every_trade_year_trigger() returns trigger
language plpgsql as $$
begin
    perform indicator.mark_every_trade_year();
    return null;
end $$;

-- statement level, over the transition table named changed: one insert per statement, not per row
create function indicator.mark_changed_trade_years() returns trigger
language plpgsql as $$
begin
    insert into indicator.trade_year_pending (year)
    select distinct year from changed
    on conflict (year) do nothing;
    return null;
end $$;

create trigger trade_classified_inserted after insert on warehouse.trade_classified
    referencing new table as changed for each statement execute function indicator.mark_changed_trade_years();
create trigger trade_classified_deleted after delete on warehouse.trade_classified
    referencing old table as changed for each statement execute function indicator.mark_changed_trade_years();
create trigger trade_classified_updated_from after update on warehouse.trade_classified
    referencing old table as changed for each statement execute function indicator.mark_changed_trade_years();
create trigger trade_classified_updated_to after update on warehouse.trade_classified
    referencing new table as changed for each statement execute function indicator.mark_changed_trade_years();
create trigger trade_classified_truncated after truncate on warehouse.trade_classified
    for each statement execute function indicator.mark_every_trade_year_trigger();

-- the non-trade inputs of the trade indicators: a change to any of them marks every year
do $$
declare
    input text;
begin
    foreach input in array array[
        'warehouse.production_fact', 'ref.governance_indicator', 'ref.country_group', 'ref.country_group_member',
        'ref.commodity_eu_factor', 'ref.indicator_setting', 'ref.area', 'ref.hs_map', 'ref.cif_fob_factor',
        'ref.cif_fob_default'
    ] loop
        execute format('create trigger trade_indicator_input_changed after insert or update or delete or truncate '
                       'on %s for each statement execute function indicator.mark_every_trade_year_trigger()', input);
    end loop;
end $$;

select indicator.mark_every_trade_year();

-- every trade indicator reads the years of a recompute from it, and the recompute replaces them
create index ix_trade_import_year on indicator.trade_import (year);

comment on table indicator.trade_import is 'Classified imports as the trade indicators read them: basis reported = indicator.classified_imports, basis reconciled = indicator.classified_imports_reconciled. Grain: basis x source x reporter x partner x flow x HS code x year. Units: USD, tonnes. Rewritten for the trade years each indicator recompute takes (indicator.trade_year_recompute), first of the trade indicators.';
