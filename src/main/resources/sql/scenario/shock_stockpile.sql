-- Supply shock, stockpile: how many days the US strategic stockpile (warehouse.stockpile_holding, the latest
-- holding per commodity) covers the imports the United States loses in the run.
-- Grain: run x source x commodity x stage x measure 'stockpile_days_of_cover' (party USA), beside the trade rows.
-- Units: days.
-- Formula: days = holding quantity_t / (imports_lost_t / 365), imports_lost_t of shock_trade.sql (run first).
--   Null, with the reason in note, when there is no holding or the loss in tonnes is unknown or zero.
--   The holding's basis (oxide, metal) is the holder's; the trade tonnes are net weights of the HS codes.
-- Source: indicator.scenario_result of the run, warehouse.stockpile_holding (jobs/etl import stockpile).

insert into indicator.scenario_result (
    run_id, source, commodity, stage, party_kind, party, measure, detail, year, value, unit, note, editions
)
with lost as (
    select run_id, source, commodity, stage, year, value as lost_t, editions
    from indicator.scenario_result
    where run_id = :run_id
      and party_kind = 'country'
      and party = 'USA'
      and measure = 'imports_lost_t'
),

holdings as (
    select distinct on (commodity) commodity, as_of, quantity_t
    from warehouse.stockpile_holding
    order by commodity, as_of desc
)

select
    l.run_id, l.source, l.commodity, l.stage, 'country', 'USA', 'stockpile_days_of_cover', '', l.year,
    case when l.lost_t > 0 then round(h.quantity_t / (l.lost_t / 365.0), 1) end,
    'days',
    case when h.commodity is null then 'no holding of this commodity in warehouse.stockpile_holding'
         when l.lost_t is null then 'imports lost in tonnes unknown'
         when l.lost_t = 0 then 'no imports lost'
         else 'holding of ' || h.quantity_t || ' t as of ' || h.as_of end,
    l.editions
from lost as l
left join holdings as h on h.commodity = l.commodity;
