package org.mineralsetl.database;

import java.io.IOException;

/**
 * The PostgreSQL server the warehouse lives on: an external one (WAREHOUSE_URL) or the embedded one,
 * which this object owns and stops on close.
 */
public record WarehouseServer(String jdbcUrl, String user, String password, EmbeddedWarehouse embedded)
        implements AutoCloseable {

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
