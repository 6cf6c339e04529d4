package org.mineralsetl.database;

/** The embedded warehouse's data directory is in use by another process (another run holds it). */
public class WarehouseBusyException extends IllegalStateException {

    public WarehouseBusyException(String message) {
        super(message);
    }
}
