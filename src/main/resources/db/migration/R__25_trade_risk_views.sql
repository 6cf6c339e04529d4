-- Public views of the trade-based risk indicators (sql/indicators/geopolrisk.sql, eu_supply_risk.sql). Formulas,
-- grain, units and caveats in docs/risk-methods.md.

create or replace view indicator.v_geopolrisk as
select basis, trade_source, production_source, importer_kind, importer_code, commodity, stage, year, geopolrisk,
       geopolrisk_upper, hhi, weighted_risk, imports_t, domestic_production_t, domestic_production_withheld,
       imputed_wgi_share_pct, price_usd_per_kg, geopolrisk_cf, n_suppliers, value_without_weight_usd, production_stage,
       production_edition, wgi_year, null_reason, computed_at
from indicator.geopolrisk;

comment on view indicator.v_geopolrisk is 'GeoPolRisk (Gemechu et al. 2016; Koyamparambath et al. 2022, geopolrisk-py): HHI of world production x the import-weighted political instability of the importer''s suppliers, over its imports plus domestic production. One row per (basis, trade_source, production_source, importer_kind, importer_code, commodity, stage, year). Dimensionless 0-1. Filter basis = ''reconciled'' (the default basis) or ''reported''.';
comment on column indicator.v_geopolrisk.basis is 'reconciled (the importer''s report, else the exporter''s mirror: warehouse.v_trade_reconciled) or reported (the importer''s report only).';
comment on column indicator.v_geopolrisk.trade_source is 'comtrade or baci: the trade the imports come from (sources never mixed).';
comment on column indicator.v_geopolrisk.production_source is 'usgs_mcs or wmd: the production the HHI and the domestic production come from; none when no source has the commodity and year.';
comment on column indicator.v_geopolrisk.importer_kind is 'country, or group (a ref.country_group as one economic unit: its members'' imports from non-members, its members'' production).';
comment on column indicator.v_geopolrisk.importer_code is 'ISO3 of the importing country, or the group_code.';
comment on column indicator.v_geopolrisk.commodity is 'Commodity (ref.commodity) of the traded HS codes.';
comment on column indicator.v_geopolrisk.stage is 'Stage of the traded HS codes (mine, refinery, product).';
comment on column indicator.v_geopolrisk.year is 'Trade and production year.';
comment on column indicator.v_geopolrisk.geopolrisk is 'hhi x weighted_risk, 0-1; null when the domestic production is withheld or no production data exist (null_reason).';
comment on column indicator.v_geopolrisk.geopolrisk_upper is 'geopolrisk with a withheld domestic production taken as 0: an upper bound; equals geopolrisk otherwise.';
comment on column indicator.v_geopolrisk.hhi is 'Herfindahl-Hirschman index of world production, sum of squared country shares as fractions (0-1): indicator.v_concentration hhi / 10,000.';
comment on column indicator.v_geopolrisk.weighted_risk is 'sum_i(g_i x f_i) / (p + F): the import-weighted political instability; g_i = (2.5 - WGI PV.EST) / 5 clamped to 0-1, 0.5 when missing.';
comment on column indicator.v_geopolrisk.imports_t is 'F: net weight imported (tonnes), flows with a net weight only.';
comment on column indicator.v_geopolrisk.domestic_production_t is 'p: the importer''s production (tonnes) of production_stage in production_source; 0 when not listed; null when withheld.';
comment on column indicator.v_geopolrisk.domestic_production_withheld is 'True when the production source withholds (W) the importer''s (a member''s) production.';
comment on column indicator.v_geopolrisk.imputed_wgi_share_pct is 'Percent of imports_t from suppliers without a WGI political stability score (non-country areas included), scored 0.5 as geopolrisk-py does.';
comment on column indicator.v_geopolrisk.price_usd_per_kg is 'Average import price: value / net weight of the flows with a weight (USD per kg; CIF for Comtrade importer figures, FOB for BACI).';
comment on column indicator.v_geopolrisk.geopolrisk_cf is 'geopolrisk x price_usd_per_kg: the optional price factor of the method''s characterization factor (not divided by copper''s, as the GSP would be).';
comment on column indicator.v_geopolrisk.n_suppliers is 'Suppliers with a net weight (countries; non-country areas counted by kind).';
comment on column indicator.v_geopolrisk.value_without_weight_usd is 'Value of the import flows without a net weight, left out of every tonnage.';
comment on column indicator.v_geopolrisk.production_stage is 'Stage of the production the HHI comes from: the traded stage where the source has it, else mine.';
comment on column indicator.v_geopolrisk.production_edition is 'Edition of the production figures (latest).';
comment on column indicator.v_geopolrisk.wgi_year is 'WGI year used: the trade year or the latest earlier one published.';
comment on column indicator.v_geopolrisk.null_reason is 'Why geopolrisk is null.';
comment on column indicator.v_geopolrisk.computed_at is 'When the indicators job computed the row.';

