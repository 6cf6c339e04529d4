-- Supply risk: production concentration weighted by governance (EU criticality method, HHI_WGI).
-- Grain: source x commodity x stage x year x edition. Units: 0-10 scale (HHI of fractions times WGI 0-10).
-- Formula: hhi_wgi = sum over countries of share_i^2 * wgi_i, share_i a fraction of world_t, and
--   wgi_i = (2.5 - mean of the six WGI estimates CC, GE, PV, RQ, RL, VA of country i) * 2, so 0 is the best
--   governance and 10 the worst. The WGI year is the production year, or the latest earlier year published
--   (wgi_year). Countries without WGI are left out; coverage_pct is the part of the listed producers'
--   output (by share) that had one.
-- Source: indicator.production_share_base; ref.governance_indicator (jobs/etl import wgi, World Bank WGI).

-- a plan of milliseconds of work whose estimate passes the JIT threshold would buy seconds of JIT compilation
set local jit = off;

delete from indicator.supply_risk_wgi;

insert into indicator.supply_risk_wgi (
    source, commodity, stage, year, edition, hhi_wgi, wgi_year, coverage_pct, n_producers
)
with base as (
    select * from indicator.production_share_base where share_pct > 0
),

wgi_mean as (
    select iso3, year, (2.5 - avg(value)) * 2 as wgi_scaled
    from ref.governance_indicator
    where indicator_code in ('CC.EST', 'GE.EST', 'PV.EST', 'RQ.EST', 'RL.EST', 'VA.EST')
    group by iso3, year
    having count(*) = 6
),

wgi_years as (
    select distinct year from wgi_mean
),

key_wgi_year as materialized (
    -- a handful of years, computed once: inlined, its subquery re-read wgi_mean for every production row (5 s)
    select y.year, (select max(w.year) from wgi_years as w where w.year <= y.year) as wgi_year
    from (select distinct year from base) as y
),

weighted as (
    select
        b.source, b.edition, b.commodity, b.stage, b.year, k.wgi_year,
        count(*)                                                     as n_producers,
        sum((b.share_pct / 100.0) ^ 2 * w.wgi_scaled)                as hhi_wgi,
        100.0 * sum(b.share_pct) filter (where w.wgi_scaled is not null) / sum(b.share_pct) as coverage_pct
    from base as b
    join key_wgi_year as k on k.year = b.year
    left join wgi_mean as w on w.iso3 = b.country_iso3 and w.year = k.wgi_year
    group by b.source, b.edition, b.commodity, b.stage, b.year, k.wgi_year
)

select
    source, commodity, stage, year, edition,
    round(hhi_wgi, 4)      as hhi_wgi,
    wgi_year,
    round(coverage_pct, 2) as coverage_pct,
    n_producers
from weighted;
