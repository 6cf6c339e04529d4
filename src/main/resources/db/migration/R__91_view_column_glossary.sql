-- The meaning of every column of the public views (v_*) that has no comment of its own: a glossary by column
-- name, applied to each such column (a view's own COMMENT ON, in its file or R__90, wins). A test checks that no
-- public view column is left without one.

do $$
declare
    col record;
begin
    for col in
        select n.nspname, c.relname, a.attname, g.description
        from pg_class as c
        join pg_namespace as n on n.oid = c.relnamespace
        join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        join (values
            ('apparent_consumption_t', 'US apparent consumption in tonnes = production + imports - exports + stock change (the formula in the view''s file header).'),
            ('as_of', 'Date the stockpile holding was counted.'),
            ('basis', 'What the quantity measures: gross weight, contained metal or oxide equivalent (as the source states).'),
            ('china_share_pct', 'China''s share of world supply in percent (0-100).'),
            ('commodity', 'Commodity code from ref.commodity (lowercase snake_case).'),
            ('computed_at', 'When the indicator row was computed (jobs/etl indicators, run after each run-all).'),
            ('detail', 'Product or form the value refers to when a source splits a commodity (e.g. bauxite vs alumina), else empty.'),
            ('edition', 'Edition of the source the figures come from (e.g. MCS2024, WMD2023, BACI V202301).'),
            ('editions', 'Editions of the trade sources the figures come from, comma separated.'),
            ('exports_t', 'US exports in tonnes (USGS salient statistics).'),
            ('flow', 'Trade flow: M imports (CIF), X exports (FOB), RM re-imports, RX re-exports.'),
            ('greater_china_t', 'Production of China, Hong Kong, Macao and Taiwan together, in tonnes (the Greater China variant).'),
            ('group_code', 'Country group code from ref.country_group (allied_bloc is editable data).'),
            ('group_name', 'Name of the country group.'),
            ('group_t', 'Production of the group''s members in tonnes.'),
            ('hhi', 'Herfindahl-Hirschman index of country shares, 0-10,000 (shares in percent); the 1,000 / 1,800 bands of the 2023 US merger guidelines apply only as an analogy.'),
            ('imports_t', 'US imports in tonnes (USGS salient statistics).'),
            ('is_estimate', 'True when the source marks the value as an estimate (USGS e).'),
            ('is_proxy', 'True when an HS code only approximates the commodity (ref.hs_map marks it a proxy: the heading holds other goods too).'),
            ('iso2', 'ISO 3166-1 alpha-2 code.'),
            ('iso3', 'ISO 3166-1 alpha-3 code (ref.country).'),
            ('load_id', 'The load (etl.load) that wrote the row: file, SHA-256 and job execution.'),
            ('lower_bound_t', 'Lower bound in tonnes when the source gives a bound (>50) rather than a value.'),
            ('m49', 'UN M49 numeric code.'),
            ('n_countries', 'Number of producing countries with a value.'),
            ('n_members_listed', 'Number of the group''s members listed with a value.'),
            ('n_producers', 'Number of producing countries counted.'),
            ('n_suppliers', 'Number of partner countries supplying the importer.'),
            ('net_imports_t', 'US net imports in tonnes (imports - exports).'),
            ('non_country_value_usd', 'Trade value in USD with partners that are not countries (areas nes, bunkers), kept apart from the country rows.'),
            ('not_computable_reason', 'Why the value cannot be computed (a component not published), else null.'),
            ('note', 'Footnote or remark the source gives with the value.'),
            ('original_unit', 'Unit as published, before conversion to the canonical unit.'),
            ('original_value', 'Value as published, before conversion to the canonical unit.'),
            ('production_t', 'Production in tonnes.'),
            ('qualifier', 'Qualifier the source gives instead of or with a value: W withheld, E net exporter, NA, bounds, words such as Small.'),
            ('quantity_t', 'Quantity in tonnes (canonical unit).'),
            ('reference_edition', 'Edition of the USGS figures the cover is measured against.'),
            ('region', 'UN M49 region.'),
            ('reporter_iso3', 'ISO3 of the reporting (importing) country.'),
            ('row_number', 'Row of the source file (sheet row for workbooks, line for CSV) the value was read from.'),
            ('share_basis', 'What the shares are of: world total as published, or the sum of the countries listed.'),
            ('source', 'Source series: usgs_mcs (USGS Mineral Commodity Summaries), wmd (World Mining Data), baci, comtrade.'),
            ('source_file_id', 'The source file (etl.source_file: name, SHA-256) the value was read from.'),
            ('source_file_ids', 'The source files (etl.source_file) the figures were computed from.'),
            ('stage', 'Supply-chain stage: mine, refinery or product (ref.stage).'),
            ('stock_change_t', 'US stocks of the year before minus stocks of the year, in tonnes (a drawdown adds supply; 0 when stocks are not published).'),
            ('sub_region', 'UN M49 sub-region.'),
            ('total_value_usd', 'Total trade value in USD of the group''s imports of the commodity.'),
            ('upper_bound_t', 'Upper bound in tonnes when the source gives a bound (<0.5) rather than a value.'),
            ('world_note', 'How the world total was obtained (published total or sum of countries).'),
            ('world_t', 'World total in tonnes.'),
            ('year', 'Calendar year of the data (not of the edition).')
        ) as g (column_name, description) on g.column_name = a.attname
        where c.relkind in ('v', 'm')
          and n.nspname in ('warehouse', 'indicator', 'ref')
          and c.relname like 'v\_%'
          and col_description(c.oid, a.attnum) is null
    loop
        execute format('comment on column %I.%I.%I is %L', col.nspname, col.relname, col.attname,
                       col.description);
    end loop;
end $$;
