-- The record of a run (every kind, last): the editions of the facts its results come from, by source, and how
-- many results it has.

with by_editions as (
    -- the results read once, down to a row per source and set of editions (a handful)
    select source, editions, count(*) as n_results
    from indicator.scenario_result
    where run_id = :run_id
    group by source, editions
),

by_source as (
    select source, array_agg(distinct e order by e) as editions
    from by_editions
    cross join lateral unnest(editions) as e
    group by source
)

update indicator.scenario_run as r
set editions = coalesce((select jsonb_object_agg(source, editions) from by_source), '{}'::jsonb),
    n_results = (select coalesce(sum(n_results), 0) from by_editions)
where r.run_id = :run_id;
