-- Supply shock, trade side: what every importer and every country group loses when the exporters cut their
-- exports, and who could make up for it.
-- Grain: run x source x commodity x stage x party (an importer, party_kind 'country', or a group of
--   ref.country_group, party_kind 'group') x measure x detail (a supplier for alternative_supplier_spare_usd).
-- Units: USD; tonnes (net weight); percent; HHI 0-10,000.
-- Parameters: as shock_production.sql (commodities, exporters, cut_pct, stage, year).
-- Year: the year given, else per source, commodity and stage the latest complete year: the latest year whose
--   number of reporting importers equals the largest number of any year (a year still being reported has fewer).
-- Parties: every importer and every group, except those holding every exporter (they lose nothing).
-- Formula: a party's imports are its members' imports (indicator.classified_imports: latest edition per trade
--   key, BACI exports mirrored) from partner countries outside the party; for a country the party is itself.
--   imports_lost_usd = cut x imports from the exporters; imports_lost_t the same in tonnes (rows without a net
--   weight count as unknown, see note); imports_lost_pct = 100 x imports_lost_usd / imports_denominator_usd,
--   where a country's denominator is its imports from the World when it reports them (Comtrade), else the sum
--   over partner countries, and a group's is the sum of its members' minus what they buy from each other.
--   supplier_hhi_before/after = sum of squared partner value shares in percent, before / after the cut.
--   alternative_supplier_spare_usd (one row per supplier, the five largest) = the supplier's exports of the
--   commodity to the world in the same year (the largest of: its own reported exports to the World, the sum
--   of what every reporting importer records from it) minus what it already ships to the party: an UPPER
--   BOUND, as if every tonne it sells elsewhere could be redirected. alternative_supply_usd sums it over every
--   supplier outside the party and the exporters; alternative_cover_pct = min(100, 100 x that / imports_lost_usd).
-- Source: indicator.classified_imports (R__20_indicator_base) and warehouse.trade_classified (the classified trade
--   facts, latest edition per trade key, kept by the trade merge).

-- the planner estimates the parameter CTEs at a row or two and picks nested loops over every country row of the
-- production base (a second instead of tens of milliseconds): hash joins only, as in group_dependence.sql
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;
-- the sorts and hashes of the classified trade rows (about a hundred thousand per BACI year) fit in memory
set local work_mem = '64MB';

insert into indicator.scenario_result (
    run_id, source, commodity, stage, party_kind, party, measure, detail, year, value, unit, is_upper_bound, note,
    editions
)
with run as (
    select run_id, parameters as p
    from indicator.scenario_run
    where run_id = :run_id
),

params as (
    select (p ->> 'cut_pct')::numeric / 100 as cut, p ->> 'stage' as stage, (p ->> 'year')::integer as year
    from run
),

commodities as (
    select jsonb_array_elements_text(p -> 'commodities') as commodity
    from run
),

shocked as (
    select distinct coalesce(m.iso3::text, e.code) as iso3
    from run
    cross join jsonb_array_elements_text(p -> 'exporters') as e (code)
    left join ref.country_group_member as m on m.group_code = e.code
),

imports as (
    select i.source, i.commodity, i.stage, i.year, i.reporter_iso3::text as importer, i.partner_iso3::text as supplier,
           i.value_usd, i.net_weight_t, i.edition
    from indicator.classified_imports as i
    join commodities as c on c.commodity = i.commodity
    cross join params as p
    where i.flow = 'M'
      and i.partner_kind = 'country'
      and i.reporter_iso3 is not null
      and (p.stage is null or i.stage = p.stage)
      and (p.year is null or i.year = p.year)
),

reporters_by_year as (
    select source, commodity, stage, year, count(distinct importer) as n_reporters
    from imports
    group by source, commodity, stage, year
),

chosen_year as (
    select distinct on (source, commodity, stage) source, commodity, stage, year
    from (
        select r.*, max(n_reporters) over (partition by source, commodity, stage) as most_reporters
        from reporters_by_year as r
    ) as counted
    where n_reporters = most_reporters
    order by source, commodity, stage, year desc
),

trade as (
    select i.*
    from imports as i
    join chosen_year using (source, commodity, stage, year)
),

every_party as (
    select distinct 'country' as party_kind, importer as party, importer as member
    from trade
    union all
    select 'group', m.group_code, m.iso3::text
    from ref.country_group_member as m
),

