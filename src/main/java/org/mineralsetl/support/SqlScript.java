package org.mineralsetl.support;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The statements of a SQL file on the classpath: split at a semicolon that ends a line; comments kept. */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<String> statements(String resource) {
        try {
            String text = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
            return Arrays.stream(text.split(";\\s*(\\n|$)"))
                    .map(String::strip)
                    .filter(s -> !s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
