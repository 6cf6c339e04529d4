-- Supply shock, trade side: what every importer and every country group loses when the exporters cut their
-- exports, and who could make up for it.
-- Grain: run x source x commodity x stage x party (an importer, party_kind 'country', or a group of
--   ref.country_group, party_kind 'group') x measure x detail (a supplier for alternative_supplier_spare_usd).
-- Units: USD; tonnes (net weight); percent; HHI 0-10,000.
-- Parameters: as shock_production.sql (commodities, exporters, cut_pct, stage, year).
-- Year: the year given, else per source, commodity and stage the latest complete year: the latest year whose
--   number of reporting importers equals the largest number of any year (a year still being reported has fewer).
-- Parties: every importer and every group, except those holding every exporter (they lose nothing).
-- Formula: a party's imports are its members' imports (as indicator.classified_imports: latest edition per trade
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
-- Source: warehouse.trade_classified (the classified trade facts, latest edition per trade key, kept by the trade
--   merge), read for the run's commodities as indicator.classified_imports reads it (R__20_indicator_base: 4-digit
--   headings left out where their subheadings are there); indicator.classified_world_imports.

-- the planner estimates the parameter CTEs at a row or two and picks nested loops over every country row of the
-- production base (a second instead of tens of milliseconds): hash joins only, as in group_dependence.sql
set local enable_nestloop = off;
-- the disabled nested loops add 1e10 to the plan cost, which would buy seconds of JIT compilation for milliseconds of work
set local jit = off;
-- the sorts and hashes of the classified trade rows (about a hundred thousand per BACI year) fit in memory
set local work_mem = '64MB';
-- the planner, estimating the CTEs at a few rows, would sort the trade rows to group and join them, and a text sort
-- goes through the collation (strcoll) at every comparison: many times slower than hashing them
set local enable_sort = off;
-- a parallel scan of the trade rows costs more in starting its workers than it saves
set local max_parallel_workers_per_gather = 0;

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

classified as not materialized (
    -- indicator.classified_imports for the run's commodities, as the shock reads it: imports from partner countries
    -- by importers with a country code; Comtrade imports as reported, BACI exports (exporter i to importer j)
    -- mirrored. Not materialized: each reader below takes only the rows and columns it needs
    select t.source, t.commodity, t.stage, t.year, t.hs_code,
           case when t.source = 'baci' then t.partner_code else t.reporter_code end  as importer_code,
           case when t.source = 'baci' then t.partner_iso3 else t.reporter_iso3 end  as importer,
           case when t.source = 'baci' then t.reporter_iso3 else t.partner_iso3 end  as supplier,
           t.value_usd, t.net_weight_t, t.edition
    from warehouse.trade_classified as t
    join commodities as c on c.commodity = t.commodity
    where t.source <> 'baci' and t.flow = 'M' and t.partner_kind = 'country' and t.reporter_iso3 is not null
       or t.source = 'baci' and t.flow = 'X' and t.reporter_iso3 is not null and t.partner_iso3 is not null
),

headings as (
    -- the 4-digit headings among them (a few rows)
    select source, importer_code, year, hs_code
    from classified
    where length(hs_code) = 4
),

subheaded as materialized (
    -- the headings whose importer carries 6-digit subheadings of them (of any commodity) in the same flows and year,
    -- as the subheadings of classified_imports. The trade rows are first tested against the few sources and headings
    -- in question, so that only those reach the join (materialized: imports, below, is read twice)
    select distinct h.source, h.importer_code, h.year, h.hs_code
    from headings as h
    join (
        select source, case when source = 'baci' then partner_code else reporter_code end as importer_code, year,
               hs_code
        from warehouse.trade_classified
        where (source <> 'baci' and flow = 'M' and partner_kind <> 'world' or source = 'baci' and flow = 'X')
          and length(hs_code) = 6
          and source = any (array(select distinct source from headings))
          and left(hs_code, 4) = any (array(select distinct hs_code from headings))
    ) as s on s.source = h.source and s.importer_code = h.importer_code and s.year = h.year
          and left(s.hs_code, 4) = h.hs_code
),