parties as (
    -- a party that holds every exporter (China, greater_china for a cut by China) loses nothing: left out
    select p.*
    from every_party as p
    where exists (select 1 from shocked as s
                  where not exists (select 1 from every_party as q
                                    where q.party_kind = p.party_kind and q.party = p.party and q.member = s.iso3))
),

party_imports as (
    select
        p.party_kind, p.party, t.source, t.commodity, t.stage, t.year, t.supplier,
        sum(t.value_usd)                              as value_usd,
        sum(t.net_weight_t)                           as net_weight_t,
        count(*) filter (where t.net_weight_t is null) as n_without_weight,
        array_agg(distinct t.edition)                 as editions
    from trade as t
    join parties as p on p.member = t.importer
    where not exists (select 1 from parties as q
                      where q.party_kind = p.party_kind and q.party = p.party and q.member = t.supplier)
    group by p.party_kind, p.party, t.source, t.commodity, t.stage, t.year, t.supplier
),

intra_group as (
    select p.party, t.source, t.commodity, t.stage, sum(t.value_usd) as value_usd
    from trade as t
    join parties as p on p.member = t.importer and p.party_kind = 'group'
    join parties as q on q.party_kind = 'group' and q.party = p.party and q.member = t.supplier
    group by p.party, t.source, t.commodity, t.stage
),

world_reported as (
    select w.source, w.commodity, w.stage, w.year, w.reporter_iso3::text as importer, sum(w.value_usd) as value_usd
    from indicator.classified_world_imports as w
    join chosen_year using (source, commodity, stage, year)
    where w.flow = 'M'
    group by w.source, w.commodity, w.stage, w.year, w.reporter_iso3
),

member_denominators as (
    select p.party_kind, p.party, t.source, t.commodity, t.stage,
           greatest(sum(t.value_usd), max(w.value_usd)) as value_usd,
           bool_or(w.value_usd is not null)             as has_world_total
    from trade as t
    join parties as p on p.member = t.importer
    left join world_reported as w
           on w.source = t.source and w.commodity = t.commodity and w.stage = t.stage and w.importer = t.importer
    group by p.party_kind, p.party, t.source, t.commodity, t.stage, t.importer
),

denominators as (
    select d.party_kind, d.party, d.source, d.commodity, d.stage,
           sum(d.value_usd) - coalesce(max(g.value_usd), 0) as value_usd,
           bool_or(d.has_world_total)                       as has_world_total
    from member_denominators as d
    left join intra_group as g
           on d.party_kind = 'group' and g.party = d.party and g.source = d.source and g.commodity = d.commodity
          and g.stage = d.stage
    group by d.party_kind, d.party, d.source, d.commodity, d.stage
),

flagged as (
    select
        i.*,
        s.iso3 is not null as is_shocked,
        case when s.iso3 is not null then i.value_usd * (1 - p.cut) else i.value_usd end as after_usd
    from party_imports as i
    cross join params as p
    left join shocked as s on s.iso3 = i.supplier
),

party_totals as (
    select
        party_kind, party, source, commodity, stage, year,
        sum(value_usd)                                                as imports_usd,
        sum(net_weight_t)                                             as imports_t,
        sum(after_usd)                                                as after_usd,
        coalesce(sum(value_usd) filter (where is_shocked), 0)         as from_exporters_usd,
        coalesce(sum(net_weight_t) filter (where is_shocked), 0)      as from_exporters_t,
        coalesce(sum(n_without_weight) filter (where is_shocked), 0)  as n_shocked_without_weight,
        count(distinct supplier)                                      as n_suppliers
    from flagged
    group by party_kind, party, source, commodity, stage, year
),

party_editions as (
    select party_kind, party, source, commodity, stage, array_agg(distinct e order by e) as editions
    from party_imports
    cross join lateral unnest(editions) as e
    group by party_kind, party, source, commodity, stage
),

supplier_shares as (
    select f.party_kind, f.party, f.source, f.commodity, f.stage,
           sum((100.0 * f.value_usd / nullif(t.imports_usd, 0)) ^ 2) as hhi_before,
           sum((100.0 * f.after_usd / nullif(t.after_usd, 0)) ^ 2)   as hhi_after
    from flagged as f
    join party_totals as t using (party_kind, party, source, commodity, stage, year)
    where f.value_usd > 0
    group by f.party_kind, f.party, f.source, f.commodity, f.stage
),

