package org.mineralsetl.baci;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A simulated crash for restart tests: a trigger on a trade load's own table (made here, as the load would) that
 * fails the insert of one source line, so the chunk holding it rolls back and the load fails there. Closing it
 * removes the trigger, so the rerun goes through.
 */
final class CrashAtLine implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final String table;

    private CrashAtLine(JdbcTemplate jdbc, long loadId, long line) {
        this.jdbc = jdbc;
        this.table = "warehouse.trade_flow_" + loadId;
        jdbc.update("call warehouse.create_trade_flow_table(?)", loadId);
        jdbc.execute("""
                create or replace function staging.crash_at_line() returns trigger language plpgsql as $$
                begin
                    if new.row_number = %d then
                        raise exception 'simulated crash at line %d';
                    end if;
                    return new;
                end $$""".formatted(line, line));
        jdbc.execute("create trigger crash_at_line before insert on " + table
                + " for each row execute function staging.crash_at_line()");
    }

    /** Load {@code loadId} (ids start again at 1 in every test) fails when it writes source line {@code line}. */
    static CrashAtLine of(JdbcTemplate jdbc, long loadId, long line) {
        return new CrashAtLine(jdbc, loadId, line);
    }

    @Override
    public void close() {
        jdbc.execute("drop trigger if exists crash_at_line on " + table);
        jdbc.execute("drop function if exists staging.crash_at_line()");
    }
}
