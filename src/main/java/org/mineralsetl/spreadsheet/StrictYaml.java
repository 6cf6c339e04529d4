package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.BadFileException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed, strict access to a parsed YAML document: every problem is a {@link BadFileException} naming the file and
 * the key, an unknown key included, so a typo is an error and never a silent default.
 */
final class StrictYaml {

    private final String what;

    /** {@code what} names the document in messages ("mapping jobs/sources/wmd.yml"). */
    StrictYaml(String what) {
        this.what = what;
    }

    BadFileException fail(String problem) {
        return new BadFileException(what + ": " + problem);
    }

    void keys(Map<String, Object> m, Set<String> allowed, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw fail("unknown key '" + k + "' in " + where + " (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object o, String where) {
        if (o == null) {
            throw fail(where + " is missing");
        }
        if (!(o instanceof Map<?, ?> raw)) {
            throw fail(where + " must be a mapping of keys to values");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        raw.forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }

    List<?> list(Object o, String where) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw fail(where + " must be a list");
        }
        return l;
    }

    List<String> strings(Object o, String where) {
        return list(o, where).stream().map(String::valueOf).toList();
    }

    Map<String, String> stringMap(Object o, String where) {
        if (o == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map(o, where).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
    }

    String string(Map<String, Object> m, String key, boolean required) {
        Object o = m.get(key);
        if (o == null || String.valueOf(o).isBlank()) {
            if (required) {
                throw fail("'" + key + "' is missing");
            }
            return null;
        }
        return String.valueOf(o);
    }

    boolean bool(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            return false;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        throw fail("'" + key + "' must be true or false");
    }

    int integer(Object o, String where) {
        if (o instanceof Integer i && i > 0) {
            return i;
        }
        throw fail(where + " must be a positive whole number");
    }

    Pattern regex(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fail(where + ": bad regular expression '" + regex + "' (" + e.getDescription() + ")");
        }
    }
}
