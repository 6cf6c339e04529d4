package org.mineralsetl.support;

/**
 * A file that cannot be loaded at all (wrong layout, unreadable, not what its name says). The message is
 * one sentence a person can act on, naming the file and the problem; the job fails and loads nothing.
 */
public class BadFileException extends RuntimeException {

    public BadFileException(String message) {
        super(message);
    }

    public BadFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
