package org.mineralsetl.database;

/** The warehouse's schema history is not one this build can upgrade: it must be created anew and its files loaded. */
public class WarehouseRebuildNeededException extends RuntimeException {

    WarehouseRebuildNeededException(String message, Throwable cause) {
        super(message, cause);
    }
}
