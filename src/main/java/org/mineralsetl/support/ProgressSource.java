package org.mineralsetl.support;

/** A reader that can tell how far through its file it is. */
interface ProgressSource {

    String fileName();

    long bytesRead();

    long totalBytes();
}
