-- Mirror reconciliation of trade flows (docs/risk-methods.md, section 1).
-- Every flow is reported twice (the importer's CIF import, the exporter's FOB export) or once (one side does not
-- report). warehouse.trade_mirror_pair puts the reports of one flow side by side; warehouse.v_trade_reconciled adds
-- the CIF/FOB factor, the gap and the chosen figure with its provenance.
--
-- The views are written so that a filter on is_classified reaches the branch that reads the classified rows
-- (warehouse.trade_classified) and leaves out the scan of the facts: is_classified is a DISTINCT ON and GROUP BY key
-- all the way down, and no CTE is referenced twice. The indicators read the classified flows only (about 1 % of a
-- BACI year).

-- Grain: is_classified x exporter_code x importer_code x hs_code x year (annual breakdown totals, latest edition per
-- trade key, the newest HS revision where a reporter gives the same code in two). Comtrade M is the importer's side,
-- Comtrade X the exporter's, Comtrade RX the exporter's re-exports (kept apart, never added to X), BACI X the
-- reconciled figure of CEPII. Partner World (Comtrade 0) is never a side.
create or replace view warehouse.trade_mirror_pair as
with annual as (
    -- the classified rows from warehouse.trade_classified (latest edition per trade key and HS revision, kept by the
    -- trade merge), the others from the facts
    select
        true as is_classified, c.source, c.year, c.reporter_code, c.reporter_iso3, c.partner_code, c.partner_iso3,
        c.partner_kind, c.flow, c.hs_code, c.hs_revision, c.commodity, c.stage, c.is_proxy, c.value_usd, c.net_weight_t,
        c.edition, c.load_id, c.row_number
    from warehouse.trade_classified as c
    union all
    select
        false, t.source, t.year, t.reporter_code, t.reporter_iso3, t.partner_code, t.partner_iso3, t.partner_kind,
        t.flow, t.hs_code, t.hs_revision, t.commodity, t.stage, t.is_proxy, t.value_usd, t.net_weight_t, t.edition,
        t.load_id, t.row_number
    from warehouse.trade_fact as t
    where t.hs_map_code is null
      and t.breakdown = ''
      and t.month = 0
),

latest as (
    select distinct on (a.is_classified, a.source, a.year, a.reporter_code, a.partner_code, a.flow, a.hs_code)
        a.is_classified, a.source, a.year, a.reporter_code, a.reporter_iso3, a.partner_code, a.partner_iso3, a.flow,
        a.hs_code, a.hs_revision, a.commodity, a.stage, a.is_proxy, a.value_usd, a.net_weight_t, a.edition, a.load_id,
        a.row_number
    from annual as a
    where a.partner_kind <> 'world'
      and ((a.source = 'comtrade' and a.flow in ('M', 'X', 'RX')) or (a.source = 'baci' and a.flow = 'X'))
    order by a.is_classified, a.source, a.year, a.reporter_code, a.partner_code, a.flow, a.hs_code,
             a.hs_revision desc, a.edition desc
),

sides as (
    select
        is_classified, year, hs_code, hs_revision, commodity, stage, is_proxy, value_usd, net_weight_t, edition, load_id,
        row_number,
        case when flow = 'M' then partner_code else reporter_code end as exporter_code,
        case when flow = 'M' then partner_iso3 else reporter_iso3 end as exporter_iso3,
        case when flow = 'M' then reporter_code else partner_code end as importer_code,
        case when flow = 'M' then reporter_iso3 else partner_iso3 end as importer_iso3,
        case when source = 'baci' then 'baci' when flow = 'M' then 'importer' when flow = 'X' then 'exporter'
             else 'reexport' end as side
    from latest
),

