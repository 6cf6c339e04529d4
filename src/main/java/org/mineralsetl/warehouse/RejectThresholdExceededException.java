package org.mineralsetl.warehouse;

/** A load whose rejected rows passed the threshold set for it: nothing of it is merged into the facts. */
public class RejectThresholdExceededException extends RuntimeException {

    public RejectThresholdExceededException(String message) {
        super(message);
    }
}
