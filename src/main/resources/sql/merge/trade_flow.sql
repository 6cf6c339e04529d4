-- Merge one load (:load_id) into warehouse.trade_flow: the load's rows are already in its own table
-- warehouse.trade_flow_<load_id> (binary COPY by the load step); what is left is set-based and, for a new
-- BACI year, touches no row:
-- 1. a natural key given twice in the load keeps its first row, the others become rejects naming it (the
--    search runs only when the runs the writer recorded do not prove every key unique, see V46);
-- 2. the (source, edition, year) slices of the load are recorded (warehouse.trade_slice);
-- 3. a re-delivery replaces: rows of other loads with a key this load carries are deleted (only when an
--    earlier load touched one of the slices);
-- 4. the load's table is attached as a partition of warehouse.trade_flow.
-- The whole merge runs in one transaction: readers see all of the load or none of it.

call warehouse.prove_trade_keys_unique(:load_id);

call warehouse.remove_duplicate_trade_flows(:load_id);

insert into warehouse.trade_slice (source, edition, year, load_id)
select tl.source, tl.edition, y.year, tl.load_id
from etl.trade_load as tl
cross join lateral unnest(tl.years) as y (year)
where tl.load_id = :load_id
on conflict do nothing;

call warehouse.supersede_trade_flows(:load_id);

call warehouse.attach_trade_flow_table(:load_id);
