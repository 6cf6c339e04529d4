package org.mineralsetl.warehouse;

/** A load whose rejected rows passed the threshold set for it: nothing of it is merged into the facts. */
class RejectThresholdExceededException extends RuntimeException {

    RejectThresholdExceededException(String message) {
        super(message);
    }
}