paired as (
    select
        is_classified, exporter_code, importer_code, hs_code, year,
        max(exporter_iso3)                                          as exporter_iso3,
        max(importer_iso3)                                          as importer_iso3,
        max(commodity)                                              as commodity,
        max(stage)                                                  as stage,
        bool_or(is_proxy)                                           as is_proxy,
        bool_or(side = 'importer')                                  as has_importer,
        bool_or(side = 'exporter')                                  as has_exporter,
        bool_or(side = 'baci')                                      as has_baci,
        max(value_usd) filter (where side = 'importer')             as importer_value_usd,
        max(net_weight_t) filter (where side = 'importer')          as importer_net_weight_t,
        max(value_usd) filter (where side = 'exporter')             as exporter_value_usd,
        max(net_weight_t) filter (where side = 'exporter')          as exporter_net_weight_t,
        max(value_usd) filter (where side = 'reexport')             as exporter_reexport_value_usd,
        max(value_usd) filter (where side = 'baci')                 as baci_value_usd,
        max(net_weight_t) filter (where side = 'baci')              as baci_net_weight_t,
        max(hs_revision) filter (where side = 'importer')           as importer_hs_revision,
        max(hs_revision) filter (where side = 'exporter')           as exporter_hs_revision,
        max(edition) filter (where side = 'importer')               as importer_edition,
        max(edition) filter (where side = 'exporter')               as exporter_edition,
        max(edition) filter (where side = 'baci')                   as baci_edition,
        max(load_id) filter (where side = 'importer')               as importer_load_id,
        max(row_number) filter (where side = 'importer')            as importer_row_number,
        max(load_id) filter (where side = 'exporter')               as exporter_load_id,
        max(row_number) filter (where side = 'exporter')            as exporter_row_number,
        max(load_id) filter (where side = 'baci')                   as baci_load_id,
        max(row_number) filter (where side = 'baci')                as baci_row_number
    from sides
    group by is_classified, exporter_code, importer_code, hs_code, year
),

final as (
    select
        p.*,
        coalesce(ea.kind, 'country') as exporter_kind,
        coalesce(ia.kind, 'country') as importer_kind
    from paired as p
    left join ref.area as ea on ea.area_code = p.exporter_code
    left join ref.area as ia on ia.area_code = p.importer_code
    where p.has_importer or p.has_exporter or p.has_baci
)

select * from final;

comment on view warehouse.trade_mirror_pair is 'The reports of one trade flow side by side: one row per (is_classified, exporter_code, importer_code, hs_code, year), annual totals, latest edition. Plumbing of warehouse.v_trade_reconciled; query that view.';

-- CIF/FOB factor observed in the data. Grain: HS chapter x year.
-- Formula: median of importer_value_usd / exporter_value_usd over the classified flows (the HS codes of ref.hs_map)
-- that both sides report with a positive value.
-- Only Comtrade reports both sides of a flow, so the pairs are those of warehouse.trade_mirror_pair restricted to the
-- Comtrade rows of warehouse.trade_classified (the same latest report per side: newest HS revision, then edition):
-- pairing the BACI rows too, as reading trade_mirror_pair would, costs a pass over every classified row of every year.
create or replace view warehouse.trade_cif_fob_observed as
with latest as (
    select distinct on (c.year, c.reporter_code, c.partner_code, c.flow, c.hs_code)
        c.year, c.reporter_code, c.partner_code, c.flow, c.hs_code, c.value_usd
    from warehouse.trade_classified as c
    where c.source = 'comtrade'
      and c.flow in ('M', 'X')
      and c.partner_kind <> 'world'
    order by c.year, c.reporter_code, c.partner_code, c.flow, c.hs_code, c.hs_revision desc, c.edition desc
),

pairs as (
    select i.hs_code, i.year, i.value_usd as importer_value_usd, e.value_usd as exporter_value_usd
    from latest as i
    join latest as e
      on e.flow = 'X' and e.reporter_code = i.partner_code and e.partner_code = i.reporter_code
     and e.hs_code = i.hs_code and e.year = i.year
    where i.flow = 'M'
)

select
    left(hs_code, 2)                                                                          as hs_chapter,
    year,
    count(*)                                                                                  as n_pairs,
    percentile_cont(0.5) within group (order by (importer_value_usd / exporter_value_usd)::float8)::numeric as median_ratio
from pairs
where importer_value_usd > 0
  and exporter_value_usd > 0
group by left(hs_code, 2), year;

comment on view warehouse.trade_cif_fob_observed is 'Median importer CIF / exporter FOB value ratio per HS chapter and year, over the classified flows both sides report (n_pairs of them); warehouse.v_trade_reconciled bounds it by ref.cif_fob_default.';

-- Grain: exporter x importer x HS code x year. Units: USD, tonnes, percent.
-- Formulas: gap_pct = 100 * (importer_value_usd - exporter_value_usd) / exporter_value_usd;
--   cif_fob_factor = ref.cif_fob_factor (chapter and year, else chapter), else the observed median of its chapter and
--   year bounded to [lower_bound, upper_bound] when n_pairs >= min_pairs, else fallback_factor (ref.cif_fob_default);
--   mirror_cif_value_usd = exporter_value_usd * cif_fob_factor;
--   value_usd = baci_value_usd (FOB), else importer_value_usd (CIF), else mirror_cif_value_usd (CIF estimated),
--   provenance saying which.
create or replace view warehouse.v_trade_reconciled as
with pairs as (
    select p.*, left(p.hs_code, 2) as hs_chapter
    from warehouse.trade_mirror_pair as p
),

