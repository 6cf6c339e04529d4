-- Merge one load (:load_id) of production facts into warehouse.production_fact.
-- Grain: source x edition x commodity x stage x measure x reporting unit x year.
-- The facts of a load live in warehouse.production_fact_<load_id>; rows staged in staging.production_row
-- join it first. warehouse.merge_production_fact_load (V33) then, in this transaction:
-- 1. keeps the first row of a key that appears twice in the load; the others become rejects;
-- 2. fails the load on unknown commodity, stage or country codes of staged rows;
-- 3. replaces a re-delivery: the load's keys are deleted from earlier loads of the same source, edition and commodity;
-- 4. attaches the load's table to warehouse.production_fact (a catalogue change, no scan) and empties staging.

call warehouse.merge_production_fact_load(:load_id);