imports as not materialized (
    -- a heading is left out where its subheadings are there, as in classified_imports, so that nothing counts twice
    -- (only a heading is looked up). Read twice, never stored: its hundred thousand rows of BACI cost more to keep
    -- than to read again
    select c.source, c.commodity, c.stage, c.year, c.importer, c.supplier, c.value_usd, c.net_weight_t, c.edition
    from classified as c
    where length(c.hs_code) <> 4
       or not exists (select 1 from subheaded as s
                      where s.source = c.source and s.importer_code = c.importer_code and s.year = c.year
                        and s.hs_code = c.hs_code)
),

importers_by_year as (
    -- distinct, then counted: two hash aggregations, where count(distinct) would sort every row
    select distinct source, commodity, stage, year, importer
    from imports
),

reporters_by_year as (
    select r.source, r.commodity, r.stage, r.year, count(*) as n_reporters
    from importers_by_year as r
    cross join params as p
    -- the run's stage and year filter the counted keys, the same as filtering the trade rows (they are keys of
    -- the count), where the planner, unable to estimate them on every row, would plan for a few rows
    where (p.stage is null or r.stage = p.stage)
      and (p.year is null or r.year = p.year)
    group by r.source, r.commodity, r.stage, r.year
),

most_reporters as (
    select source, commodity, stage, max(n_reporters) as n_reporters
    from reporters_by_year
    group by source, commodity, stage
),

chosen_year as (
    -- the latest year with the most reporters, by aggregates: a window and distinct on would sort the counts
    select r.source, r.commodity, r.stage, max(r.year) as year
    from reporters_by_year as r
    join most_reporters as m using (source, commodity, stage, n_reporters)
    group by r.source, r.commodity, r.stage
),

keys as (
    -- an integer per source, commodity and stage (and its year), and below one per party: the joins, groupings and
    -- sorts from here on run on them, where the text keys would go through the collation at every comparison
    select row_number() over () as key_id, source, commodity, stage, year
    from chosen_year
),

trade as (
    select k.key_id, i.importer::text as importer, i.supplier::text as supplier, i.value_usd, i.net_weight_t, i.edition
    from imports as i
    join keys as k using (source, commodity, stage, year)
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
    select dense_rank() over (order by p.party_kind, p.party) as party_id, p.party_kind, p.party, p.member
    from every_party as p
    where exists (select 1 from shocked as s
                  where not exists (select 1 from every_party as q
                                    where q.party_kind = p.party_kind and q.party = p.party and q.member = s.iso3))
),

party_trade as (
    -- every member's imports, flagged where the supplier is a member of the same party
    select p.party_id, p.party_kind, t.key_id, t.importer, t.supplier, t.value_usd, t.net_weight_t, t.edition,
           q.member is not null as from_member
    from trade as t
    join parties as p on p.member = t.importer
    left join parties as q on q.party_id = p.party_id and q.member = t.supplier
),

party_imports as (
    -- summed in the order of the integer keys (a cheap sort): a hash aggregation would hold a numeric sum state per
    -- group at once, about a kilobyte each of freshly allocated memory, where the sorted one holds one group's
    select
        party_id, key_id, supplier,
        sum(value_usd)                              as value_usd,
        sum(net_weight_t)                           as net_weight_t,
        count(*) filter (where net_weight_t is null) as n_without_weight
    from (select party_id, key_id, supplier, value_usd, net_weight_t
          from party_trade
          where not from_member
          order by party_id, key_id, supplier) as t
    group by party_id, key_id, supplier
),

party_editions as (
    select party_id, key_id, array_agg(edition order by edition) as editions
    from (select distinct party_id, key_id, edition from party_trade where not from_member) as e
    group by party_id, key_id
),