create or replace view indicator.v_eu_supply_risk as
select basis, trade_source, production_source, group_code, commodity, stage, year, supply_risk,
       supply_risk_before_factors, hhi_wgi_global, hhi_wgi_sourcing, import_reliance, eol_rir, si_sr, imports_t,
       exports_t, group_production_t, group_production_withheld, global_wgi_coverage_pct, sourcing_wgi_coverage_pct,
       production_stage, production_edition, wgi_year, null_reason, computed_at
from indicator.eu_supply_risk;

comment on view indicator.v_eu_supply_risk is 'Supply risk by the EU criticality method (European Commission 2017): SR = [HHI_WGI,GS x IR/2 + HHI_WGI,sourcing x (1 - IR/2)] x (1 - EoL_RIR) x SI_SR, for any group of ref.country_group as the sourcing unit. One row per (basis, trade_source, production_source, group_code, commodity, stage, year). Scale 0-10 like the method''s.';
comment on column indicator.v_eu_supply_risk.basis is 'reconciled (the default trade basis) or reported.';
comment on column indicator.v_eu_supply_risk.trade_source is 'comtrade or baci: the trade imports and exports come from.';
comment on column indicator.v_eu_supply_risk.production_source is 'usgs_mcs or wmd: the production of the global supply and of the group.';
comment on column indicator.v_eu_supply_risk.group_code is 'ref.country_group: eu27, allied_bloc or any group; its members'' trade with non-members only.';
comment on column indicator.v_eu_supply_risk.commodity is 'Commodity (ref.commodity).';
comment on column indicator.v_eu_supply_risk.stage is 'Stage of the traded HS codes.';
comment on column indicator.v_eu_supply_risk.year is 'Trade and production year.';
comment on column indicator.v_eu_supply_risk.supply_risk is 'SR: supply_risk_before_factors x (1 - eol_rir) x si_sr; null when a factor is missing (null_reason).';
comment on column indicator.v_eu_supply_risk.supply_risk_before_factors is 'HHI_WGI,GS x IR/2 + HHI_WGI,sourcing x (1 - IR/2).';
comment on column indicator.v_eu_supply_risk.hhi_wgi_global is 'HHI_WGI of global supply: sum of squared world production shares (fractions) x scaled WGI (0-10; the six estimates averaged).';
comment on column indicator.v_eu_supply_risk.hhi_wgi_sourcing is 'HHI_WGI of the group''s sourcing: its members'' production and its imports from each non-member, as shares of their sum.';
comment on column indicator.v_eu_supply_risk.import_reliance is 'IR = (imports - exports) / (group production + imports - exports), tonnes, bounded to 0-1; null when a member''s production is withheld.';
comment on column indicator.v_eu_supply_risk.eol_rir is 'End-of-life recycling input rate (ref.commodity_eu_factor), fraction.';
comment on column indicator.v_eu_supply_risk.si_sr is 'Substitution index for supply risk (ref.commodity_eu_factor), 0-1.';
comment on column indicator.v_eu_supply_risk.imports_t is 'Members'' imports from non-members, tonnes (flows with a net weight).';
comment on column indicator.v_eu_supply_risk.exports_t is 'Members'' exports to non-members, tonnes.';
comment on column indicator.v_eu_supply_risk.group_production_t is 'Members'' production of production_stage, tonnes; null when one is withheld.';
comment on column indicator.v_eu_supply_risk.group_production_withheld is 'True when a member''s production is withheld (W).';
comment on column indicator.v_eu_supply_risk.global_wgi_coverage_pct is 'Percent of world production (by share) whose producer has the six WGI estimates; the rest is left out of hhi_wgi_global.';
comment on column indicator.v_eu_supply_risk.sourcing_wgi_coverage_pct is 'Percent of the group''s sourcing whose supplier has the six WGI estimates; the rest is left out of hhi_wgi_sourcing.';
comment on column indicator.v_eu_supply_risk.production_stage is 'Stage of the production used: the traded stage where the source has it, else mine; also the key of ref.commodity_eu_factor.';
comment on column indicator.v_eu_supply_risk.production_edition is 'Edition of the production figures (latest).';
comment on column indicator.v_eu_supply_risk.wgi_year is 'WGI year used: the trade year or the latest earlier one published.';
comment on column indicator.v_eu_supply_risk.null_reason is 'Why supply_risk is null.';
comment on column indicator.v_eu_supply_risk.computed_at is 'When the indicators job computed the row.';
