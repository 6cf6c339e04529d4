-- Public indicator views: the latest edition per key (one row per key), like warehouse.v_production.
-- History by edition stays in the indicator.* tables.

create or replace view indicator.v_china_share as
with ranked as (
    select c.*, row_number() over (partition by source, commodity, stage, year order by edition desc) as edition_rank
    from indicator.china_share as c
)
select source, commodity, stage, year, edition, china_t, world_t, share_basis, china_share_pct, greater_china_share_pct,
       greater_china_t, china_listed, china_share_lower_pct, china_share_upper_pct, n_countries, n_withheld,
       world_note, source_file_ids, computed_at
from ranked
where edition_rank = 1;

comment on view indicator.v_china_share is 'China''s share of production by source, commodity, stage and year (latest edition). Grain: one row per (source, commodity, stage, year). Units: tonnes and percent.';
comment on column indicator.v_china_share.source is 'Publisher series (usgs_mcs, wmd); sources are never mixed.';
comment on column indicator.v_china_share.commodity is 'Commodity code (ref.commodity).';
comment on column indicator.v_china_share.stage is 'mine, refinery or product.';
comment on column indicator.v_china_share.year is 'Data year.';
comment on column indicator.v_china_share.edition is 'Edition the figures come from (latest available for the key).';
comment on column indicator.v_china_share.china_t is 'China (mainland, CHN) production in tonnes; 0 when China is not listed; null when withheld.';
comment on column indicator.v_china_share.world_t is 'Denominator in tonnes: the reported world total, else the sum of countries (see share_basis).';
comment on column indicator.v_china_share.share_basis is 'reported_world_total or sum_of_countries.';
comment on column indicator.v_china_share.china_share_pct is '100 * china_t / world_t.';
comment on column indicator.v_china_share.greater_china_share_pct is '100 * (CHN + HKG + MAC) / world_t.';
comment on column indicator.v_china_share.china_listed is 'False when the source does not list China for this key (its share is then 0).';
comment on column indicator.v_china_share.china_share_lower_pct is 'Lower bound of the share (equals the share unless China is withheld).';
comment on column indicator.v_china_share.china_share_upper_pct is 'Upper bound: when China is withheld, what the reported world total leaves for it.';
comment on column indicator.v_china_share.n_withheld is 'Producers whose figure is withheld (W): not counted as zero.';
comment on column indicator.v_china_share.source_file_ids is 'Lineage: etl.source_file ids the figures come from.';
comment on column indicator.v_china_share.computed_at is 'When the indicators job computed the row.';

create or replace view indicator.v_concentration as
with ranked as (
    select c.*, row_number() over (partition by source, commodity, stage, year order by edition desc) as edition_rank
    from indicator.concentration as c
)
select source, commodity, stage, year, edition, n_producers, hhi, hhi_upper, cr1, cr3, top1_iso3, top1_share_pct, band,
       world_t, share_basis, n_withheld, residual_share_pct, source_file_ids, computed_at
from ranked
where edition_rank = 1;

comment on view indicator.v_concentration is 'Concentration of production among countries (latest edition per source, commodity, stage, year). band applies the 2023 US Merger Guidelines thresholds (unconcentrated < 1,000 <= moderate <= 1,800 < high) to countries as an ANALOGY only: countries are not firms.';
comment on column indicator.v_concentration.n_producers is 'Countries with a positive known production.';
comment on column indicator.v_concentration.hhi is 'Herfindahl-Hirschman index, 0-10,000: sum of squared country shares in percent; the "Other countries" residual counted as many small producers.';
comment on column indicator.v_concentration.hhi_upper is 'HHI with the residual ("Other countries" row, else the unattributed part of the reported world total) counted as one producer.';
comment on column indicator.v_concentration.cr1 is 'Share of the largest producer, percent.';
comment on column indicator.v_concentration.cr3 is 'Sum of the three largest shares, percent.';
comment on column indicator.v_concentration.top1_iso3 is 'Largest producer (ISO alpha-3).';
comment on column indicator.v_concentration.top1_share_pct is 'Share of the largest producer, percent (= cr1).';
comment on column indicator.v_concentration.band is 'unconcentrated, moderately concentrated or highly concentrated (merger-guideline analogy).';
comment on column indicator.v_concentration.residual_share_pct is 'Share of the residual used by hhi_upper, percent.';
comment on column indicator.v_concentration.n_withheld is 'Producers withheld (W), without a share.';

