-- Report sheet "Scenarios" (only when scenario runs exist): every result of every run, newest run first.
select
    s.run_id, s.kind, s.name, s.started_at, s.source, s.commodity, s.stage, s.party_kind, s.party, s.measure,
    s.detail, s.year, s.value, s.unit, s.is_upper_bound, s.note
from indicator.v_scenario_result as s
order by s.run_id desc, s.source, s.commodity, s.stage, s.party_kind, s.party, s.measure, s.detail
