-- Stockpile budget: what a budget buys at the latest USGS prices and how long it lasts against US net imports.
-- Grain: run x commodity x measure (source usgs_mcs, stage '', party USA), plus the run's totals (party_kind and
--   party 'budget', commodity '').
-- Units: USD; USD per tonne; tonnes; days; percent.
-- Parameters (indicator.scenario_run.parameters of :run_id): budget_usd; allocation: equal, by-import-reliance or
--   file; shares: {commodity: share_pct} for a file.
-- Commodities: a file's; else every commodity with US salient statistics or a stockpile holding. equal gives each
--   100 / n percent; by-import-reliance gives each its net import reliance over the sum of them (commodities with
--   none, or a net exporter, get 0 and a reason).
-- Price: the latest year's value of the commodity's USGS price series (v_us_salient, measure price): the series
--   named in ref.scenario_price_series, else the only one; converted to USD per tonne by ref.price_unit (in the
--   unit ref.scenario_price_series.read_as_unit names where the CSV header mislabels it: $/mtu read as $/t).
--   A commodity without a price (no salient statistics, several series and none chosen, a unit not convertible)
--   is listed as not_priced with the reason; its share of the budget stays unspent.
-- Formula: budget_usd = total x share_pct / 100; tonnes_bought = budget_usd / price_usd_per_t;
--   net_imports_t = NIR / 100 x apparent consumption (indicator.v_net_import_reliance, latest year with both
--   positive; NIR computed, else published; the row of the price series' detail, else the commodity's, else the
--   largest consumption); days_of_net_imports = tonnes_bought / (net_imports_t / 365);
--   china_share_of_imports_pct = US imports from China / US imports from the World (else from partner countries),
--   by value, latest year, all stages (indicator.v_import_dependence, Comtrade before BACI);
--   days_of_china_imports = tonnes_bought / (net_imports_t x china_share / 100 / 365).
-- Caveat: a price is for a grade (an oxide, a purity), the tonnes of NIR are of the basis USGS states; both are
--   named in note.

insert into indicator.scenario_result (
    run_id, source, commodity, stage, party_kind, party, measure, detail, year, value, unit, note, editions
)
with run as (
    select run_id, parameters as p, (parameters ->> 'budget_usd')::numeric as budget_usd,
           parameters ->> 'allocation' as allocation
    from indicator.scenario_run
    where run_id = :run_id
),

candidates as (
    select key as commodity, value::numeric as file_share_pct
    from run
    cross join lateral jsonb_each_text(coalesce(p -> 'shares', '{}'::jsonb))
    where allocation = 'file'
    union
    select s.commodity, null
    from (select commodity from warehouse.v_us_salient union select commodity from warehouse.stockpile_holding) as s
    cross join run
    where allocation <> 'file'
),

reliance as (
    select distinct on (n.commodity)
        n.commodity, n.year, n.detail, n.edition,
        coalesce(n.nir_computed_pct, n.nir_published) as nir_pct, n.apparent_consumption_t
    from indicator.v_net_import_reliance as n
    left join ref.scenario_price_series as ps on ps.commodity = n.commodity
    where coalesce(n.nir_computed_pct, n.nir_published) > 0
      and n.apparent_consumption_t > 0
    order by n.commodity, n.year desc, (n.detail = ps.detail) desc nulls last, (n.detail = '') desc,
             n.apparent_consumption_t desc
),

shares as (
    select
        c.commodity,
        case r.allocation
            when 'file' then c.file_share_pct
            when 'equal' then 100.0 / count(*) over ()
            else 100.0 * coalesce(n.nir_pct, 0) / nullif(sum(n.nir_pct) over (), 0)
        end as share_pct,
        case when r.allocation = 'by-import-reliance' and n.nir_pct is null
             then 'no positive net import reliance with an apparent consumption: no share' end as share_note
    from candidates as c
    cross join run as r
    left join reliance as n on n.commodity = c.commodity
),

series as (
    select commodity, detail, unit, count(*) over (partition by commodity) as n_series
    from (select distinct commodity, detail, unit from warehouse.v_us_salient where measure = 'price') as d
),

chosen_series as (
    select s.commodity, s.detail, s.unit, coalesce(ps.read_as_unit, s.unit) as read_as_unit
    from series as s
    left join ref.scenario_price_series as ps on ps.commodity = s.commodity
    where (ps.commodity is null and s.n_series = 1)
       or (ps.detail = s.detail and (ps.unit is null or ps.unit = s.unit))
),

series_list as (
    select commodity, string_agg(detail || ' (' || unit || ')', ', ' order by detail, unit) as listed
    from series
    group by commodity
),