create or replace view indicator.v_group_share as
with ranked as (
    select g.*, row_number() over (partition by group_code, source, commodity, stage, year order by edition desc) as edition_rank
    from indicator.group_share as g
)
select group_code, source, commodity, stage, year, share_pct, group_t, world_t, share_basis, n_members_listed,
       n_members_withheld, edition, computed_at
from ranked
where edition_rank = 1;

comment on view indicator.v_group_share is 'Share of production by country group of ref.country_group (china_mainland, greater_china, eu27, allied_bloc, ...), latest edition per key.';
comment on column indicator.v_group_share.group_code is 'ref.country_group.group_code; edit ref.country_group_member and rerun jobs/etl indicators.';
comment on column indicator.v_group_share.share_pct is '100 * members'' production / world_t; null when a member is withheld.';
comment on column indicator.v_group_share.n_members_withheld is 'Members whose figure is withheld (W).';

create or replace view indicator.v_net_import_reliance as
with ranked as (
    select n.*, row_number() over (partition by commodity, year, detail order by edition desc) as edition_rank
    from indicator.net_import_reliance as n
)
select commodity, year, edition, detail, nir_computed_pct, nir_published, nir_published_qualifier, nir_published_bound,
       agrees, not_computable_reason, production_t, imports_t, exports_t, stock_change_t, apparent_consumption_t,
       computed_at, method, component_unit
from ranked
where edition_rank = 1;

