-- Report sheet "Sources": every source file behind the report, with its edition and SHA-256.
-- A file is listed when an indicator row names it in source_file_ids or a completed load read it.
with indicator_files as (
    select unnest(c.source_file_ids) as source_file_id, 'China share' as family from indicator.v_china_share as c
    union
    select unnest(k.source_file_ids), 'Concentration' from indicator.v_concentration as k
),

used_by as (
    select i.source_file_id, string_agg(distinct i.family, ', ' order by i.family) as used_by
    from indicator_files as i
    group by i.source_file_id
),

loads as (
    select l.source_file_id, max(l.finished_at) as loaded_at, sum(l.rows_loaded) as rows_loaded
    from etl.load as l
    where l.status = 'COMPLETED'
    group by l.source_file_id
),

final as (
    select
        f.source_file_id, f.source_kind, f.edition, f.file_name, f.sha256, f.size_bytes, l.loaded_at,
        l.rows_loaded, u.used_by
    from etl.source_file as f
    left join loads as l on l.source_file_id = f.source_file_id
    left join used_by as u on u.source_file_id = f.source_file_id
    where l.source_file_id is not null or u.source_file_id is not null
)

select * from final
order by source_kind, edition, file_name
