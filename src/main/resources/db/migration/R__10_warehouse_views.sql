-- Public SQL API over the production and US salient facts. Stable names: analysts and checks query these.

create or replace view warehouse.v_production_all_editions as
with facts as (
    select *
    from warehouse.production_fact
    where measure = 'production'
      and entity_kind = 'country'
),

final as (
    select
        source,
        commodity,
        stage,
        country_iso3,
        year,
        quantity_t,
        original_value,
        original_unit,
        qualifier,
        lower_bound_t,
        upper_bound_t,
        is_estimate,
        basis,
        detail,
        note,
        edition,
        source_file_id,
        row_number,
        load_id
    from facts
)

select * from final;

comment on view warehouse.v_production_all_editions is 'Production by country, every edition kept: one row per (source, edition, commodity, stage, country_iso3, year). Country rows only; world totals and residuals are in v_production_world_total.';

create or replace view warehouse.v_production as
with ranked as (
    select
        p.*,
        row_number() over (
            partition by p.source, p.commodity, p.stage, p.country_iso3, p.year
            order by p.edition desc
        ) as edition_rank
    from warehouse.v_production_all_editions as p
),

final as (
    select
        source, commodity, stage, country_iso3, year, quantity_t, original_value, original_unit, qualifier,
        lower_bound_t, upper_bound_t, is_estimate, basis, detail, note, edition, source_file_id, row_number, load_id
    from ranked
    where edition_rank = 1
)

select * from final;

comment on view warehouse.v_production is 'Production by country, latest edition per (source, commodity, stage, country_iso3, year): one row per key. Country rows only (no World, no "Other countries").';

create or replace view warehouse.v_reserves_capacity as
with ranked as (
    select
        f.*,
        row_number() over (
            partition by f.source, f.commodity, f.stage, f.measure, f.entity_key, f.year
            order by f.edition desc
        ) as edition_rank
    from warehouse.production_fact as f
    where f.measure in ('reserves', 'capacity')
),

final as (
    select
        source, measure, commodity, stage, entity_kind, country_iso3, entity_label, year, quantity_t, original_value,
        original_unit, qualifier, lower_bound_t, upper_bound_t, is_estimate, basis, detail, note, edition, source_file_id,
        row_number, load_id
    from ranked
    where edition_rank = 1
)

select * from final;

comment on view warehouse.v_reserves_capacity is 'Reserves and capacity, latest edition per (source, measure, commodity, stage, reporting unit, year). Country rows have country_iso3; world totals and residuals have entity_kind world_total / residual and a null country_iso3.';

create or replace view warehouse.v_production_world_total as
with ranked as (
    select
        f.*,
        row_number() over (
            partition by f.source, f.commodity, f.stage, f.entity_kind, f.entity_label, f.year
            order by f.edition desc
        ) as edition_rank
    from warehouse.production_fact as f
    where f.measure = 'production'
      and f.entity_kind in ('world_total', 'residual')
),

final as (
    select
        source, commodity, stage, entity_kind, entity_label, year, quantity_t, original_value, original_unit, qualifier,
        lower_bound_t, upper_bound_t, is_estimate, basis, note, edition, source_file_id, row_number, load_id
    from ranked
    where edition_rank = 1
)

select * from final;

comment on view warehouse.v_production_world_total is 'Reported world totals (entity_kind world_total, e.g. "World total (rounded)", qualifiers such as "Excludes U.S. production." in note) and residual rows (entity_kind residual, "Other countries"), kept apart from countries. Latest edition per key.';

create or replace view warehouse.v_us_salient as
with ranked as (
    select
        s.*,
        row_number() over (
            partition by s.source, s.commodity, s.year, s.measure, s.detail, s.unit
            order by s.edition desc
        ) as edition_rank
    from warehouse.us_salient_fact as s
),

final as (
    select
        commodity, year, measure, detail, value, unit, original_value, original_unit, qualifier, lower_bound,
        upper_bound, is_estimate, note, edition, source_file_id, row_number, column_name, load_id
    from ranked
    where edition_rank = 1
)

select * from final;

comment on view warehouse.v_us_salient is 'US salient statistics from USGS MCS in long format, latest edition per (commodity, year, measure, detail, unit).';

create or replace view warehouse.v_country as
select c.iso3, c.iso2, c.m49, c.name, c.region, c.sub_region, c.is_historical
from ref.country as c;

comment on view warehouse.v_country is 'Countries (ISO 3166-1 alpha-3 key) for joins and labels.';
comment on column warehouse.v_country.iso3 is 'ISO 3166-1 alpha-3.';
comment on column warehouse.v_country.name is 'Name (ISO 3166).';
comment on column warehouse.v_country.is_historical is 'True for entities that no longer exist (Former USSR, ...).';

create or replace view warehouse.v_country_group as
select g.group_code, g.name as group_name, m.iso3, g.is_editable
from ref.country_group as g
join ref.country_group_member as m on m.group_code = g.group_code;

comment on view warehouse.v_country_group is 'Members of the country groups (china_mainland, greater_china, eu27, allied_bloc, ...).';
comment on column warehouse.v_country_group.is_editable is 'True for groups meant to be edited (allied_bloc).';

create or replace view ref.v_baci_code_load as
select load_id from ref.baci_country
union all
select load_id from ref.hs_product;

comment on view ref.v_baci_code_load is 'Rows of the BACI code tables by the load that wrote them (counts for etl.load).';