mirror_exports as (
    select source, commodity, stage, supplier, sum(value_usd) as value_usd
    from trade
    group by source, commodity, stage, supplier
),

world_exports as (
    -- Comtrade reporters' own exports to the World, read once
    select x.source, x.commodity, x.stage, x.year, x.reporter_code, x.reporter_iso3::text as supplier, x.hs_code,
           x.value_usd
    from warehouse.trade_classified as x
    where x.flow = 'X'
      and x.partner_kind = 'world'
),

reported_exports as (
    -- 4-digit headings left out where the reporter gives their subheadings, as in classified_imports
    select x.source, x.commodity, x.stage, x.supplier, sum(x.value_usd) as value_usd
    from world_exports as x
    join chosen_year using (source, commodity, stage, year)
    where not exists (select 1 from world_exports as sub
                      where sub.source = x.source and sub.reporter_code = x.reporter_code and sub.year = x.year
                        and length(sub.hs_code) = 6 and length(x.hs_code) = 4 and left(sub.hs_code, 4) = x.hs_code)
    group by x.source, x.commodity, x.stage, x.supplier
),

supplier_exports as (
    select coalesce(m.source, r.source) as source, coalesce(m.commodity, r.commodity) as commodity,
           coalesce(m.stage, r.stage) as stage, coalesce(m.supplier, r.supplier) as supplier,
           greatest(m.value_usd, r.value_usd) as exports_usd
    from mirror_exports as m
    full join reported_exports as r using (source, commodity, stage, supplier)
),

eligible as (
    -- every supplier of the commodity but the exporters that cut
    select e.source, e.commodity, e.stage, e.supplier, e.exports_usd
    from supplier_exports as e
    where e.supplier not in (select iso3 from shocked)
),

ranked_exports as (
    select
        source, commodity, stage, supplier, exports_usd,
        row_number() over (partition by source, commodity, stage order by exports_usd desc, supplier) as export_rank
    from eligible
    where exports_usd > 0
),

export_totals as (
    select source, commodity, stage, sum(exports_usd) as exports_usd, count(*) as n_exporters
    from ranked_exports
    group by source, commodity, stage
),

adjusted as (
    -- the suppliers whose spare for a party is not their whole exports: the party's own members (no spare) and the
    -- suppliers it already buys from (their exports minus what they ship to it); every other supplier's spare is
    -- its exports, so the party x supplier grid is never built
    select t.party_kind, t.party, t.source, t.commodity, t.stage, e.supplier, e.exports_usd, null::numeric as spare_usd
    from party_totals as t
    join parties as q on q.party_kind = t.party_kind and q.party = t.party
    join eligible as e on e.source = t.source and e.commodity = t.commodity and e.stage = t.stage and e.supplier = q.member
    union all
    select i.party_kind, i.party, i.source, i.commodity, i.stage, e.supplier, e.exports_usd,
           greatest(e.exports_usd - coalesce(i.value_usd, 0), 0)
    from party_imports as i
    join eligible as e on e.source = i.source and e.commodity = i.commodity and e.stage = i.stage and e.supplier = i.supplier
),

adjusted_totals as (
    select
        party_kind, party, source, commodity, stage,
        count(*)                                        as n_adjusted,
        sum(exports_usd) filter (where exports_usd > 0) as exports_usd,
        count(*) filter (where exports_usd > 0)         as n_exporters,
        sum(spare_usd) filter (where spare_usd > 0)     as spare_usd,
        count(*) filter (where spare_usd > 0)           as n_spare
    from adjusted
    group by party_kind, party, source, commodity, stage
),

export_ranks as materialized (
    -- the ranks of the other exporters that can hold the five largest spares of a party: five, plus as many as the
    -- adjusted suppliers could push out of the first five (materialized: the planner, estimating a row per CTE, would
    -- otherwise pair every party with every exporter first)
    select t.party_kind, t.party, t.source, t.commodity, t.stage, k.export_rank
    from party_totals as t
    left join adjusted_totals as n using (party_kind, party, source, commodity, stage)
    cross join lateral generate_series(1, 5 + coalesce(n.n_adjusted, 0)) as k (export_rank)
),

