-- Synthetic BACI-shaped trade flows for jobs/etl bench indicators (edition 'BENCH', load :load_id, whose
-- partition is attached before and dropped after the run).
-- :rows rows; keys are unique by construction: i -> (HS slot, year, reporter, partner). 5,000 HS codes of which
-- the 6-digit codes of the critical-minerals map come first (about 1 %, as in real BACI files), the rest
-- synthetic chapter-9x codes outside the map; 8 years; 200 countries; values skewed (a few large flows).
insert into warehouse.trade_flow (
    load_id, year, month, hs_revision, reporter_code, partner_code, flow, hs_code, breakdown, hs_map_code, value,
    net_weight, row_number, job_execution_id
)
with countries as (
    select row_number() over (order by iso3) - 1 as idx, iso3, m49
    from ref.country
    where not is_historical and m49 is not null
    order by iso3
    limit 200
),

mapped as (
    select row_number() over (order by hs_code) - 1 as idx, hs_code, commodity, stage, is_proxy
    from ref.hs_map
    where hs_map_version = 'cm2024.1' and length(hs_code) = 6
),

series as (
    select
        i,
        i % 5000                                    as hs_slot,
        (i / 5000) % 8                              as year_slot,
        (i / 40000) % 200                           as reporter_slot,
        ((i / 8000000) % 199) + 1                   as partner_offset
    from generate_series(0, :rows - 1) as i
),

final as (
    select
        s.i,
        2015 + s.year_slot                                                 as year,
        r.iso3 as reporter_code,
        p.iso3 as partner_code,
        coalesce(m.hs_code, (900000 + s.hs_slot)::text)                   as hs_code,
        m.hs_code as hs_map_code,
        round((1000 * power(1.0 + ((s.i * 7919) % 1000), 1.5) / 30)::numeric, 3) as value_kusd
    from series as s
    join countries as r on r.idx = s.reporter_slot
    join countries as p on p.idx = (s.reporter_slot + s.partner_offset + (s.hs_slot % 150)) % 200
    left join mapped as m on m.idx = s.hs_slot
)

select
    :load_id, year, 0, 'HS2017', reporter_code, partner_code, 'X', hs_code, '', hs_map_code, value_kusd,
    value_kusd / 10, i + 2, 0
from final
