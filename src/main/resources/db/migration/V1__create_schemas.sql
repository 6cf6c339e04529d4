-- Layers of the warehouse. Analysts read warehouse.* and indicator.* views; the rest is plumbing.
create schema if not exists ref;        -- reference dimensions: countries, aliases, groups, commodities, stages, source maps
create schema if not exists staging;    -- rows of one load, as parsed, before the set-based merge into facts
create schema if not exists warehouse;  -- facts with lineage, and the public views over them
create schema if not exists indicator;  -- computed indicators (China share, HHI, ...)
create schema if not exists etl;        -- audit: source files, loads, rejects

comment on schema ref is 'Reference dimensions: countries and their aliases, country groups, commodities, stages, source code maps.';
comment on schema staging is 'Rows of a load as parsed, keyed by load_id, before the set-based merge into warehouse facts.';
comment on schema warehouse is 'Facts with lineage (source file, row, job execution, edition) and the public views analysts query.';
comment on schema indicator is 'Computed indicators: China share, concentration, dependence.';
comment on schema etl is 'Audit trail: every source file (SHA-256), every load and every rejected row with its reason.';