candidates as (
    -- the five largest spares are among the suppliers the party buys from and the largest other exporters
    select a.party_kind, a.party, a.source, a.commodity, a.stage, a.supplier, a.spare_usd
    from adjusted as a
    where a.spare_usd > 0
    union all
    select k.party_kind, k.party, k.source, k.commodity, k.stage, r.supplier, r.exports_usd
    from export_ranks as k
    join ranked_exports as r using (source, commodity, stage, export_rank)
    where not exists (select 1 from adjusted as a
                      where a.party_kind = k.party_kind and a.party = k.party and a.source = k.source
                        and a.commodity = k.commodity and a.stage = k.stage and a.supplier = r.supplier)
),

spare_ranked as (
    select c.*, t.year,
           row_number() over (partition by c.party_kind, c.party, c.source, c.commodity, c.stage
                              order by c.spare_usd desc, c.supplier) as spare_rank
    from candidates as c
    join party_totals as t using (party_kind, party, source, commodity, stage)
),

final as (
    select
        t.*, p.cut, pe.editions, d.value_usd as denominator_usd, d.has_world_total, h.hhi_before, h.hhi_after,
        -- every other supplier's exports, less those of the adjusted suppliers, plus what is left of theirs
        coalesce(x.exports_usd, 0) - coalesce(n.exports_usd, 0) + coalesce(n.spare_usd, 0) as spare_usd,
        coalesce(x.n_exporters, 0) - coalesce(n.n_exporters, 0) + coalesce(n.n_spare, 0) as n_alternatives,
        p.cut * t.from_exporters_usd as lost_usd,
        case when t.n_shocked_without_weight = 0 then p.cut * t.from_exporters_t end as lost_t
    from party_totals as t
    cross join (select cut from params) as p
    join denominators as d using (party_kind, party, source, commodity, stage)
    join party_editions as pe using (party_kind, party, source, commodity, stage)
    left join supplier_shares as h using (party_kind, party, source, commodity, stage)
    left join export_totals as x using (source, commodity, stage)
    left join adjusted_totals as n using (party_kind, party, source, commodity, stage)
)

select
    r.run_id, f.source, f.commodity, f.stage, f.party_kind, f.party, m.measure, '', f.year, round(m.value, 4),
    m.unit, m.is_upper_bound, m.note, f.editions
from final as f
cross join run as r
cross join lateral (values
    ('imports_before_usd', f.imports_usd, 'usd', false,
        'from partner countries outside the party, ' || f.n_suppliers || ' suppliers'),
    ('imports_before_t', f.imports_t, 't', false, 'net weight'),
    ('imports_denominator_usd', f.denominator_usd, 'usd', false,
        case when f.has_world_total then 'imports from the World as reported' else 'sum over partner countries' end),
    ('imports_lost_usd', f.lost_usd, 'usd', false, null),
    ('imports_lost_t', f.lost_t, 't', false,
        case when f.n_shocked_without_weight > 0 then 'a flow from the exporters has no net weight: tonnes unknown' end),
    ('imports_lost_pct', 100.0 * f.lost_usd / nullif(f.denominator_usd, 0), 'pct', false, 'of imports_denominator_usd'),
    ('supplier_hhi_before', f.hhi_before, 'hhi', false, null),
    ('supplier_hhi_after', f.hhi_after, 'hhi', false, null),
    ('alternative_supply_usd', f.spare_usd, 'usd', true,
        'upper bound: exports to the world of ' || f.n_alternatives || ' other suppliers minus what they ship to the party'),
    ('alternative_cover_pct', case when f.lost_usd > 0 then least(100, 100.0 * f.spare_usd / f.lost_usd) end, 'pct', true,
        'upper bound: min(100, alternative_supply_usd / imports_lost_usd)')
) as m (measure, value, unit, is_upper_bound, note)

union all

select
    r.run_id, s.source, s.commodity, s.stage, s.party_kind, s.party, 'alternative_supplier_spare_usd', s.supplier,
    s.year, round(s.spare_usd, 4), 'usd', true,
    'upper bound: the supplier''s exports to the world minus what it ships to the party (rank ' || s.spare_rank || ')',
    null
from spare_ranked as s
cross join run as r
where s.spare_rank <= 5;
