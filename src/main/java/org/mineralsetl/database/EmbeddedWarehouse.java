package org.mineralsetl.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: a real PostgreSQL (binaries from Maven Central, via zonky) whose data directory
 * persists between runs. Two processes cannot share one data directory; the second gets a clear error.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedWarehouse.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedWarehouse(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedWarehouse start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir.getParent() == null ? Path.of(".") : dataDir.getParent());
            Path pid = dataDir.resolve("postmaster.pid");
            if (Files.exists(pid) && processAlive(pid)) {
                throw new WarehouseBusyException("the embedded warehouse at " + dataDir
                        + " is in use by another process (" + pid + "); wait for it to finish or stop it");
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", "on")
                    // a warehouse loaded in bulk (PostgreSQL's "Populating a Database"): room for the WAL of a
                    // multi-million-row COPY between checkpoints, and buffers for it
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("wal_buffers", "64MB")
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "30min");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("embedded PostgreSQL up on port {} with data in {}", pg.getPort(), dataDir);
            return new EmbeddedWarehouse(pg, dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded warehouse in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean processAlive(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).get(0).trim();
            return ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
