-- Reference data of the trade-based risk methods (docs/risk-methods.md): the CIF/FOB factor of the mirror
-- reconciliation, the trade basis the indicators read, and the EU criticality factors of each commodity.

-- CIF/FOB factors set by hand. A row for (hs_chapter, year) wins over a row for (hs_chapter, every year), which wins
-- over the factor observed in the data (warehouse.trade_cif_fob_observed).
create table ref.cif_fob_factor (
    hs_chapter char(2) not null,
    year       integer,
    factor     numeric not null,
    note       text    not null,
    constraint ck_cif_fob_factor_factor check (factor > 0),
    constraint ck_cif_fob_factor_hs_chapter check (hs_chapter ~ '^[0-9]{2}$')
);
create unique index ux_cif_fob_factor on ref.cif_fob_factor (hs_chapter, coalesce(year, 0));
comment on table ref.cif_fob_factor is 'CIF/FOB factors set by hand (importer CIF value / exporter FOB value) per HS chapter and year (year null: every year). Empty by default: warehouse.v_trade_reconciled then derives the factor from the data (ref.cif_fob_default).';
comment on column ref.cif_fob_factor.hs_chapter is 'HS chapter, two digits (28 for inorganic chemicals, 81 for other base metals, ...).';
comment on column ref.cif_fob_factor.year is 'Year the factor applies to; null for every year.';
comment on column ref.cif_fob_factor.factor is 'CIF value / FOB value, e.g. 1.06 for 6 % freight and insurance.';
comment on column ref.cif_fob_factor.note is 'Why this factor: its source or reasoning.';

-- How the factor is derived from the data where ref.cif_fob_factor has none: one row.
create table ref.cif_fob_default (
    single          boolean not null default true,
    lower_bound     numeric not null,
    upper_bound     numeric not null,
    min_pairs       integer not null,
    fallback_factor numeric not null,
    citation        text    not null,
    constraint pk_cif_fob_default primary key (single),
    constraint ck_cif_fob_default_single check (single),
    constraint ck_cif_fob_default_bounds check (0 < lower_bound and lower_bound <= fallback_factor and fallback_factor <= upper_bound),
    constraint ck_cif_fob_default_min_pairs check (min_pairs >= 1)
);
comment on table ref.cif_fob_default is 'How warehouse.v_trade_reconciled derives a CIF/FOB factor where ref.cif_fob_factor sets none: the median importer/exporter value ratio of the flows both sides report, per HS chapter and year, over at least min_pairs flows, bounded to [lower_bound, upper_bound]; else fallback_factor. One row; edit it with SQL.';
comment on column ref.cif_fob_default.lower_bound is 'Smallest factor the median may give (a median below it says more about misreporting than about freight).';
comment on column ref.cif_fob_default.upper_bound is 'Largest factor the median may give (a median above it says more about re-exports, valuation or misreporting than about freight).';
comment on column ref.cif_fob_default.min_pairs is 'Flows reported by both sides needed before the median is used.';
comment on column ref.cif_fob_default.fallback_factor is 'Factor where the data give no median: the IMF Direction of Trade Statistics factor.';
comment on column ref.cif_fob_default.citation is 'Source of the fallback factor and of the bounds.';

insert into ref.cif_fob_default (lower_bound, upper_bound, min_pairs, fallback_factor, citation) values
    (1.00, 1.20, 3, 1.06,
     'Fallback: IMF, Direction of Trade Statistics Yearbook 2017, introduction: "A CIF/FOB factor of 1.06 is currently used" to estimate a non-reporter''s CIF imports from its partners'' FOB exports. Bounds 1.00-1.20: a project choice (freight and insurance neither negative nor above a fifth of the value), editable.');

-- Settings of the indicators job (jobs/etl indicators reads them each run).
create table ref.indicator_setting (
    setting text not null,
    value   text not null,
    note    text not null,
    constraint pk_indicator_setting primary key (setting),
    constraint ck_indicator_setting_trade_basis check (setting <> 'trade_basis' or value in ('reported', 'reconciled'))
);
comment on table ref.indicator_setting is 'Settings of the indicators job; edit with SQL and rerun jobs/etl indicators.';
insert into ref.indicator_setting (setting, value, note) values
    ('trade_basis', 'reconciled',
     'reconciled: the trade indicators read each flow as the importer reports it, else as the exporter''s mirror (FOB x CIF/FOB factor), so a non-reporter''s imports are not missing (warehouse.v_trade_reconciled); reported: only what the importer reports.');

create function indicator.trade_basis() returns text
    language sql stable
as $$ select value from ref.indicator_setting where setting = 'trade_basis' $$;
comment on function indicator.trade_basis() is 'The trade basis of the indicators (ref.indicator_setting trade_basis): reported or reconciled.';

alter table indicator.import_dependence add column basis text not null default indicator.trade_basis();
alter table indicator.group_dependence add column basis text not null default indicator.trade_basis();

-- EU criticality factors (European Commission 2017 methodology) per commodity and stage.
create table ref.commodity_eu_factor (
    commodity     text    not null,
    stage         text    not null,
    eol_rir       numeric,
    si_sr         numeric,
    assessment    text,
    citation      text,
    missing_reason text,
    constraint pk_commodity_eu_factor primary key (commodity, stage),
    constraint fk_commodity_eu_factor_commodity foreign key (commodity) references ref.commodity (commodity_code),
    constraint fk_commodity_eu_factor_stage foreign key (stage) references ref.stage (stage_code),
    constraint ck_commodity_eu_factor_eol_rir check (eol_rir between 0 and 1),
    constraint ck_commodity_eu_factor_si_sr check (si_sr between 0 and 1),
    constraint ck_commodity_eu_factor_cited check ((eol_rir is null and si_sr is null) or citation is not null),
    constraint ck_commodity_eu_factor_reason check ((eol_rir is not null and si_sr is not null) or missing_reason is not null)
);
comment on table ref.commodity_eu_factor is 'End-of-life recycling input rate and substitution index (supply risk) of each commodity and stage, as the European Commission''s criticality assessments publish them; read by indicator.v_eu_supply_risk. Editable: a value needs its citation, a missing one its reason.';
comment on column ref.commodity_eu_factor.eol_rir is 'End-of-life recycling input rate, a fraction 0-1 (EoL-RIR).';
comment on column ref.commodity_eu_factor.si_sr is 'Substitution index for supply risk, 0-1 (SI_SR; 1 = no substitute).';
comment on column ref.commodity_eu_factor.assessment is 'Assessment the values come from (e.g. EC 2023 CRM study).';
comment on column ref.commodity_eu_factor.citation is 'Publication, table or factsheet and page of the values.';
comment on column ref.commodity_eu_factor.missing_reason is 'Why a value is null.';

insert into ref.commodity_eu_factor (commodity, stage, missing_reason)
select c.commodity_code, s.stage_code,
       'not transcribed: no copy of the EC criticality factsheets (2023 CRM study, SCRREEN2) was at hand to cite; set eol_rir, si_sr and citation from the factsheet'
from ref.commodity as c
cross join (values ('mine'), ('refinery')) as s (stage_code)
where c.commodity_code in ('cobalt', 'gallium', 'germanium', 'graphite', 'lithium', 'nickel', 'rare_earths',
                           'manganese', 'niobium', 'tantalum', 'tungsten', 'vanadium', 'antimony', 'platinum', 'palladium');
