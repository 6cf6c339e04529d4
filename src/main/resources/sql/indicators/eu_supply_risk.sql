-- Supply risk by the EU criticality method (European Commission 2017, "Methodology for establishing the EU list of
--   critical raw materials"), for any group of ref.country_group (eu27, allied_bloc, ...) as the sourcing unit.
-- Grain: basis (reported, reconciled) x trade source (comtrade, baci) x production source (usgs_mcs, wmd) x group x
--   commodity x stage (of the traded HS codes) x year. Rows where the group's members trade the commodity and the
--   production source has it for the year.
-- Units: supply risk and HHI_WGI on the method's 0-10 scale; tonnes; import_reliance, eol_rir, si_sr fractions 0-1.
-- Formula: SR = [HHI_WGI,GS x IR/2 + HHI_WGI,sourcing x (1 - IR/2)] x (1 - EoL_RIR) x SI_SR, where
--   HHI_WGI = sum_i S_i^2 x WGI_i, S_i a fraction, WGI_i = (2.5 - mean of the six WGI estimates of country i) x 2
--     (0 best, 10 worst governance), the WGI year the trade year or the latest earlier one; a country without the six
--     estimates is left out (the *_coverage_pct columns say how much of the supply had one); the method's trade
--     restriction factor t is taken as 1,
--   GS (global supply): the production shares of the production source (latest edition), of the traded stage where
--     the source has it, else of the mine stage (production_stage),
--   sourcing: the group's own production (each member with its WGI) and its imports from each non-member (t),
--   IR = (imports - exports) / (group production + imports - exports), imports from and exports to non-members in
--     tonnes, bounded to 0-1 (0 for a net exporter),
--   EoL_RIR and SI_SR from ref.commodity_eu_factor (commodity, production stage): missing ones make SR null, with
--     the reason; supply_risk_before_factors is the bracket alone.
-- Source: indicator.trade_import (base_trade_imports.sql: both bases), warehouse.trade_classified (exports, basis
--   reported), warehouse.trade_mirror_pair (exports, basis reconciled: the weights of warehouse.v_trade_reconciled),
--   indicator.production_share_base,
--   ref.governance_indicator, ref.commodity_eu_factor.
-- Years: the trade years this recompute takes (indicator.trade_year_recompute, base_trade_imports.sql); the rows
--   of the other years stay as they are.

set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;
-- the sorts and hashes of the classified trade rows (about a hundred thousand per BACI year) fit in memory
set local work_mem = '64MB';

delete from indicator.eu_supply_risk
where year = any (array(select year from indicator.trade_year_recompute));

insert into indicator.eu_supply_risk (
    basis, trade_source, production_source, group_code, commodity, stage, year, production_stage, production_edition,
    wgi_year, hhi_wgi_global, global_wgi_coverage_pct, group_production_t, group_production_withheld, imports_t,
    exports_t, import_reliance, hhi_wgi_sourcing, sourcing_wgi_coverage_pct, supply_risk_before_factors, eol_rir, si_sr,
    supply_risk, null_reason
)
with imports as (
    select basis, source, reporter_iso3 as importer_iso3, partner_iso3 as exporter_iso3, commodity, stage,
           year::integer as year, net_weight_t
    from indicator.trade_import
    where flow = 'M' and reporter_iso3 is not null and partner_kind = 'country'
      and year = any (array(select year from indicator.trade_year_recompute))
),

reported_exports as (
    select source, reporter_code, reporter_iso3 as exporter_iso3, partner_iso3 as importer_iso3, commodity, stage,
           year::integer as year, hs_code, net_weight_t
    from warehouse.trade_classified
    where flow = 'X' and reporter_iso3 is not null and partner_kind = 'country'
      and year = any (array(select year from indicator.trade_year_recompute))
),

pairs as materialized (
    -- the classified flows with both sides' reports, read once for the flows and for their subheadings
    select exporter_code, exporter_iso3, importer_iso3, commodity, stage, year::integer as year, hs_code,
           importer_value_usd, importer_net_weight_t, exporter_value_usd, exporter_net_weight_t, baci_value_usd,
           baci_net_weight_t
    from warehouse.trade_mirror_pair
    where is_classified
      and year = any (array(select year from indicator.trade_year_recompute))
),

exports as (
    select 'reported'::text as basis, e.source, e.exporter_iso3, e.importer_iso3, e.commodity, e.stage, e.year, e.net_weight_t
    from reported_exports as e
    where not exists (select 1 from reported_exports as s
                      where s.source = e.source and s.reporter_code = e.reporter_code and s.year = e.year
                        and length(s.hs_code) = 6 and left(s.hs_code, 4) = e.hs_code)
    union all
    select 'reconciled', s.source, r.exporter_iso3, r.importer_iso3, r.commodity, r.stage, r.year, s.net_weight_t
    from pairs as r
    cross join lateral (values
        ('comtrade', coalesce(r.exporter_net_weight_t, r.importer_net_weight_t),
         r.importer_value_usd is not null or r.exporter_value_usd is not null),
        ('baci', r.baci_net_weight_t, r.baci_value_usd is not null)
    ) as s (source, net_weight_t, present)
    where s.present and r.exporter_iso3 is not null and r.importer_iso3 is not null
      and not (length(r.hs_code) = 4 and exists (select 1 from pairs as h
                                                 where h.exporter_code = r.exporter_code
                                                   and h.year = r.year and length(h.hs_code) = 6
                                                   and left(h.hs_code, 4) = r.hs_code))
),

group_imports as (
    select i.basis, i.source, m.group_code, i.commodity, i.stage, i.year, i.exporter_iso3, sum(i.net_weight_t) as t
    from imports as i
    join ref.country_group_member as m on m.iso3 = i.importer_iso3
    where i.net_weight_t > 0
      and not exists (select 1 from ref.country_group_member as o where o.group_code = m.group_code and o.iso3 = i.exporter_iso3)
    group by i.basis, i.source, m.group_code, i.commodity, i.stage, i.year, i.exporter_iso3
),

group_exports as (
    select e.basis, e.source, m.group_code, e.commodity, e.stage, e.year, sum(e.net_weight_t) as t
    from exports as e
    join ref.country_group_member as m on m.iso3 = e.exporter_iso3
    where e.net_weight_t > 0
      and not exists (select 1 from ref.country_group_member as o where o.group_code = m.group_code and o.iso3 = e.importer_iso3)
    group by e.basis, e.source, m.group_code, e.commodity, e.stage, e.year
),

trade_keys as (
    select basis, source, group_code, commodity, stage, year from group_imports
    union
    select basis, source, group_code, commodity, stage, year from group_exports
),

latest_production as (
    select b.*
    from indicator.production_share_base as b
    join indicator.v_concentration as c
      on c.source = b.source and c.edition = b.edition and c.commodity = b.commodity and c.stage = b.stage and c.year = b.year
),

production_keys as (
    select distinct source, edition, commodity, stage, year from latest_production
),

matched as (
    select
        k.*, p.source as production_source, p.edition as production_edition, p.stage as production_stage,
        row_number() over (partition by k.basis, k.source, k.group_code, k.commodity, k.stage, k.year, p.source
                           order by p.stage = k.stage desc, p.stage = 'mine' desc, p.stage) as stage_rank
    from trade_keys as k
    join production_keys as p on p.commodity = k.commodity and p.year = k.year
),

wgi_mean as (
    select iso3, year, (2.5 - avg(value)) * 2 as wgi_scaled
    from ref.governance_indicator
    where indicator_code in ('CC.EST', 'GE.EST', 'PV.EST', 'RQ.EST', 'RL.EST', 'VA.EST')
    group by iso3, year
    having count(*) = 6
),

wgi_years as materialized (
    select y.year, (select max(w.year) from wgi_mean as w where w.year <= y.year) as wgi_year
    from (select distinct year from matched) as y
),

keys as (
    select m.*, y.wgi_year
    from matched as m
    join wgi_years as y on y.year = m.year
    where m.stage_rank = 1
),

global_supply as (
    select
        k.basis, k.source, k.group_code, k.commodity, k.stage, k.year, k.production_source,
        sum((b.share_pct / 100.0) ^ 2 * w.wgi_scaled) as hhi_wgi_global,
        100.0 * sum(b.share_pct) filter (where w.wgi_scaled is not null) / nullif(sum(b.share_pct), 0) as coverage_pct
    from keys as k
    join latest_production as b
      on b.source = k.production_source and b.edition = k.production_edition and b.commodity = k.commodity
     and b.stage = k.production_stage and b.year = k.year and b.share_pct > 0
    left join wgi_mean as w on w.iso3 = b.country_iso3 and w.year = k.wgi_year
    group by k.basis, k.source, k.group_code, k.commodity, k.stage, k.year, k.production_source
),

group_production as (
    select k.basis, k.source, k.group_code, k.commodity, k.stage, k.year, k.production_source, b.country_iso3,
           b.quantity_t
    from keys as k
    join ref.country_group_member as m on m.group_code = k.group_code
    join latest_production as b
      on b.source = k.production_source and b.edition = k.production_edition and b.commodity = k.commodity
     and b.stage = k.production_stage and b.year = k.year and b.country_iso3 = m.iso3
),

sourcing as (
    select basis, source, group_code, commodity, stage, year, production_source, country_iso3 as supplier_iso3,
           quantity_t as t
    from group_production
    where quantity_t > 0
    union all
    select k.basis, k.source, k.group_code, k.commodity, k.stage, k.year, k.production_source, i.exporter_iso3, i.t
    from keys as k
    join group_imports as i
      on i.basis = k.basis and i.source = k.source and i.group_code = k.group_code and i.commodity = k.commodity
     and i.stage = k.stage and i.year = k.year
),

sourcing_shares as (
    select s.*, s.t / sum(s.t) over (partition by basis, source, group_code, commodity, stage, year, production_source) as share
    from (select basis, source, group_code, commodity, stage, year, production_source, supplier_iso3, sum(t) as t
          from sourcing
          group by basis, source, group_code, commodity, stage, year, production_source, supplier_iso3) as s
),

sourcing_hhi as (
    select
        s.basis, s.source, s.group_code, s.commodity, s.stage, s.year, s.production_source,
        sum(s.share ^ 2 * w.wgi_scaled) as hhi_wgi_sourcing,
        100.0 * sum(s.share) filter (where w.wgi_scaled is not null) as coverage_pct
    from sourcing_shares as s
    join keys as k using (basis, source, group_code, commodity, stage, year, production_source)
    left join wgi_mean as w on w.iso3 = s.supplier_iso3 and w.year = k.wgi_year
    group by s.basis, s.source, s.group_code, s.commodity, s.stage, s.year, s.production_source
),

production_totals as (
    select basis, source, group_code, commodity, stage, year, production_source,
           sum(quantity_t) as production_t, bool_or(quantity_t is null) as withheld
    from group_production
    group by basis, source, group_code, commodity, stage, year, production_source
),

import_totals as (
    select basis, source, group_code, commodity, stage, year, sum(t) as t
    from group_imports
    group by basis, source, group_code, commodity, stage, year
),

assembled as (
    select
        k.*,
        g.hhi_wgi_global, g.coverage_pct as global_coverage_pct,
        coalesce(p.production_t, 0) as production_t,
        coalesce(p.withheld, false) as withheld,
        coalesce(i.t, 0) as imports_t,
        coalesce(e.t, 0) as exports_t,
        s.hhi_wgi_sourcing, s.coverage_pct as sourcing_coverage_pct,
        f.eol_rir, f.si_sr, f.missing_reason
    from keys as k
    left join global_supply as g using (basis, source, group_code, commodity, stage, year, production_source)
    left join sourcing_hhi as s using (basis, source, group_code, commodity, stage, year, production_source)
    left join production_totals as p using (basis, source, group_code, commodity, stage, year, production_source)
    left join import_totals as i using (basis, source, group_code, commodity, stage, year)
    left join group_exports as e using (basis, source, group_code, commodity, stage, year)
    left join ref.commodity_eu_factor as f on f.commodity = k.commodity and f.stage = k.production_stage
),

reliance as (
    select
        a.*,
        case when a.withheld then null
             when a.production_t + a.imports_t - a.exports_t <= 0 then 0
             else least(greatest((a.imports_t - a.exports_t) / (a.production_t + a.imports_t - a.exports_t), 0), 1)
        end as ir
    from assembled as a
),

bracketed as (
    select r.*, r.hhi_wgi_global * r.ir / 2 + r.hhi_wgi_sourcing * (1 - r.ir / 2) as before_factors
    from reliance as r
)

select
    basis, source, production_source, group_code, commodity, stage, year, production_stage, production_edition, wgi_year,
    round(hhi_wgi_global, 6), round(global_coverage_pct, 2),
    case when withheld then null else production_t end, withheld, imports_t, exports_t, round(ir, 6),
    round(hhi_wgi_sourcing, 6), round(sourcing_coverage_pct, 2), round(before_factors, 6), eol_rir, si_sr,
    round(before_factors * (1 - eol_rir) * si_sr, 6),
    case when withheld then 'a member''s production is withheld (W): import reliance unknown'
         when before_factors is null then 'no WGI score for any producer or supplier'
         when eol_rir is null or si_sr is null
             then 'EoL-RIR or SI_SR missing in ref.commodity_eu_factor: '
                  || coalesce(missing_reason, 'no row for the commodity and stage ' || production_stage) end
from bracketed;