intra_group as (
    select party_id, key_id, sum(value_usd) as value_usd
    from party_trade
    where party_kind = 'group'
      and from_member
    group by party_id, key_id
),

world_reported as (
    select k.key_id, w.reporter_iso3::text as importer, sum(w.value_usd) as value_usd
    from indicator.classified_world_imports as w
    join keys as k using (source, commodity, stage, year)
    where w.flow = 'M'
    group by k.key_id, w.reporter_iso3
),

member_denominators as (
    -- summed in order, as party_imports
    select party_id, key_id,
           greatest(sum(value_usd), max(world_usd)) as value_usd,
           bool_or(world_usd is not null)           as has_world_total
    from (select t.party_id, t.key_id, t.importer, t.value_usd, w.value_usd as world_usd
          from party_trade as t
          left join world_reported as w on w.key_id = t.key_id and w.importer = t.importer
          order by t.party_id, t.key_id, t.importer) as t
    group by party_id, key_id, importer
),

denominators as (
    -- summed in order, as party_imports
    select party_id, key_id,
           sum(value_usd) - coalesce(max(intra_usd), 0) as value_usd,
           bool_or(has_world_total)                     as has_world_total
    from (select d.*, g.value_usd as intra_usd
          from member_denominators as d
          left join intra_group as g using (party_id, key_id)
          order by d.party_id, d.key_id) as d
    group by party_id, key_id
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
    -- summed in order, as party_imports
    select
        party_id, key_id,
        sum(value_usd)                                                as imports_usd,
        sum(net_weight_t)                                             as imports_t,
        sum(after_usd)                                                as after_usd,
        coalesce(sum(value_usd) filter (where is_shocked), 0)         as from_exporters_usd,
        coalesce(sum(net_weight_t) filter (where is_shocked), 0)      as from_exporters_t,
        coalesce(sum(n_without_weight) filter (where is_shocked), 0)  as n_shocked_without_weight,
        -- a row per supplier already: the distinct count without its sort
        count(supplier)                                               as n_suppliers
    from (select * from flagged order by party_id, key_id) as f
    group by party_id, key_id
),

supplier_shares as (
    -- summed in order, as party_imports
    select party_id, key_id,
           sum((100.0 * value_usd / nullif(imports_usd, 0)) ^ 2)     as hhi_before,
           sum((100.0 * after_usd / nullif(total_after_usd, 0)) ^ 2) as hhi_after
    from (select f.party_id, f.key_id, f.value_usd, f.after_usd, t.imports_usd, t.after_usd as total_after_usd
          from flagged as f
          join party_totals as t using (party_id, key_id)
          where f.value_usd > 0
          order by f.party_id, f.key_id) as f
    group by party_id, key_id
),

mirror_exports as (
    -- summed in order, as party_imports
    select key_id, supplier, sum(value_usd) as value_usd
    from (select key_id, supplier, value_usd from trade order by key_id, supplier) as t
    group by key_id, supplier
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
    select k.key_id, x.supplier, sum(x.value_usd) as value_usd
    from world_exports as x
    join keys as k using (source, commodity, stage, year)
    where not exists (select 1 from world_exports as sub
                      where sub.source = x.source and sub.reporter_code = x.reporter_code and sub.year = x.year
                        and length(sub.hs_code) = 6 and length(x.hs_code) = 4 and left(sub.hs_code, 4) = x.hs_code)
    group by k.key_id, x.supplier
),

supplier_exports as (
    select coalesce(m.key_id, r.key_id) as key_id, coalesce(m.supplier, r.supplier) as supplier,
           greatest(m.value_usd, r.value_usd) as exports_usd
    from mirror_exports as m
    full join reported_exports as r on r.key_id = m.key_id and r.supplier = m.supplier
),

