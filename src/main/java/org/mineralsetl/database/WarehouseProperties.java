package org.mineralsetl.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the warehouse lives. With no url the embedded PostgreSQL is started on {@code dataDir}, so a
 * later run (a query, a status) sees the earlier loads.
 *
 * @param url      JDBC URL (WAREHOUSE_URL); empty for the embedded default
 * @param user     WAREHOUSE_USER
 * @param password WAREHOUSE_PASSWORD
 * @param dataDir  data directory of the embedded PostgreSQL (WAREHOUSE_DATA_DIR, default var/warehouse)
 */
@ConfigurationProperties("warehouse")
record WarehouseProperties(String url, String user, String password, String dataDir) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
