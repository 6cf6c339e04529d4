-- Stockpile cover: how long the holdings of a strategic stockpile last against US net imports and US
-- apparent consumption.
-- Grain: commodity x as_of (one row per holding). Units: tonnes; days.
-- Formula: days_of_net_imports = quantity_t / (net imports per year / 365), net imports = imports - exports of
--   the latest year with both published (salient statistics, latest edition, tonnes, all forms summed);
--   days_of_consumption = quantity_t / (apparent consumption per year / 365), apparent consumption from
--   indicator.net_import_reliance of that year (production + imports - exports + stock change).
--   Null when the denominator is unknown, withheld or not positive.
-- Source: warehouse.stockpile_holding (jobs/etl import stockpile), warehouse.v_us_salient,
--   indicator.net_import_reliance (run first by the indicators job: files run in name order).

delete from indicator.stockpile_cover;

insert into indicator.stockpile_cover (
    commodity, as_of, quantity_t, reference_year, reference_edition, net_imports_t, apparent_consumption_t,
    days_of_net_imports, days_of_consumption
)
with holdings as (
    select commodity, as_of, quantity_t from warehouse.stockpile_holding
),

trade as (
    select
        commodity, year, edition,
        sum(value) filter (where measure = 'imports') as imports_t,
        sum(value) filter (where measure = 'exports') as exports_t
    from warehouse.v_us_salient
    where unit = 't' and measure in ('imports', 'exports')
    group by commodity, year, edition
    having count(*) filter (where measure = 'imports' and value is not null) > 0
),

latest as (
    select distinct on (commodity) commodity, year, edition, imports_t - coalesce(exports_t, 0) as net_imports_t
    from trade
    order by commodity, year desc
),

consumption as (
    select distinct on (commodity, year) commodity, year, apparent_consumption_t
    from indicator.net_import_reliance
    where detail = '' or apparent_consumption_t is not null
    order by commodity, year, edition desc, (detail = '') desc
)

select
    h.commodity, h.as_of, h.quantity_t, l.year, l.edition, l.net_imports_t, c.apparent_consumption_t,
    case when l.net_imports_t > 0 then round(h.quantity_t / (l.net_imports_t / 365.0), 1) end,
    case when c.apparent_consumption_t > 0 then round(h.quantity_t / (c.apparent_consumption_t / 365.0), 1) end
from holdings as h
left join latest as l on l.commodity = h.commodity
left join consumption as c on c.commodity = h.commodity and c.year = l.year;