factored as (
    select
        p.*,
        coalesce(fy.factor, fa.factor,
                 case when o.n_pairs >= d.min_pairs then least(greatest(o.median_ratio, d.lower_bound), d.upper_bound) end,
                 d.fallback_factor) as cif_fob_factor,
        case when fy.factor is not null then 'ref_year'
             when fa.factor is not null then 'ref_chapter'
             when o.n_pairs >= d.min_pairs and o.median_ratio between d.lower_bound and d.upper_bound then 'observed_median'
             when o.n_pairs >= d.min_pairs then 'observed_median_bounded'
             else 'fallback' end as cif_fob_factor_basis,
        coalesce(o.n_pairs, 0) as cif_fob_pairs
    from pairs as p
    cross join ref.cif_fob_default as d
    left join ref.cif_fob_factor as fy on fy.hs_chapter = p.hs_chapter and fy.year = p.year
    left join ref.cif_fob_factor as fa on fa.hs_chapter = p.hs_chapter and fa.year is null
    left join warehouse.trade_cif_fob_observed as o on o.hs_chapter = p.hs_chapter and o.year = p.year
),

final as (
    select
        exporter_code,
        exporter_iso3,
        exporter_kind,
        importer_code,
        importer_iso3,
        importer_kind,
        hs_code,
        year::integer as year,
        commodity,
        stage,
        is_proxy,
        is_classified,
        case when has_baci and baci_value_usd is not null then 'baci'
             when importer_value_usd is not null then 'importer'
             when exporter_value_usd is not null then 'exporter_mirror' end as provenance,
        case when has_baci and baci_value_usd is not null then baci_value_usd
             when importer_value_usd is not null then importer_value_usd
             else round(exporter_value_usd * cif_fob_factor, 2) end as value_usd,
        case when has_baci and baci_value_usd is not null then 'FOB'
             when importer_value_usd is not null then 'CIF'
             when exporter_value_usd is not null then 'CIF_from_FOB' end as value_basis,
        coalesce(baci_net_weight_t, importer_net_weight_t, exporter_net_weight_t) as net_weight_t,
        case when baci_net_weight_t is not null then 'baci'
             when importer_net_weight_t is not null then 'importer'
             when exporter_net_weight_t is not null then 'exporter_mirror' end as net_weight_provenance,
        importer_value_usd,
        importer_net_weight_t,
        exporter_value_usd,
        exporter_net_weight_t,
        round(100.0 * (importer_value_usd - exporter_value_usd) / nullif(exporter_value_usd, 0), 4) as gap_pct,
        cif_fob_factor,
        cif_fob_factor_basis,
        cif_fob_pairs,
        round(exporter_value_usd * cif_fob_factor, 2) as mirror_cif_value_usd,
        exporter_reexport_value_usd,
        baci_value_usd,
        baci_net_weight_t,
        importer_hs_revision,
        exporter_hs_revision,
        importer_edition,
        exporter_edition,
        baci_edition,
        importer_load_id,
        importer_row_number,
        exporter_load_id,
        exporter_row_number,
        baci_load_id,
        baci_row_number
    from factored
)

select * from final;

