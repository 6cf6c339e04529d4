-- Chart scenario-imports-lost.png: the share of its imports each importer and group loses in the latest shock run.
select s.run_id, coalesce(s.name, '') as name, s.source, s.commodity, s.stage, s.party, s.year, s.value as lost_pct
from indicator.v_scenario_result as s
where s.run_id = (select max(run_id) from indicator.v_scenario_run where kind = 'shock')
  and s.measure = 'imports_lost_pct'
  and s.value is not null
order by s.source, s.commodity, s.stage, s.value desc, s.party
