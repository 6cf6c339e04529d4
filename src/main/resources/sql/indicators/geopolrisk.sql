-- GeoPolRisk: geopolitical supply risk of an importer (Gemechu et al. 2016; Helbig et al. 2016; Koyamparambath et
--   al. 2022 and their geopolrisk-py).
-- Grain: basis (reported, reconciled) x trade source (comtrade, baci) x production source (usgs_mcs, wmd) x importer
--   (a country, or a group of ref.country_group as one economic unit) x commodity x stage (of the traded HS codes) x year.
-- Units: hhi, weighted_risk and geopolrisk dimensionless 0-1; tonnes; price USD/kg; geopolrisk_cf USD/kg.
-- Formula: geopolrisk = HHI x sum_i(g_i x f_i) / (p + F), where
--   HHI = sum of squared production shares (fractions) of the producing countries: indicator.v_concentration hhi / 10,000
--         (latest edition), of the traded stage where the source has it, else of the mine stage (production_stage),
--   f_i = net weight (t) imported from supplier i, F = sum of f_i (flows without a net weight are left out, their value in
--         value_without_weight_usd),
--   g_i = (2.5 - PV_i) / 5 clamped to 0-1, PV the WGI "Political Stability and Absence of Violence" estimate of supplier i
--         in the trade year or the latest earlier one (wgi_year); a supplier without a score (or not a country) gets 0.5,
--         as geopolrisk-py does (imputed_wgi_share_pct says how much of F that is),
--   p = the importer's domestic production (t) of the same production source, edition, commodity and stage; 0 when the
--         source does not list it; withheld (W) makes geopolrisk null, geopolrisk_upper then takes p = 0.
--   A group's imports are its members' imports from non-members, its p its members' production.
--   Optional price factor (geopolrisk-py's characterization factor): geopolrisk_cf = geopolrisk x price_usd_per_kg, the
--   importer's average import price (value / weight of the flows with a weight).
-- Source: indicator.trade_import (base_trade_imports.sql: indicator.classified_imports as basis reported,
--   classified_imports_reconciled as basis reconciled), indicator.v_concentration and production_share_base,
--   ref.governance_indicator PV.EST.
-- Years: the trade years this recompute takes (indicator.trade_year_recompute, base_trade_imports.sql); the rows
--   of the other years stay as they are.

set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;
-- the sorts and hashes of the classified trade rows (about a hundred thousand per BACI year) fit in memory
set local work_mem = '64MB';

delete from indicator.geopolrisk
where year = any (array(select year from indicator.trade_year_recompute));

insert into indicator.geopolrisk (
    basis, trade_source, production_source, importer_kind, importer_code, commodity, stage, year, production_stage,
    production_edition, hhi, wgi_year, imports_t, domestic_production_t, domestic_production_withheld, weighted_risk,
    geopolrisk, geopolrisk_upper, imputed_wgi_share_pct, price_usd_per_kg, geopolrisk_cf, n_suppliers,
    value_without_weight_usd, null_reason
)
with trade as (
    select basis, source, reporter_iso3, partner_iso3, partner_kind, commodity, stage, year::integer as year,
           value_usd, net_weight_t
    from indicator.trade_import
    where flow = 'M' and reporter_iso3 is not null
      and year = any (array(select year from indicator.trade_year_recompute))
),

importers as (
    select basis, source, 'country'::text as importer_kind, reporter_iso3::text as importer_code, partner_iso3, partner_kind,
           commodity, stage, year, value_usd, net_weight_t
    from trade
    union all
    select t.basis, t.source, 'group', m.group_code, t.partner_iso3, t.partner_kind, t.commodity, t.stage, t.year,
           t.value_usd, t.net_weight_t
    from trade as t
    join ref.country_group_member as m on m.iso3 = t.reporter_iso3
    where not exists (select 1 from ref.country_group_member as o
                      where o.group_code = m.group_code and o.iso3 = t.partner_iso3)
),

pv as (
    select iso3, year, least(greatest((2.5 - value) / 5.0, 0), 1) as g
    from ref.governance_indicator
    where indicator_code = 'PV.EST'
),

-- materialized: pulled up into its join, the scalar subquery would run once per import flow, not once per year.
-- The years are the recompute's, not read from importers: a second reference would materialize the import flows
key_wgi_year as materialized (
    select y.year::integer as year, (select max(p.year) from pv as p where p.year <= y.year) as wgi_year
    from indicator.trade_year_recompute as y
),

scored as (
    select i.*, k.wgi_year, p.g
    from importers as i
    join key_wgi_year as k on k.year = i.year
    left join pv as p on p.iso3 = i.partner_iso3 and p.year = k.wgi_year
),

imports as (
    select
        basis, source, importer_kind, importer_code, commodity, stage, year, wgi_year,
        sum(net_weight_t) filter (where net_weight_t > 0)                               as imports_t,
        sum(coalesce(g, 0.5) * net_weight_t) filter (where net_weight_t > 0)            as risk_weighted_t,
        sum(net_weight_t) filter (where net_weight_t > 0 and g is null)                 as imputed_t,
        sum(value_usd) filter (where net_weight_t > 0)                                  as value_with_weight_usd,
        coalesce(sum(value_usd) filter (where net_weight_t is null or net_weight_t <= 0), 0) as value_without_weight_usd,
        count(distinct coalesce(partner_iso3::text, partner_kind)) filter (where net_weight_t > 0) as n_suppliers
    from scored
    group by basis, source, importer_kind, importer_code, commodity, stage, year, wgi_year
),

production_hhi as (
    select source, edition, commodity, stage, year, hhi / 10000.0 as hhi
    from indicator.v_concentration
    where hhi is not null
),

matched as (
    select
        i.*, h.source as production_source, h.edition as production_edition, h.stage as production_stage, h.hhi,
        row_number() over (partition by i.basis, i.source, i.importer_kind, i.importer_code, i.commodity, i.stage, i.year, h.source
                           order by h.stage = i.stage desc, h.stage = 'mine' desc, h.stage) as stage_rank
    from imports as i
    join production_hhi as h on h.commodity = i.commodity and h.year = i.year
),

unmatched as (
    select i.*
    from imports as i
    where not exists (select 1 from production_hhi as h where h.commodity = i.commodity and h.year = i.year)
),

domestic as (
    select source, edition, commodity, stage, year, 'country'::text as importer_kind, country_iso3::text as importer_code,
           sum(quantity_t) as production_t, bool_or(quantity_t is null) as withheld
    from indicator.production_share_base
    group by source, edition, commodity, stage, year, country_iso3
    union all
    select b.source, b.edition, b.commodity, b.stage, b.year, 'group', m.group_code,
           sum(b.quantity_t), bool_or(b.quantity_t is null)
    from indicator.production_share_base as b
    join ref.country_group_member as m on m.iso3 = b.country_iso3
    group by b.source, b.edition, b.commodity, b.stage, b.year, m.group_code
),

computed as (
    select
        m.*,
        coalesce(d.production_t, 0)          as p_t,
        coalesce(d.withheld, false)          as withheld
    from matched as m
    left join domestic as d
           on d.source = m.production_source and d.edition = m.production_edition and d.commodity = m.commodity
          and d.stage = m.production_stage and d.year = m.year
          and d.importer_kind = m.importer_kind and d.importer_code = m.importer_code
    where m.stage_rank = 1
)

select
    basis, source, production_source, importer_kind, importer_code, commodity, stage, year, production_stage,
    production_edition, round(hhi, 6), wgi_year, imports_t, case when withheld then null else p_t end, withheld,
    case when not withheld then round(risk_weighted_t / nullif(p_t + imports_t, 0), 6) end,
    case when not withheld then round(hhi * risk_weighted_t / nullif(p_t + imports_t, 0), 6) end,
    round(hhi * risk_weighted_t / nullif(case when withheld then 0 else p_t end + imports_t, 0), 6),
    round(100.0 * coalesce(imputed_t, 0) / nullif(imports_t, 0), 4),
    round(value_with_weight_usd / nullif(imports_t * 1000, 0), 6),
    case when not withheld then round(hhi * risk_weighted_t / nullif(p_t + imports_t, 0)
                                      * value_with_weight_usd / nullif(imports_t * 1000, 0), 6) end,
    n_suppliers, value_without_weight_usd,
    case when withheld then 'domestic production withheld (W): geopolrisk_upper takes it as 0'
         when coalesce(imports_t, 0) + p_t = 0 then 'no imports with a net weight and no domestic production' end
from computed
union all
select
    basis, source, 'none', importer_kind, importer_code, commodity, stage, year, null, null, null, wgi_year, imports_t,
    null, false, null, null, null, round(100.0 * coalesce(imputed_t, 0) / nullif(imports_t, 0), 4),
    round(value_with_weight_usd / nullif(imports_t * 1000, 0), 6), null, n_suppliers, value_without_weight_usd,
    'no production data for the commodity and year: no HHI'
from unmatched;
