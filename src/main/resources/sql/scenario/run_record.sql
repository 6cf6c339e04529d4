-- The record of a run (every kind, last): the editions of the facts its results come from, by source, and how
-- many results it has.

update indicator.scenario_run as r
set editions = coalesce((
        select jsonb_object_agg(source, editions)
        from (select source, array_agg(distinct e order by e) as editions
              from indicator.scenario_result
              cross join lateral unnest(editions) as e
              where run_id = :run_id
              group by source) as by_source), '{}'::jsonb),
    n_results = (select count(*) from indicator.scenario_result where run_id = :run_id)
where r.run_id = :run_id;
