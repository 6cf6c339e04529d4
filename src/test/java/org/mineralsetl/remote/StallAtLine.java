package org.mineralsetl.remote;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Holds a worker mid-partition: a trigger on a trade load's own table (made here, as the load would) that sleeps on
 * the first insert of one source line (a sequence, which no rollback resets, counts the inserts), so the chunk
 * holding it hangs uncommitted while the chunks before it are committed; a second try at that line goes through.
 * {@link #release()} ends the sleeping session (the worker holding it is gone by then) and removes the trigger.
 */
final class StallAtLine implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final String table;

    private StallAtLine(JdbcTemplate jdbc, long loadId, long line) {
        this.jdbc = jdbc;
        this.table = "warehouse.trade_flow_" + loadId;
        jdbc.update("call warehouse.create_trade_flow_table(?)", loadId);
        jdbc.execute("drop sequence if exists staging.stall_at_line_seq");
        jdbc.execute("create sequence staging.stall_at_line_seq");
        jdbc.execute("""
                create or replace function staging.stall_at_line() returns trigger language plpgsql as $$
                begin
                    if new.row_number = %d and nextval('staging.stall_at_line_seq') = 1 then
                        perform pg_sleep(300);
                    end if;
                    return new;
                end $$""".formatted(line));
        jdbc.execute("create trigger stall_at_line before insert on " + table
                + " for each row execute function staging.stall_at_line()");
    }

    static StallAtLine of(JdbcTemplate jdbc, long loadId, long line) {
        return new StallAtLine(jdbc, loadId, line);
    }

    private long sleepers() {
        return jdbc.queryForObject("""
                select count(*) from pg_stat_activity
                where datname = current_database() and wait_event = 'PgSleep' and pid <> pg_backend_pid()""", Long.class);
    }

    /** Waits for the stall; returns the application_name of the stalled session (the worker's name). */
    String awaitStalled(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (sleepers() == 0) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no load reached the stalled line within " + limit);
            }
            WorkerProcess.sleep(100);
        }
        return jdbc.queryForObject("""
                select application_name from pg_stat_activity
                where datname = current_database() and wait_event = 'PgSleep' and pid <> pg_backend_pid()
                limit 1""", String.class);
    }

    /** Ends the stalled session (its transaction rolls back) and lets later inserts through. */
    void release() {
        // the sleeper first: it holds a lock on the table that dropping the trigger waits for
        jdbc.queryForList("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and wait_event = 'PgSleep' and pid <> pg_backend_pid()""");
        jdbc.execute("drop trigger if exists stall_at_line on " + table);
    }

    @Override
    public void close() {
        release();
        jdbc.execute("drop function if exists staging.stall_at_line()");
        jdbc.execute("drop sequence if exists staging.stall_at_line_seq");
    }
}
