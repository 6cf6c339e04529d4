package org.mineralsetl.cli;

import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jobs/etl status [N]}: the last N job executions with their file and counts. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the most recent job executions with their counts.")
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
                       e.status, coalesce(l.rows_read, 0) as read, coalesce(l.rows_loaded, 0) as loaded,
                       coalesce(l.rows_rejected, 0) as rejected, coalesce(l.facts_merged, 0) as facts, l.load_id as load,
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
                left join etl.load as l on l.job_execution_id = e.job_execution_id
                order by e.job_execution_id desc
                limit ?""", limit);
        PrintWriter out = spec.commandLine().getOut();
        Table.print(out, List.of("execution", "job", "kind", "file", "status", "read", "loaded", "rejected", "facts", "load",
                "started", "seconds", "rows_per_s", "message"), rows);
        return EtlCommand.OK;
    }
}
