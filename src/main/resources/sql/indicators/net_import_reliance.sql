-- US net import reliance, computed from the salient statistics and set against the published figure.
-- Grain: commodity x year x edition x detail (the published NIR's detail: '' or e.g. sponge / dioxide,
--   palladium / platinum, compounds_metals / concentrate). Units: tonnes; percent.
-- Formula: apparent consumption = production + imports - exports + stock change, where stock change =
--   stocks(year - 1) - stocks(year) (a drawdown adds supply; 0 when stocks are not published);
--   nir_computed_pct = 100 * (imports - exports + stock change) / apparent consumption.
--   Components are the salient rows in tonnes of the same commodity, year and edition; for a published NIR
--   with a detail, only the components of that detail (imports_sponge for NIR_Sponge) when there are any.
--   Not computable (null, with the reason) when a component is withheld (W) or apparent consumption <= 0.
--   NA components are left out.
-- agrees: published number: |min(computed, 100) - published| <= 5 points (USGS rounds, caps at 100 and picks
--   its components per commodity); '>' b: computed > b; '<' b: computed < b; 'E' (net exporter): computed < 0;
--   null when either side is unknown.
-- Source: warehouse.us_salient_fact (USGS MCS salient tables), every edition.

delete from indicator.net_import_reliance;

insert into indicator.net_import_reliance (
    commodity, year, edition, detail, production_t, imports_t, exports_t, stock_change_t, apparent_consumption_t,
    nir_computed_pct, not_computable_reason, nir_published, nir_published_qualifier, nir_published_bound, agrees
)
with salient as (
    select commodity, year, edition, measure, detail, value, unit, qualifier
    from warehouse.us_salient_fact
),

published as (
    select commodity, year, edition, detail, value as nir_published, qualifier as nir_published_qualifier,
           coalesce(lower_bound, upper_bound) as nir_published_bound
    from warehouse.us_salient_fact
    where measure = 'nir_pct'
),

targets as (
    select commodity, year, edition, detail, nir_published, nir_published_qualifier, nir_published_bound
    from published
    union all
    select distinct s.commodity, s.year, s.edition, '' as detail, null::numeric, null::text, null::numeric
    from salient as s
    where s.measure in ('imports', 'exports')
      and not exists (select 1 from published as p
                      where p.commodity = s.commodity and p.year = s.year and p.edition = s.edition)
),

components as (
    select t.commodity, t.year, t.edition, t.detail as target_detail, s.measure, s.detail, s.value, s.qualifier,
           s.year as component_year,
           (t.detail <> '' and (s.detail = t.detail or s.detail like t.detail || '\_%' or s.detail like '%\_' || t.detail))
               as matches_detail
    from targets as t
    join salient as s
      on s.commodity = t.commodity and s.edition = t.edition and s.year in (t.year, t.year - 1)
     and s.unit = 't' and s.measure in ('production', 'imports', 'exports', 'stocks')
),

scoped as (
    select c.*
    from components as c
    where c.matches_detail
       or not exists (select 1 from components as m
                      where m.commodity = c.commodity and m.year = c.year and m.edition = c.edition
                        and m.target_detail = c.target_detail and m.measure = c.measure and m.matches_detail)
),

summed as (
    select
        commodity, year, edition, target_detail as detail,
        sum(value) filter (where measure = 'production' and component_year = year)      as production_t,
        sum(value) filter (where measure = 'imports' and component_year = year)         as imports_t,
        sum(value) filter (where measure = 'exports' and component_year = year)         as exports_t,
        sum(value) filter (where measure = 'stocks' and component_year = year - 1)
            - sum(value) filter (where measure = 'stocks' and component_year = year)    as stock_change_t,
        string_agg(distinct measure, ', ') filter (where qualifier = 'W' and component_year = year
                                                   and measure <> 'stocks')               as withheld
    from scoped
    group by commodity, year, edition, target_detail
),

computed as (
    select
        s.*,
        coalesce(production_t, 0) + coalesce(imports_t, 0) - coalesce(exports_t, 0) + coalesce(stock_change_t, 0)
            as apparent_t
    from summed as s
),

final as (
    select
        t.commodity, t.year, t.edition, t.detail,
        c.production_t, c.imports_t, c.exports_t, coalesce(c.stock_change_t, 0) as stock_change_t,
        case when c.withheld is null then c.apparent_t end as apparent_consumption_t,
        case when c.withheld is null and c.apparent_t > 0 and c.imports_t is not null
             then round(100.0 * (coalesce(c.imports_t, 0) - coalesce(c.exports_t, 0) + coalesce(c.stock_change_t, 0))
                        / c.apparent_t, 2) end as nir_computed_pct,
        case when c.withheld is not null then 'withheld (W): ' || c.withheld
             when c.imports_t is null then 'no imports in tonnes published'
             when c.apparent_t <= 0 then 'apparent consumption <= 0' end as not_computable_reason,
        t.nir_published, t.nir_published_qualifier, t.nir_published_bound
    from targets as t
    left join computed as c using (commodity, year, edition, detail)
)

select
    commodity, year, edition, detail, production_t, imports_t, exports_t, stock_change_t, apparent_consumption_t,
    nir_computed_pct, not_computable_reason, nir_published, nir_published_qualifier, nir_published_bound,
    case
        when nir_computed_pct is null then null
        when nir_published_qualifier is null and nir_published is not null
            then abs(least(nir_computed_pct, 100) - nir_published) <= 5
        when nir_published_qualifier = '>' then nir_computed_pct > nir_published_bound
        when nir_published_qualifier = '<' then nir_computed_pct < nir_published_bound
        when nir_published_qualifier = 'E' then nir_computed_pct < 0
    end as agrees
from final;