comment on view indicator.v_net_import_reliance is 'US net import reliance: computed from the salient statistics (apparent consumption = production + imports - exports + stock change; NIR = (imports - exports + stock change) / apparent consumption) beside the USGS published figure. Latest edition per (commodity, year, detail).';
comment on column indicator.v_net_import_reliance.detail is 'Detail of the published NIR ('''' for the commodity, or e.g. sponge/dioxide, palladium/platinum).';
comment on column indicator.v_net_import_reliance.nir_computed_pct is 'Computed NIR, percent; null when not computable (see not_computable_reason).';
comment on column indicator.v_net_import_reliance.nir_published is 'Published NIR as a number (null for E, > and < forms).';
comment on column indicator.v_net_import_reliance.nir_published_qualifier is 'E (net exporter), > or < (bound in nir_published_bound); null for a plain number.';
comment on column indicator.v_net_import_reliance.nir_published_bound is 'The bound of a > or < published NIR, percent.';
comment on column indicator.v_net_import_reliance.agrees is 'True when the computed NIR matches the published one (within 2 points; > / < / E forms by their meaning); null when either is unknown.';
comment on column indicator.v_net_import_reliance.method is 'usgs_parts: the parts USGS counts for the commodity (ref.usgs_nir_rule, ref.usgs_nir_part); generic: production + imports - exports + stock change in tonnes.';
comment on column indicator.v_net_import_reliance.component_unit is 'Unit of production_t, imports_t, exports_t, stock_change_t and apparent_consumption_t: t, or m3 (helium) / usd (gemstones, dimension stone) where USGS publishes the commodity so.';

create or replace view indicator.v_supply_risk_wgi as
with ranked as (
    select s.*, row_number() over (partition by source, commodity, stage, year order by edition desc) as edition_rank
    from indicator.supply_risk_wgi as s
)
select source, commodity, stage, year, hhi_wgi, wgi_year, coverage_pct, n_producers, edition, computed_at
from ranked
where edition_rank = 1;

comment on view indicator.v_supply_risk_wgi is 'EU criticality method supply risk term HHI_WGI: sum of squared production shares (fractions) times World Governance Indicators rescaled 0-10 (10 = worst: (2.5 - mean of the six estimates) * 2). Latest edition per key.';
comment on column indicator.v_supply_risk_wgi.hhi_wgi is 'HHI of fractions weighted by scaled WGI, 0-10.';
comment on column indicator.v_supply_risk_wgi.wgi_year is 'WGI year used (production year or latest earlier).';
comment on column indicator.v_supply_risk_wgi.coverage_pct is 'Part of the listed producers'' output (by share) from countries with a WGI, percent.';

create or replace view indicator.v_stockpile_cover as
select commodity, as_of, quantity_t, days_of_net_imports, days_of_consumption, reference_year, reference_edition,
       net_imports_t, apparent_consumption_t, computed_at
from indicator.stockpile_cover;

comment on view indicator.v_stockpile_cover is 'Stockpile holdings (jobs/etl import stockpile) against the latest US net imports and apparent consumption.';
comment on column indicator.v_stockpile_cover.days_of_net_imports is 'quantity_t / (net imports per year / 365).';
comment on column indicator.v_stockpile_cover.days_of_consumption is 'quantity_t / (apparent consumption per year / 365).';
comment on column indicator.v_stockpile_cover.reference_year is 'Year of the salient statistics used.';

create or replace view indicator.v_yoy_change as
with shares as (
    select source, commodity, stage, year, china_share_pct from indicator.v_china_share
),

concentration as (
    select source, commodity, stage, year, hhi from indicator.v_concentration
),

joined as (
    select s.source, s.commodity, s.stage, s.year, s.china_share_pct, c.hhi
    from shares as s
    left join concentration as c using (source, commodity, stage, year)
),

final as (
    select
        j.*,
        lag(j.year) over w            as previous_year,
        j.china_share_pct - lag(j.china_share_pct) over w as china_share_change_pp,
        j.hhi - lag(j.hhi) over w     as hhi_change
    from joined as j
    window w as (partition by j.source, j.commodity, j.stage order by j.year)
)

select * from final;

comment on view indicator.v_yoy_change is 'Year-over-year change of China share (percentage points) and HHI, per source, commodity and stage, against the previous year available.';
comment on column indicator.v_yoy_change.previous_year is 'The year compared with (the previous one the source has).';
comment on column indicator.v_yoy_change.china_share_change_pp is 'china_share_pct minus the previous year''s, in percentage points.';
comment on column indicator.v_yoy_change.hhi_change is 'HHI minus the previous year''s.';

create or replace view indicator.v_import_dependence as
select source, reporter_iso3, commodity, stage, year, flow, total_value_usd, total_t, china_value_share_pct,
       china_qty_share_pct, greater_china_value_share_pct, supplier_hhi, top_supplier_iso3, top_supplier_share_pct,
       n_suppliers, world_total_value_usd, china_share_of_world_total_pct, non_country_value_usd, is_proxy, editions,
       computed_at, basis
from indicator.import_dependence;

comment on view indicator.v_import_dependence is 'Import dependence of a reporter by commodity, stage, year and flow (M, RM), from warehouse.v_trade (latest edition per trade key). Partner World and non-country areas (nes, bunkers, free zones) are EXCLUDED from the denominators of every share; their value is in non_country_value_usd. Sources (comtrade, baci) are never mixed.';
comment on column indicator.v_import_dependence.total_value_usd is 'Imports from partner countries, USD (CIF for Comtrade imports, FOB for BACI).';
comment on column indicator.v_import_dependence.total_t is 'Net weight from partner countries, tonnes.';
comment on column indicator.v_import_dependence.china_value_share_pct is '100 * imports from CHN / total_value_usd.';
comment on column indicator.v_import_dependence.china_qty_share_pct is '100 * net weight from CHN / total_t.';
comment on column indicator.v_import_dependence.greater_china_value_share_pct is '100 * imports from CHN + HKG + MAC / total_value_usd.';
comment on column indicator.v_import_dependence.supplier_hhi is 'HHI of partner value shares in percent, 0-10,000.';
comment on column indicator.v_import_dependence.top_supplier_iso3 is 'Largest partner country by value.';
comment on column indicator.v_import_dependence.top_supplier_share_pct is 'Its share of total_value_usd, percent.';
comment on column indicator.v_import_dependence.world_total_value_usd is 'The reporter''s imports from partner World (same HS codes), when reported.';
comment on column indicator.v_import_dependence.china_share_of_world_total_pct is '100 * imports from CHN / world_total_value_usd: the right share when an extract lists only some partners.';
comment on column indicator.v_import_dependence.is_proxy is 'True when an HS code used is a proxy (a basket such as 8112.92 for gallium).';

create or replace view indicator.v_group_dependence as
select group_code, source, commodity, stage, year, flow, n_reporters, total_value_usd, china_value_share_pct,
       intra_group_share_pct, is_proxy, computed_at, basis
from indicator.group_dependence;

comment on view indicator.v_group_dependence is 'For a country group as importer (its members'' reported imports): the share of the value coming from China and from inside the group. Partner World and non-country areas excluded.';
comment on column indicator.v_group_dependence.china_value_share_pct is '100 * members'' imports from CHN / members'' imports from partner countries.';
comment on column indicator.v_group_dependence.intra_group_share_pct is '100 * members'' imports from other members / members'' imports from partner countries.';
comment on column indicator.v_group_dependence.n_reporters is 'Members that reported imports.';