comment on view warehouse.v_trade_reconciled is 'Trade flows reconciled from both sides: one row per (exporter_code, importer_code, hs_code, year), annual totals, latest edition. The importer''s CIF figure, the exporter''s FOB mirror, the gap, the CIF/FOB factor and the chosen figure (value_usd) with its provenance: baci (CEPII, already reconciled) where loaded, else importer, else exporter_mirror (FOB x factor). Re-exports are shown apart and never added. Formulas in docs/risk-methods.md. Filter on is_classified (or commodity) to read the mapped critical minerals only.';
comment on column warehouse.v_trade_reconciled.exporter_code is 'Exporter as resolved: ISO3 for a country (Comtrade 490 = TWN, 842 = USA; CHN, HKG and MAC apart), else the ref.area code (M49_899 Areas nes, ...).';
comment on column warehouse.v_trade_reconciled.exporter_iso3 is 'ISO 3166-1 alpha-3 of the exporter; null when it is not a country.';
comment on column warehouse.v_trade_reconciled.exporter_kind is 'country, aggregate, nes or special (ref.area.kind).';
comment on column warehouse.v_trade_reconciled.importer_code is 'Importer as resolved: ISO3 for a country, else the ref.area code.';
comment on column warehouse.v_trade_reconciled.importer_iso3 is 'ISO 3166-1 alpha-3 of the importer; null when it is not a country.';
comment on column warehouse.v_trade_reconciled.importer_kind is 'country, aggregate, nes or special (ref.area.kind).';
comment on column warehouse.v_trade_reconciled.hs_code is 'HS code as reported (6-digit subheading or 4-digit heading); both sides are matched on the code, whatever their HS revision.';
comment on column warehouse.v_trade_reconciled.year is 'Reference year (annual data only).';
comment on column warehouse.v_trade_reconciled.commodity is 'Critical mineral from ref.hs_map; null outside the map.';
comment on column warehouse.v_trade_reconciled.stage is 'mine, refinery or product (ref.hs_map); null outside the map.';
comment on column warehouse.v_trade_reconciled.is_proxy is 'True when the HS code only approximates the commodity.';
comment on column warehouse.v_trade_reconciled.is_classified is 'True when ref.hs_map classifies the HS code (commodity not null); filter on it to read the critical minerals only.';
comment on column warehouse.v_trade_reconciled.provenance is 'Where value_usd comes from: baci (CEPII BACI, loaded for the flow), importer (the importer''s Comtrade report), exporter_mirror (the exporter''s Comtrade report x cif_fob_factor).';
comment on column warehouse.v_trade_reconciled.value_usd is 'The chosen figure in USD: baci_value_usd, else importer_value_usd, else mirror_cif_value_usd (see provenance and value_basis).';
comment on column warehouse.v_trade_reconciled.value_basis is 'FOB (baci), CIF (importer) or CIF_from_FOB (exporter mirror x cif_fob_factor).';
comment on column warehouse.v_trade_reconciled.net_weight_t is 'Net weight in tonnes, from the first side that gives one: BACI, the importer, the exporter (net_weight_provenance).';
comment on column warehouse.v_trade_reconciled.net_weight_provenance is 'baci, importer or exporter_mirror: the side net_weight_t comes from (no factor applies to weights).';
comment on column warehouse.v_trade_reconciled.importer_value_usd is 'The importer''s reported import (Comtrade flow M), CIF, USD; null when the importer does not report the flow.';
comment on column warehouse.v_trade_reconciled.importer_net_weight_t is 'The importer''s reported net weight, tonnes.';
comment on column warehouse.v_trade_reconciled.exporter_value_usd is 'The exporter''s reported export (Comtrade flow X, re-exports not included), FOB, USD: the mirror figure.';
comment on column warehouse.v_trade_reconciled.exporter_net_weight_t is 'The exporter''s reported net weight, tonnes.';
comment on column warehouse.v_trade_reconciled.gap_pct is '100 * (importer_value_usd - exporter_value_usd) / exporter_value_usd: the mirror gap, freight and insurance included; null unless both sides report.';
comment on column warehouse.v_trade_reconciled.cif_fob_factor is 'CIF/FOB factor of the flow''s HS chapter and year: ref.cif_fob_factor, else the observed median bounded, else the fallback (ref.cif_fob_default).';
comment on column warehouse.v_trade_reconciled.cif_fob_factor_basis is 'ref_year, ref_chapter (ref.cif_fob_factor), observed_median, observed_median_bounded (clamped to the bounds) or fallback.';
comment on column warehouse.v_trade_reconciled.cif_fob_pairs is 'Flows of the chapter and year reported by both sides, over which the median was taken.';
comment on column warehouse.v_trade_reconciled.mirror_cif_value_usd is 'exporter_value_usd * cif_fob_factor: the importer''s CIF import as the exporter''s report implies it.';
comment on column warehouse.v_trade_reconciled.exporter_reexport_value_usd is 'The exporter''s re-exports of the code to the importer (Comtrade RX), FOB, USD; shown apart, never in value_usd.';
comment on column warehouse.v_trade_reconciled.baci_value_usd is 'CEPII BACI value (FOB, reconciled by CEPII), USD; null when no BACI year holds the flow.';
comment on column warehouse.v_trade_reconciled.baci_net_weight_t is 'CEPII BACI quantity, tonnes.';
comment on column warehouse.v_trade_reconciled.importer_hs_revision is 'HS revision of the importer''s report.';
comment on column warehouse.v_trade_reconciled.exporter_hs_revision is 'HS revision of the exporter''s report.';
comment on column warehouse.v_trade_reconciled.importer_edition is 'Edition of the importer''s report (Comtrade layout).';
comment on column warehouse.v_trade_reconciled.exporter_edition is 'Edition of the exporter''s report.';
comment on column warehouse.v_trade_reconciled.baci_edition is 'BACI release of the BACI figure.';
comment on column warehouse.v_trade_reconciled.importer_load_id is 'Lineage: etl.load of the importer''s report.';
comment on column warehouse.v_trade_reconciled.importer_row_number is 'Lineage: line of the importer''s report in its file.';
comment on column warehouse.v_trade_reconciled.exporter_load_id is 'Lineage: etl.load of the exporter''s report.';
comment on column warehouse.v_trade_reconciled.exporter_row_number is 'Lineage: line of the exporter''s report in its file.';
comment on column warehouse.v_trade_reconciled.baci_load_id is 'Lineage: etl.load of the BACI figure.';
comment on column warehouse.v_trade_reconciled.baci_row_number is 'Lineage: line of the BACI figure in its file.';