eligible as (
    -- every supplier of the commodity but the exporters that cut
    select e.key_id, e.supplier, e.exports_usd
    from supplier_exports as e
    where e.supplier not in (select iso3 from shocked)
),

ranked_exports as (
    select key_id, supplier, exports_usd,
           row_number() over (partition by key_id order by exports_usd desc, supplier) as export_rank
    from eligible
    where exports_usd > 0
),

export_totals as (
    select key_id, sum(exports_usd) as exports_usd, count(*) as n_exporters
    from ranked_exports
    group by key_id
),

adjusted as (
    -- the suppliers whose spare for a party is not their whole exports: the party's own members (no spare) and the
    -- suppliers it already buys from (their exports minus what they ship to it); every other supplier's spare is
    -- its exports, so the party x supplier grid is never built
    select t.party_id, t.key_id, e.supplier, e.exports_usd, null::numeric as spare_usd
    from party_totals as t
    join parties as q on q.party_id = t.party_id
    join eligible as e on e.key_id = t.key_id and e.supplier = q.member
    union all
    select i.party_id, i.key_id, e.supplier, e.exports_usd, greatest(e.exports_usd - coalesce(i.value_usd, 0), 0)
    from party_imports as i
    join eligible as e on e.key_id = i.key_id and e.supplier = i.supplier
),

adjusted_totals as (
    -- summed in order, as party_imports
    select
        party_id, key_id,
        count(*)                                        as n_adjusted,
        sum(exports_usd) filter (where exports_usd > 0) as exports_usd,
        count(*) filter (where exports_usd > 0)         as n_exporters,
        sum(spare_usd) filter (where spare_usd > 0)     as spare_usd,
        count(*) filter (where spare_usd > 0)           as n_spare
    from (select * from adjusted order by party_id, key_id) as a
    group by party_id, key_id
),

adjusted_ranks as (
    -- the export ranks of a party's adjusted suppliers, counted in order
    select a.party_id, a.key_id, r.export_rank,
           row_number() over (partition by a.party_id, a.key_id order by r.export_rank) as n_adjusted
    from adjusted as a
    join ranked_exports as r using (key_id, supplier)
),

pushed_out as (
    -- how many adjusted suppliers rank before the party's fifth other exporter: the n-th of them does when fewer
    -- than five other exporters rank before it (export_rank - n < 5)
    select party_id, key_id, count(*) as n_pushed
    from adjusted_ranks
    where export_rank - n_adjusted < 5
    group by party_id, key_id
),

export_ranks as materialized (
    -- the ranks of the other exporters that can hold the five largest spares of a party: the first five other than
    -- its adjusted suppliers (materialized: the planner, estimating a row per CTE, would otherwise pair every party
    -- with every exporter first)
    select t.party_id, t.key_id, k.export_rank
    from party_totals as t
    left join pushed_out as n using (party_id, key_id)
    cross join lateral generate_series(1, 5 + coalesce(n.n_pushed, 0)) as k (export_rank)
),

candidates as (
    -- the five largest spares are among the suppliers the party buys from and the largest other exporters
    select a.party_id, a.key_id, a.supplier, a.spare_usd
    from adjusted as a
    where a.spare_usd > 0
    union all
    select k.party_id, k.key_id, r.supplier, r.exports_usd
    from export_ranks as k
    join ranked_exports as r using (key_id, export_rank)
    where not exists (select 1 from adjusted_ranks as a
                      where a.party_id = k.party_id and a.key_id = k.key_id and a.export_rank = k.export_rank)
),

spare_ranked as (
    select c.*,
           row_number() over (partition by c.party_id, c.key_id order by c.spare_usd desc, c.supplier) as spare_rank
    from candidates as c
),

spare_lists as (
    -- the five rows of a party, carried to its measures below
    select party_id, key_id, array_agg(supplier) as suppliers, array_agg(spare_usd) as spares,
           array_agg(spare_rank) as ranks
    from spare_ranked
    where spare_rank <= 5
    group by party_id, key_id
),

