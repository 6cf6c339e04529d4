-- Bloc self-sufficiency (sql/indicators/self_sufficiency.sql, view indicator.v_group_self_sufficiency).

create table indicator.group_self_sufficiency (
    group_code                  text        not null,
    source                      text        not null,
    trade_source                text        not null,
    commodity                   text        not null,
    stage                       text        not null,
    year                        integer     not null,
    edition                     text        not null,
    group_production_t          numeric,
    world_t                     numeric,
    group_share_pct             numeric,
    n_members                   integer     not null,
    n_members_with_consumption  integer     not null,
    members_consumption_t       numeric,
    n_reporters                 integer     not null,
    imports_from_outside_t      numeric,
    imports_from_outside_usd    numeric,
    imports_from_inside_usd     numeric,
    imports_from_china_usd      numeric,
    imports_from_china_t        numeric,
    self_sufficiency_ratio      numeric,
    ratio_basis                 text        not null,
    computed_at                 timestamptz not null default now(),
    constraint pk_group_self_sufficiency primary key (group_code, source, trade_source, commodity, stage, year, edition)
);
