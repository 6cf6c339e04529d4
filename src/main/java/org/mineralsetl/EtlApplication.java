package org.mineralsetl;

import org.mineralsetl.database.WarehouseBusyException;
import org.mineralsetl.database.WarehouseRebuildNeededException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** minerals-etl: critical-mineral production and trade statistics into a PostgreSQL warehouse. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EtlApplication {

    public static void main(String[] args) {
        int exit;
        try {
            exit = SpringApplication.exit(SpringApplication.run(EtlApplication.class, args));
        } catch (RuntimeException e) {
            exit = startupFailure(e);
        }
        System.exit(exit);
    }

    /** One line on stderr for a start that failed: 3 when another run holds the embedded warehouse, else 1. */
    static int startupFailure(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof WarehouseBusyException busy) {
                System.err.println("refused: " + busy.getMessage());
                return 3;
            }
            if (t instanceof WarehouseRebuildNeededException rebuild) {
                System.err.println("error: " + rebuild.getMessage());
                return 1;
            }
        }
        System.err.println("error: cannot start: " + root.getMessage());
        return 1;
    }
}
