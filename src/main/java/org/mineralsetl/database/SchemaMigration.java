package org.mineralsetl.database;

import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the warehouse at start-up, and says what to do with one whose schema history this build does not know
 * (created by a build before the schema was folded into its baseline): it cannot be upgraded in place, and since
 * every fact comes from files it is rebuilt by loading them again.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

    @Bean
    FlywayMigrationStrategy flywayMigrationStrategy(WarehouseProperties warehouse) {
        return flyway -> {
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                String m = String.valueOf(e.getMessage());
                if (m.contains("Validate failed") || m.contains("checksum mismatch") || m.contains("not resolved locally")) {
                    throw new WarehouseRebuildNeededException("the warehouse was created by an earlier build of minerals-etl whose"
                            + " schema this one cannot upgrade; rebuild it: " + (warehouse.embedded()
                            ? "remove " + warehouse.dataDir() + " (WAREHOUSE_DATA_DIR)"
                            : "drop and create the database of WAREHOUSE_URL")
                            + ", then run jobs/etl run-all on your input folders (every fact comes from files)", e);
                }
                throw e;
            }
        };
    }
}