-- The trade indicators' input on the reconciled basis, in the columns of indicator.classified_imports. Sources stay
-- apart: source comtrade is the importer's report, else the exporter's mirror at CIF; source baci is BACI.
-- Re-imports (RM) are read as reported. A 4-digit heading is left out where the importer's flows of the same source
-- and year carry its 6-digit subheadings, so nothing counts twice.
create or replace view indicator.classified_imports_reconciled as
with reconciled as (
    select r.*
    from warehouse.v_trade_reconciled as r
    where r.is_classified
),

imports as (
    select
        s.source, r.importer_iso3 as reporter_iso3, r.importer_code as reporter_code, r.exporter_iso3 as partner_iso3,
        r.exporter_kind as partner_kind, 'M'::text as flow, r.hs_code, r.commodity, r.stage, r.year::smallint as year,
        s.value_usd, s.net_weight_t, r.is_proxy, s.edition
    from reconciled as r
    cross join lateral (values
        ('comtrade', coalesce(r.importer_value_usd, r.mirror_cif_value_usd),
         case when r.importer_value_usd is not null then r.importer_net_weight_t else r.exporter_net_weight_t end,
         coalesce(r.importer_edition, r.exporter_edition), r.importer_value_usd is not null or r.exporter_value_usd is not null),
        ('baci', r.baci_value_usd, r.baci_net_weight_t, r.baci_edition, r.baci_value_usd is not null)
    ) as s (source, value_usd, net_weight_t, edition, present)
    where s.present
    union all
    select source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage, year,
           value_usd, net_weight_t, is_proxy, edition
    from warehouse.trade_classified
    where source <> 'baci'
      and flow = 'RM'
      and partner_kind <> 'world'
),

subheaded as (
    -- a window, not a second reference to imports: a filter on year (one recompute year) then reaches the pairing
    select t.*, bool_or(length(t.hs_code) = 6) over (partition by t.source, t.reporter_code, t.flow, t.year,
                                                                   left(t.hs_code, 4)) as has_subheadings
    from imports as t
),

final as (
    select source, reporter_iso3, reporter_code, partner_iso3, partner_kind, flow, hs_code, commodity, stage, year,
           value_usd, net_weight_t, is_proxy, edition
    from subheaded
    where not (length(hs_code) = 4 and has_subheadings)
)

select * from final;

comment on view indicator.classified_imports_reconciled is 'Classified imports on the reconciled basis (warehouse.v_trade_reconciled): source comtrade = the importer''s report, else the exporter''s mirror at CIF; source baci = BACI; re-imports as reported. Same columns as indicator.classified_imports.';

-- The input of import_dependence and group_dependence: the basis ref.indicator_setting names (trade_basis).
create or replace view indicator.classified_imports_by_basis as
select * from indicator.classified_imports where indicator.trade_basis() = 'reported'
union all
select * from indicator.classified_imports_reconciled where indicator.trade_basis() = 'reconciled';

comment on view indicator.classified_imports_by_basis is 'indicator.classified_imports (trade_basis reported) or indicator.classified_imports_reconciled (trade_basis reconciled, the default), as ref.indicator_setting says.';

comment on column indicator.v_import_dependence.basis is 'Trade basis the row was computed on: reconciled (the importer''s report, else the exporter''s mirror: warehouse.v_trade_reconciled) or reported (the importer''s report only); ref.indicator_setting trade_basis.';
comment on column indicator.v_group_dependence.basis is 'Trade basis the row was computed on: reconciled or reported (ref.indicator_setting trade_basis).';
