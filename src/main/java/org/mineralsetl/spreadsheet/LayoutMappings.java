package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.BadFileException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The layout mappings known to this run: every jobs/sources/*.yml under the project home, plus any
 * mapping file given on the command line ({@code import --mapping FILE}). Looked up by import kind.
 */
@Component
class LayoutMappings {

    private final Path directory;
    private final Map<String, LayoutMapping> byKind = new ConcurrentHashMap<>();

    LayoutMappings(@Value("${etl.home:.}") String home) {
        this.directory = sourcesDirectory(home);
        for (Path p : files(directory)) {
            register(p);
        }
    }

    static Path sourcesDirectory(String home) {
        return Path.of(home).resolve("jobs").resolve("sources");
    }

    /** The mapping files of a directory, sorted by name. */
    static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a mapping file; a file given again (or a new file with the same name) replaces the earlier one. */
    LayoutMapping register(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadFileException("mapping " + file + ": no such file");
        }
        LayoutMapping m = LayoutMappingFile.load(file.toAbsolutePath().normalize());
        byKind.put(m.kind(), m);
        return m;
    }

    Optional<LayoutMapping> byKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    LayoutMapping require(String kind) {
        return byKind(kind).orElseThrow(() -> new BadFileException("no layout mapping for import kind " + kind));
    }
}
