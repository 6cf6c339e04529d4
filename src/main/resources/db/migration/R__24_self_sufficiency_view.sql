-- indicator.v_group_self_sufficiency: could a group's own production supply what it uses? Latest edition per key.
-- Formula and caveats: the header of sql/indicators/self_sufficiency.sql and docs/scenarios.md.

create or replace view indicator.v_group_self_sufficiency as
with ranked as (
    select s.*, row_number() over (partition by group_code, source, trade_source, commodity, stage, year
                                   order by edition desc) as edition_rank
    from indicator.group_self_sufficiency as s
)
select group_code, source, trade_source, commodity, stage, year, self_sufficiency_ratio, ratio_basis,
       group_production_t, world_t, group_share_pct, n_members, n_members_with_consumption, members_consumption_t,
       n_reporters, imports_from_outside_t, imports_from_outside_usd, imports_from_inside_usd, imports_from_china_usd,
       imports_from_china_t, edition, computed_at
from ranked
where edition_rank = 1;

comment on view indicator.v_group_self_sufficiency is 'Self-sufficiency of each group of ref.country_group (editable: allied_bloc) by commodity, stage and year: its production against its members'' apparent consumption where every member has one (only the US has, from the USGS salient statistics), else against production plus imports from outside the group (a rough indicator mixing production basis and trade net weight; exports not subtracted). Latest edition of the production figures.';
comment on column indicator.v_group_self_sufficiency.group_code is 'ref.country_group.group_code; edit ref.country_group_member and rerun jobs/etl indicators.';
comment on column indicator.v_group_self_sufficiency.source is 'Production source: usgs_mcs or wmd.';
comment on column indicator.v_group_self_sufficiency.trade_source is 'Trade source of the import columns: comtrade or baci; empty when no member reported imports of the key.';
comment on column indicator.v_group_self_sufficiency.commodity is 'Commodity code (ref.commodity).';
comment on column indicator.v_group_self_sufficiency.stage is 'mine, refinery or product: production of the stage and imports of the HS codes of the stage.';
comment on column indicator.v_group_self_sufficiency.year is 'Data year of production and trade.';
comment on column indicator.v_group_self_sufficiency.self_sufficiency_ratio is 'group_production_t / members_consumption_t (ratio_basis production_over_consumption), else group_production_t / (group_production_t + imports_from_outside_t) (production_over_production_plus_imports); null when a term is unknown (a member withheld, no imports reported). 1 = produces what it uses.';
comment on column indicator.v_group_self_sufficiency.ratio_basis is 'production_over_consumption, production_over_production_plus_imports (labelled fallback, mixes production basis and net weight) or unknown (neither formula applies); the formula that applies, even when one of its terms is null.';
comment on column indicator.v_group_self_sufficiency.group_production_t is 'Members'' production in tonnes of the source''s basis (indicator.v_group_share.group_t); null when a member is withheld.';
comment on column indicator.v_group_self_sufficiency.world_t is 'World production, tonnes (the denominator of group_share_pct).';
comment on column indicator.v_group_self_sufficiency.group_share_pct is 'The group''s share of world production, percent.';
comment on column indicator.v_group_self_sufficiency.n_members is 'Members of the group.';
comment on column indicator.v_group_self_sufficiency.n_members_with_consumption is 'Members with a known apparent consumption (USGS salient statistics: the United States only).';
comment on column indicator.v_group_self_sufficiency.members_consumption_t is 'Sum of the known members'' apparent consumption, tonnes (production + imports - exports + stock change).';
comment on column indicator.v_group_self_sufficiency.n_reporters is 'Members that reported imports of the commodity and stage that year.';
comment on column indicator.v_group_self_sufficiency.imports_from_outside_t is 'Members'' imports from partner countries outside the group, net weight in tonnes.';
comment on column indicator.v_group_self_sufficiency.imports_from_outside_usd is 'The same in USD (CIF for Comtrade, FOB for BACI).';
comment on column indicator.v_group_self_sufficiency.imports_from_inside_usd is 'Members'' imports from other members, USD.';
comment on column indicator.v_group_self_sufficiency.imports_from_china_usd is 'Members'' imports from China (CHN), USD.';
comment on column indicator.v_group_self_sufficiency.imports_from_china_t is 'Members'' imports from China (CHN), tonnes.';
comment on column indicator.v_group_self_sufficiency.edition is 'Edition of the production figures.';
comment on column indicator.v_group_self_sufficiency.computed_at is 'When the indicators job computed the row.';
