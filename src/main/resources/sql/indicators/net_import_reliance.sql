-- US net import reliance, computed from the salient statistics and set against the published figure.
-- Grain: commodity x year x edition x detail (the published NIR's detail: '' or e.g. sponge / dioxide,
--   palladium / platinum, compounds_metals / concentrate). Units: percent; components in component_unit (tonnes,
--   or m3 / USD where the commodity is published so).
-- Formula (method usgs_parts): where ref.usgs_nir_rule names the parts USGS counts for the commodity and detail,
--   its form over those salient columns (ref.usgs_nir_part): (consumption - production) / consumption,
--   (imports - exports + stock change) / consumption, or the same over production + imports - exports + stock
--   change; not computable when a part is withheld or not published for the year.
-- Formula (method generic, other commodities): apparent consumption = production + imports - exports + stock change, where stock change =
--   stocks(year - 1) - stocks(year) (a drawdown adds supply; 0 when stocks are not published);
--   nir_computed_pct = 100 * (imports - exports + stock change) / apparent consumption.
--   Components are the salient rows in tonnes of the same commodity, year and edition; for a published NIR
--   with a detail, only the components of that detail (imports_sponge for NIR_Sponge) when there are any.
--   Not computable (null, with the reason) when a component is withheld (W) or apparent consumption <= 0.
--   NA components are left out.
-- agrees: published number: |min(computed, 100) - published| <= 2 points (USGS rounds and caps at 100); '>' b: computed > b; '<' b: computed < b; 'E' (net exporter): computed < 0;
--   null when either side is unknown.
-- Source: warehouse.us_salient_fact (USGS MCS salient tables), every edition.

delete from indicator.net_import_reliance;

insert into indicator.net_import_reliance (
    commodity, year, edition, detail, production_t, imports_t, exports_t, stock_change_t, apparent_consumption_t,
    nir_computed_pct, not_computable_reason, nir_published, nir_published_qualifier, nir_published_bound, agrees,
    method, component_unit
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

rule_parts as (
    select
        t.commodity, t.year, t.edition, t.detail, r.form, r.unit, p.measure, p.detail as part_detail,
        cur.value, prev.value as previous_value
    from targets as t
    join ref.usgs_nir_rule as r on r.commodity_code = t.commodity and r.nir_detail = t.detail
    join ref.usgs_nir_part as p on p.commodity_code = r.commodity_code and p.nir_detail = r.nir_detail
    left join salient as cur
      on cur.commodity = t.commodity and cur.edition = t.edition and cur.year = t.year
     and cur.measure = p.measure and cur.detail = p.detail and cur.unit = r.unit
    left join salient as prev
      on p.measure = 'stocks' and prev.commodity = t.commodity and prev.edition = t.edition and prev.year = t.year - 1
     and prev.measure = p.measure and prev.detail = p.detail and prev.unit = r.unit
),

rule_summed as (
    select
        commodity, year, edition, detail, form, unit,
        sum(value) filter (where measure = 'consumption')                      as consumption,
        coalesce(sum(value) filter (where measure = 'production'), 0)           as production,
        coalesce(sum(value) filter (where measure = 'imports'), 0)              as imports,
        coalesce(sum(value) filter (where measure = 'exports'), 0)              as exports,
        coalesce(sum(previous_value - value) filter (where measure = 'stocks'), 0) as stock_change,
        bool_or(measure = 'production') as has_production,
        bool_or(measure = 'imports') as has_imports,
        bool_or(measure = 'exports') as has_exports,
        bool_or(measure = 'stocks') as has_stocks,
        string_agg(measure || ' ' || part_detail, ', ' order by measure, part_detail)
            filter (where value is null or (measure = 'stocks' and previous_value is null)) as missing
    from rule_parts
    group by commodity, year, edition, detail, form, unit
),

rule_computed as (
    select
        s.*,
        case form
            when 'trade_over_supply' then production + imports - exports + stock_change
            else consumption
        end as denominator,
        case form
            when 'consumption_less_production' then consumption - production
            else imports - exports + stock_change
        end as numerator
    from rule_summed as s
),

final as (
    select
        t.commodity, t.year, t.edition, t.detail,
        -- a rule's parts where it names them, else the generic sums (shown, not used by the rule)
        case when r.has_production then r.production else c.production_t end as production_t,
        case when r.has_imports then r.imports else c.imports_t end as imports_t,
        case when r.has_exports then r.exports else c.exports_t end as exports_t,
        case when r.has_stocks then r.stock_change else coalesce(c.stock_change_t, 0) end as stock_change_t,
        case when r.form is not null then case when r.missing is null then r.denominator end
             when c.withheld is null then c.apparent_t end as apparent_consumption_t,
        case when r.form is not null then
                 case when r.missing is null and r.denominator > 0 then round(100.0 * r.numerator / r.denominator, 2) end
             when c.withheld is null and c.apparent_t > 0 and c.imports_t is not null
             then round(100.0 * (coalesce(c.imports_t, 0) - coalesce(c.exports_t, 0) + coalesce(c.stock_change_t, 0))
                        / c.apparent_t, 2) end as nir_computed_pct,
        case when r.form is not null then
                 case when r.missing is not null then 'not published (or withheld) for the year: ' || r.missing
                      when r.denominator <= 0 then 'apparent consumption <= 0' end
             when c.withheld is not null then 'withheld (W): ' || c.withheld
             when c.imports_t is null then 'no imports in tonnes published'
             when c.apparent_t <= 0 then 'apparent consumption <= 0' end as not_computable_reason,
        t.nir_published, t.nir_published_qualifier, t.nir_published_bound,
        case when r.form is not null then 'usgs_parts' else 'generic' end as method,
        coalesce(r.unit, 't') as component_unit
    from targets as t
    left join computed as c using (commodity, year, edition, detail)
    left join rule_computed as r using (commodity, year, edition, detail)
)

select
    commodity, year, edition, detail, production_t, imports_t, exports_t, stock_change_t, apparent_consumption_t,
    nir_computed_pct, not_computable_reason, nir_published, nir_published_qualifier, nir_published_bound,
    case
        when nir_computed_pct is null then null
        when nir_published_qualifier is null and nir_published is not null
            then abs(least(nir_computed_pct, 100) - nir_published) <= 2
        when nir_published_qualifier = '>' then nir_computed_pct > nir_published_bound
        when nir_published_qualifier = '<' then nir_computed_pct < nir_published_bound
        when nir_published_qualifier = 'E' then nir_computed_pct <= 0
    end as agrees,
    method, component_unit
from final;
