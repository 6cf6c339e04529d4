package org.mineralsetl.warehouse;

/**
 * A load as recorded in etl.load, with its file: rowsRead = rowsLoaded + rowsRejected + rowsIgnored;
 * factsSuperseded of earlier loads it replaced; factsReplacedByLater of its own that later loads replaced.
 */
public record LoadSummary(long loadId, long sourceFileId, String fileName, String sha256, String sourceKind,
                          String edition, String status, long rowsRead, long rowsLoaded, long rowsRejected,
                          long factsMerged, String message, long jobExecutionId, long rowsIgnored,
                          long factsSuperseded, int attempt, long factsReplacedByLater) {
}
