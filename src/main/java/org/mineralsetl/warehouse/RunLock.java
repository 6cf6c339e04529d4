package org.mineralsetl.warehouse;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The one-run-at-a-time lock of run-all, schedule and inbox scans: a PostgreSQL session advisory lock,
 * held on a dedicated connection for the length of the run and released when the process ends, however it
 * ends (a killed process's session goes with it).
 */
@Component
public class RunLock {

    /** Arbitrary constant: "minerals-etl run-all". */
    static final long KEY = 0x6d696e6572616c73L;

    private final DataSource dataSource;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock, or empty (with who holds it) when another run has it. */
    public Optional<Held> tryAcquire() {
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.close();
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(() -> {
                try (c; PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, KEY);
                    ps.execute();
                } catch (SQLException e) {
                    // the session ends with the connection; the lock goes with it
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock: " + e.getMessage(), e);
        }
    }

    /** Who holds the lock, for the refusal message: "pid 1234 since 2026-11-28 16:20:01" or empty. */
    public Optional<String> holder() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select l.pid, to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS'), a.client_addr
                     from pg_locks as l join pg_stat_activity as a on a.pid = l.pid
                     where l.locktype = 'advisory' and l.granted
                       and ((l.classid::bigint << 32) | l.objid::bigint) = ?""")) {
            ps.setLong(1, KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of("database session " + rs.getInt(1) + " connected since " + rs.getString(2))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