party_names as (
    select distinct party_id, party_kind, party
    from parties
),

final as (
    select
        n.party_kind, n.party, k.source, k.commodity, k.stage, k.year,
        t.imports_usd, t.imports_t, t.n_suppliers, t.n_shocked_without_weight,
        pe.editions, d.value_usd as denominator_usd, d.has_world_total, h.hhi_before, h.hhi_after,
        -- every other supplier's exports, less those of the adjusted suppliers, plus what is left of theirs
        coalesce(x.exports_usd, 0) - coalesce(a.exports_usd, 0) + coalesce(a.spare_usd, 0) as spare_usd,
        coalesce(x.n_exporters, 0) - coalesce(a.n_exporters, 0) + coalesce(a.n_spare, 0) as n_alternatives,
        p.cut * t.from_exporters_usd as lost_usd,
        case when t.n_shocked_without_weight = 0 then p.cut * t.from_exporters_t end as lost_t,
        l.suppliers, l.spares, l.ranks
    from party_totals as t
    cross join (select cut from params) as p
    join party_names as n using (party_id)
    join keys as k using (key_id)
    join denominators as d using (party_id, key_id)
    join party_editions as pe using (party_id, key_id)
    left join supplier_shares as h using (party_id, key_id)
    left join export_totals as x using (key_id)
    left join adjusted_totals as a using (party_id, key_id)
    left join spare_lists as l using (party_id, key_id)
    -- in the order of scenario_result's primary key: a new run's rows then go in at the right edge of its index
    order by k.source, k.commodity, k.stage, n.party_kind, n.party
)

select
    r.run_id, f.source, f.commodity, f.stage, f.party_kind, f.party, m.measure, m.detail, f.year, round(m.value, 4),
    m.unit, m.is_upper_bound, m.note, m.editions
from final as f
cross join run as r
cross join lateral (
    -- the party's ten measures, then its five largest spares
    select v.*, '' as detail, f.editions
    from (values
        ('imports_before_usd', f.imports_usd, 'usd', false,
            'from partner countries outside the party, ' || f.n_suppliers || ' suppliers'),
        ('imports_before_t', f.imports_t, 't', false, 'net weight'),
        ('imports_denominator_usd', f.denominator_usd, 'usd', false,
            case when f.has_world_total then 'imports from the World as reported'
                 else 'sum over partner countries' end),
        ('imports_lost_usd', f.lost_usd, 'usd', false, null),
        ('imports_lost_t', f.lost_t, 't', false,
            case when f.n_shocked_without_weight > 0
                 then 'a flow from the exporters has no net weight: tonnes unknown' end),
        ('imports_lost_pct', 100.0 * f.lost_usd / nullif(f.denominator_usd, 0), 'pct', false,
            'of imports_denominator_usd'),
        ('supplier_hhi_before', f.hhi_before, 'hhi', false, null),
        ('supplier_hhi_after', f.hhi_after, 'hhi', false, null),
        ('alternative_supply_usd', f.spare_usd, 'usd', true,
            'upper bound: exports to the world of ' || f.n_alternatives
            || ' other suppliers minus what they ship to the party'),
        ('alternative_cover_pct', case when f.lost_usd > 0 then least(100, 100.0 * f.spare_usd / f.lost_usd) end,
            'pct', true, 'upper bound: min(100, alternative_supply_usd / imports_lost_usd)')
    ) as v (measure, value, unit, is_upper_bound, note)
    union all
    select 'alternative_supplier_spare_usd', s.spare_usd, 'usd', true,
           'upper bound: the supplier''s exports to the world minus what it ships to the party (rank '
           || s.spare_rank || ')',
           s.supplier, null
    from unnest(f.suppliers, f.spares, f.ranks) as s (supplier, spare_usd, spare_rank)
) as m (measure, value, unit, is_upper_bound, note, detail, editions);
