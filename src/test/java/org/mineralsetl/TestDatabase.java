package org.mineralsetl;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL the integration tests use: the local server on 127.0.0.1:5432 (user postgres,
 * trust auth; .ci/run starts it) with a database of its own, dropped and created anew for every run
 * ({@code -Dtest.database=...} or TEST_DATABASE, default minerals_etl_test). When no server answers
 * there, an embedded PostgreSQL is started for the run instead. Never H2, never a mock.
 */
public final class TestDatabase {

    public record Connection(String url, String user, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = open();
        }
        return connection;
    }

    private static Connection open() {
        String host = System.getProperty("test.pg.host", env("TEST_PG_HOST", "127.0.0.1"));
        String port = System.getProperty("test.pg.port", env("TEST_PG_PORT", "5432"));
        String db = System.getProperty("test.database", env("TEST_DATABASE", "minerals_etl_test"));
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (java.sql.Connection c = DriverManager.getConnection(admin + "?connectTimeout=3", "postgres", "");
             Statement st = c.createStatement()) {
            // a fresh database per test run: no state from an earlier run or an earlier schema version
            st.execute("drop database if exists " + db + " with (force)");
            st.execute("create database " + db);
            return new Connection("jdbc:postgresql://" + host + ":" + port + "/" + db, "postgres", "");
        } catch (SQLException e) {
            System.err.println("TestDatabase: no PostgreSQL at " + host + ":" + port + " (" + e.getMessage()
                    + "); starting an embedded PostgreSQL for this run");
            return embedded();
        }
    }

    private static Connection embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("minerals-etl-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // shutting down
                }
            }));
            return new Connection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
