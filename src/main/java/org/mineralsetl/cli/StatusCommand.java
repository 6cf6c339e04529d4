package org.mineralsetl.cli;

import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code jobs/etl status [N]}: the last N job executions with their file and counts: rows read = loaded + rejected
 * + ignored; facts merged, and how many of them later loads replaced (a load serves the rest). An execution left
 * STARTED whose file lock nobody holds is shown as abandoned by a dead process.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the most recent job executions with their counts.",
                "read = loaded + rejected + ignored; replaced: facts of the load a later load of the same source and"
                        + " edition replaced (the load serves facts - replaced)."})
class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = "20", paramLabel = "N")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final JdbcTemplate jdbc;

    StatusCommand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Integer call() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select e.job_execution_id as execution, i.job_name as job,
                       coalesce(k.parameter_value, '') as kind,
                       regexp_replace(coalesce(p.parameter_value, ''), '^.*/', '') as file,
                       case when e.status in ('STARTING', 'STARTED', 'STOPPING') and not exists (
                                select 1 from pg_locks as lk
                                where lk.locktype = 'advisory' and lk.objsubid = 1
                                  and ((lk.classid::bigint << 32) | lk.objid::bigint)
                                      = hashtextextended(coalesce(k.parameter_value, '') || ':' || coalesce(h.parameter_value, ''), 0))
                            then e.status || ' (abandoned by a dead process? jobs/etl restart ' || e.job_execution_id || ')'
                            else e.status end as status,
                       coalesce(l.rows_read, 0) as read, coalesce(l.rows_loaded, 0) as loaded,
                       coalesce(l.rows_rejected, 0) as rejected, coalesce(l.rows_ignored, 0) as ignored,
                       coalesce(l.facts_merged, 0) as facts,
                       coalesce((select sum(s.facts) from etl.superseded as s where s.load_id = l.load_id), 0) as replaced,
                       l.load_id as load,
                       to_char(e.start_time, 'YYYY-MM-DD HH24:MI:SS') as started,
                       round(extract(epoch from (e.end_time - e.start_time))::numeric, 1) as seconds,
                       case when e.end_time > e.start_time and l.rows_read > 0
                            then round(l.rows_read / extract(epoch from (e.end_time - e.start_time))::numeric) end as rows_per_s,
                       left(regexp_replace(coalesce(l.message, e.exit_message, ''), '\\s+', ' ', 'g'), 90) as message
                from batch_job_execution as e
                join batch_job_instance as i on i.job_instance_id = e.job_instance_id
                left join batch_job_execution_params as p
                       on p.job_execution_id = e.job_execution_id and p.parameter_name = 'file'
                left join batch_job_execution_params as k
                       on k.job_execution_id = e.job_execution_id and k.parameter_name = 'kind'
                left join batch_job_execution_params as h
                       on h.job_execution_id = e.job_execution_id and h.parameter_name = 'sha256'
                left join etl.load as l on l.job_execution_id = e.job_execution_id
                order by e.job_execution_id desc
                limit ?""", limit);
        PrintWriter out = spec.commandLine().getOut();
        Table.print(out, List.of("execution", "job", "kind", "file", "status", "read", "loaded", "rejected", "ignored",
                "facts", "replaced", "load",
                "started", "seconds", "rows_per_s", "message"), rows);
        return EtlCommand.OK;
    }
}