prices as (
    select distinct on (v.commodity)
        v.commodity, v.detail, v.unit, v.year, v.value, v.original_value, v.original_unit, v.column_name, v.edition,
        s.read_as_unit, v.value * u.usd_per_t as usd_per_t, u.unit is null as unit_unknown
    from warehouse.v_us_salient as v
    join chosen_series as s on s.commodity = v.commodity and s.detail = v.detail and s.unit = v.unit
    left join ref.price_unit as u on u.unit = s.read_as_unit
    where v.measure = 'price'
      and v.value > 0
    order by v.commodity, v.year desc
),

china as (
    select commodity, source, year,
           100.0 * sum(china_value_share_pct * total_value_usd / 100)
                 / nullif(sum(coalesce(world_total_value_usd, total_value_usd)), 0) as china_pct
    from (
        select d.*, rank() over (partition by commodity order by (source = 'comtrade') desc, year desc) as pick
        from indicator.v_import_dependence as d
        where reporter_iso3 = 'USA' and flow = 'M'
    ) as ranked
    where pick = 1
    group by commodity, source, year
),

budgeted as (
    select
        sh.commodity, sh.share_pct, sh.share_note,
        (select budget_usd from run) * coalesce(sh.share_pct, 0) / 100 as budget_usd,
        p.detail as price_detail, p.unit as price_unit, p.year as price_year, p.value as price, p.usd_per_t,
        p.column_name, p.edition, p.read_as_unit,
        case when not exists (select 1 from series as s where s.commodity = sh.commodity)
                 then 'no USGS price: no price in the US salient statistics loaded'
             when p.commodity is null
                 then 'no USGS price chosen: several series (' || (select listed from series_list as l where l.commodity = sh.commodity)
                      || ') and none named in ref.scenario_price_series'
             when p.unit_unknown then 'price unit ' || p.read_as_unit || ' not convertible (ref.price_unit)' end as not_priced_reason,
        n.nir_pct, n.apparent_consumption_t, n.year as nir_year, n.detail as nir_detail,
        n.nir_pct / 100 * n.apparent_consumption_t as net_imports_t,
        c.china_pct, c.source as china_source, c.year as china_year
    from shares as sh
    left join prices as p on p.commodity = sh.commodity
    left join reliance as n on n.commodity = sh.commodity
    left join china as c on c.commodity = sh.commodity
),

final as (
    select b.*, case when b.not_priced_reason is null then b.budget_usd / b.usd_per_t end as tonnes
    from budgeted as b
)

select r.run_id, 'usgs_mcs', f.commodity, '', 'country', 'USA', m.measure, m.detail, m.year, round(m.value, 4), m.unit,
       m.note, case when f.edition is not null then array[f.edition] end
from final as f
cross join run as r
cross join lateral (values
    ('share_pct', '', null::integer, f.share_pct, 'pct', coalesce(f.share_note, 'allocation ' || r.allocation)),
    ('budget_usd', '', null, f.budget_usd, 'usd', null),
    ('not_priced', '', null, null, 'usd_per_t', f.not_priced_reason),
    ('price_usd_per_t', coalesce(f.price_detail, ''), f.price_year, f.usd_per_t, 'usd_per_t',
        'USGS ' || f.column_name || ' ' || f.price_year || ': ' || f.price || ' ' || f.read_as_unit
        || case when f.read_as_unit <> f.price_unit then ' (labelled ' || f.price_unit || ', see ref.scenario_price_series)' else '' end),
    ('tonnes_bought', '', f.price_year, f.tonnes, 't', null),
    ('net_imports_t', coalesce(f.nir_detail, ''), f.nir_year, f.net_imports_t, 't',
        case when f.net_imports_t is null then 'no positive net import reliance with an apparent consumption'
             else 'NIR ' || round(f.nir_pct, 2) || ' % x apparent consumption ' || f.apparent_consumption_t || ' t' end),
    ('days_of_net_imports', '', f.nir_year, f.tonnes / nullif(f.net_imports_t / 365.0, 0), 'days', null),
    ('china_share_of_imports_pct', '', f.china_year, f.china_pct, 'pct',
        case when f.china_pct is null then 'no US import figures for the commodity'
             else f.china_source || ' ' || f.china_year || ', by value, all stages' end),
    ('days_of_china_imports', '', f.nir_year, f.tonnes / nullif(f.net_imports_t * f.china_pct / 100 / 365.0, 0), 'days', null)
) as m (measure, detail, year, value, unit, note)
where (m.measure = 'not_priced') = (f.not_priced_reason is not null)
  and (f.not_priced_reason is null or m.measure in ('share_pct', 'budget_usd', 'not_priced'))

union all

select r.run_id, 'usgs_mcs', '', '', 'budget', 'budget', m.measure, '', null, round(m.value, 4), 'usd', null, null
from run as r
cross join lateral (values
    ('budget_usd', r.budget_usd),
    ('spent_usd', (select coalesce(sum(budget_usd), 0) from final where not_priced_reason is null)),
    ('unspent_usd', r.budget_usd - (select coalesce(sum(budget_usd), 0) from final where not_priced_reason is null))
) as m (measure, value);
