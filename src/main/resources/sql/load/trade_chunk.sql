-- What a chunk of a trade load adds to its load record, in one round trip after the chunk's COPY (the chunk's
-- transaction then commits): the runs of rows it wrote (etl.trade_run, for the key proof of the merge), the
-- rows written, the years covered and the load's defaults. Also lets the commit skip waiting for the WAL to
-- reach the disk: the job repository commits in the same transaction, so a server crash can only lose the last
-- chunks together with the record that they were written, and the restart writes them again.
with commit_setting as (
    select set_config('synchronous_commit', 'off', true) as synchronous_commit
),

runs as (
    insert into etl.trade_run (load_id, group_key, first_hs, last_hs, ascending)
    select :load_id, r.group_key, r.first_hs, r.last_hs, r.ascending
    from unnest(:group_keys, :first_hs, :last_hs, :ascending) as r (group_key, first_hs, last_hs, ascending)
)

update etl.trade_load
set rows_written = rows_written + :rows,
    years = array(select distinct y from unnest(coalesce(years, '{}') || :years::smallint[]) as y order by y),
    default_month = :default_month,
    default_hs_revision = :default_hs_revision,
    default_flow = :default_flow,
    default_breakdown = :default_breakdown
where load_id = :load_id
  and (select synchronous_commit from commit_setting) = 'off';
