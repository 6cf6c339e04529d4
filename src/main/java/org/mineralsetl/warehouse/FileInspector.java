package org.mineralsetl.warehouse;

import java.nio.file.Path;

/**
 * Looks at a file before any row is read: checks it is what its import expects and tells its edition.
 * Throws {@link org.mineralsetl.support.BadFileException} with one actionable sentence when it is not.
 */
@FunctionalInterface
public interface FileInspector {
    String editionOf(Path file);
}
