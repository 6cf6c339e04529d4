package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.Names;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A column of a mapping, found in each sheet's header: by its header text (case, accents and punctuation ignored),
 * by position (1 = column A, whatever its header says) or by the first header cell a regex matches. Exactly one
 * of the three is set.
 */
record ColumnRef(String header, int position, Pattern pattern) {

    static ColumnRef named(String header) {
        return new ColumnRef(header, 0, null);
    }

    static ColumnRef at(int position) {
        return new ColumnRef(null, position, null);
    }

    static ColumnRef matching(Pattern pattern) {
        return new ColumnRef(null, 0, pattern);
    }

    /**
     * The column under {@code key} of a mapping's columns: a header name, {header: name}, {position: n} (1 = column
     * A) or {pattern: regex}; null when the key is absent.
     */
    static ColumnRef parse(StrictYaml yaml, Map<String, Object> columns, String key) {
        Object o = columns.get(key);
        if (o == null) {
            return null;
        }
        if (!(o instanceof Map<?, ?>)) {
            return named(yaml.string(columns, key, true));
        }
        String where = "columns." + key;
        Map<String, Object> c = yaml.map(o, where);
        yaml.keys(c, Set.of("header", "position", "pattern"), where);
        if (c.size() != 1) {
            throw yaml.fail(where + " needs exactly one of header, position or pattern");
        }
        if (c.containsKey("position")) {
            return at(yaml.integer(c.get("position"), where + ".position"));
        }
        if (c.containsKey("pattern")) {
            return matching(yaml.regex(yaml.string(c, "pattern", true), where + ".pattern"));
        }
        return named(yaml.string(c, "header", true));
    }

    /** The zero-based index of this column in a header, or -1 when the header has no such column. */
    int find(List<String> cells) {
        if (position > 0) {
            return position <= cells.size() ? position - 1 : -1;
        }
        if (pattern != null) {
            for (int i = 0; i < cells.size(); i++) {
                if (pattern.matcher(cells.get(i)).matches()) {
                    return i;
                }
            }
            return -1;
        }
        String key = Names.key(header);
        for (int i = 0; i < cells.size(); i++) {
            if (Names.key(cells.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The column as a reject or refusal names it: its header text, or the header text found at its place. */
    String describe(List<String> cells) {
        int i = find(cells);
        if (i >= 0 && !cells.get(i).isEmpty()) {
            return cells.get(i);
        }
        return describe();
    }

    /** The column as the mapping gives it. */
    String describe() {
        if (position > 0) {
            return "column " + position;
        }
        return pattern != null ? "column matching " + pattern.pattern() : header;
    }
}
