-- Column comments of the public warehouse views (applied after R__warehouse_views.sql).
do $$
declare
    v text;
begin
    foreach v in array array['warehouse.v_production', 'warehouse.v_production_all_editions'] loop
        execute format('comment on column %s.source is %L', v, 'Publisher series: usgs_mcs (USGS Mineral Commodity Summaries), wmd (World Mining Data).');
        execute format('comment on column %s.commodity is %L', v, 'Commodity code from ref.commodity (lowercase snake_case).');
        execute format('comment on column %s.stage is %L', v, 'Supply-chain stage: mine, refinery or product (ref.stage).');
        execute format('comment on column %s.country_iso3 is %L', v, 'ISO 3166-1 alpha-3 of the producing country (ref.country).');
        execute format('comment on column %s.year is %L', v, 'Calendar year of the data (not of the edition).');
        execute format('comment on column %s.quantity_t is %L', v, 'Quantity in metric tonnes of the basis; null when withheld (W), not available (NA) or only a bound is published.');
        execute format('comment on column %s.original_value is %L', v, 'Number as published, in original_unit.');
        execute format('comment on column %s.original_unit is %L', v, 'Unit as published: t, kt, kg, ...');
        execute format('comment on column %s.qualifier is %L', v, 'null for a plain number; W withheld, NA not available, > or < bound, included (in another row), E net exporter.');
        execute format('comment on column %s.lower_bound_t is %L', v, 'Lower bound in tonnes when the cell is a bound such as >50.');
        execute format('comment on column %s.upper_bound_t is %L', v, 'Upper bound in tonnes when the cell is a bound such as "Less than 1/2 unit".');
        execute format('comment on column %s.is_estimate is %L', v, 'True when the source marks the value as estimated (column name est, e prefix, e after the country name, "estimated" note).');
        execute format('comment on column %s.basis is %L', v, 'What is measured: rare-earth-oxide equivalent, contained cobalt, lithium content, gross weight, ...');
        execute format('comment on column %s.detail is %L', v, 'Sub-classification printed with the country (e.g. concentrate) or the column.');
        execute format('comment on column %s.note is %L', v, 'Notes from the source row.');
        execute format('comment on column %s.edition is %L', v, 'Vintage of the publication the row comes from, e.g. MCS2024.');
        execute format('comment on column %s.source_file_id is %L', v, 'Lineage: etl.source_file (path, SHA-256).');
        execute format('comment on column %s.row_number is %L', v, 'Lineage: line number in the source file where the record starts (1 = header).');
        execute format('comment on column %s.load_id is %L', v, 'Lineage: etl.load (job execution, counts).');
    end loop;
end $$;

comment on column warehouse.v_reserves_capacity.measure is 'reserves or capacity.';
comment on column warehouse.v_reserves_capacity.entity_kind is 'country, world_total or residual ("Other countries").';
comment on column warehouse.v_reserves_capacity.entity_label is 'Reporting unit as printed (footnote marks removed).';
comment on column warehouse.v_reserves_capacity.country_iso3 is 'ISO alpha-3 for country rows, null for world totals and residuals.';
comment on column warehouse.v_reserves_capacity.year is 'Year: the capacity year in the column name; for reserves (no year in the file) the year before the edition.';
comment on column warehouse.v_reserves_capacity.quantity_t is 'Metric tonnes; null when withheld, not available or only a bound.';
comment on column warehouse.v_reserves_capacity.qualifier is 'null, W, NA, >, <, included.';
comment on column warehouse.v_reserves_capacity.edition is 'Vintage, e.g. MCS2024.';
comment on column warehouse.v_reserves_capacity.source_file_id is 'Lineage: etl.source_file.';

comment on column warehouse.v_production_world_total.entity_kind is 'world_total (a reported world total) or residual (an "Other countries" row; never a country).';
comment on column warehouse.v_production_world_total.entity_label is 'Label as printed, e.g. World total (rounded), World total (rutile, rounded), Other countries.';
comment on column warehouse.v_production_world_total.note is 'Qualifiers of the total, e.g. "Excludes U.S. production."';
comment on column warehouse.v_production_world_total.quantity_t is 'Metric tonnes of the basis.';
comment on column warehouse.v_production_world_total.edition is 'Vintage, e.g. MCS2024.';

comment on column warehouse.v_us_salient.commodity is 'Commodity code (ref.commodity).';
comment on column warehouse.v_us_salient.year is 'Calendar year.';
comment on column warehouse.v_us_salient.measure is 'production, imports, exports, consumption, stocks, shipments, price, employment, nir_pct.';
comment on column warehouse.v_us_salient.detail is 'Form or sub-measure from the column name (ore, metal, apparent, reported_primary, ...); empty when none.';
comment on column warehouse.v_us_salient.value is 'Value in unit: masses converted to metric tonnes (t); prices, percents and counts as published.';
comment on column warehouse.v_us_salient.unit is 't, pct, count, usd_per_t, usd_per_kg, usd_per_lb, usd_per_troy_oz.';
comment on column warehouse.v_us_salient.original_value is 'Number as published in original_unit.';
comment on column warehouse.v_us_salient.original_unit is 'Unit suffix as published (or corrected by ref.usgs_column_override).';
comment on column warehouse.v_us_salient.qualifier is 'null, W withheld, NA, E net exporter, > or < bound.';
comment on column warehouse.v_us_salient.lower_bound is 'Lower bound in unit for > cells (e.g. NIR >50).';
comment on column warehouse.v_us_salient.upper_bound is 'Upper bound in unit for < cells ("Less than 1/2 unit").';
comment on column warehouse.v_us_salient.is_estimate is 'True when marked as estimated.';
comment on column warehouse.v_us_salient.edition is 'Vintage, e.g. MCS2024.';
comment on column warehouse.v_us_salient.column_name is 'Lineage: the source column.';
