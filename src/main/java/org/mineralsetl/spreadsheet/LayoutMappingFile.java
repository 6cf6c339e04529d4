package org.mineralsetl.spreadsheet;

import org.apache.poi.ss.util.CellReference;
import org.mineralsetl.support.BadFileException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a layout mapping file (YAML). Strict: an unknown key, a missing required key or a bad regex is
 * an error naming the file and the key, so a typo never silently changes what is loaded. The keys:
 * <pre>
 * name, description, files (regex on the file name)
 * target:  facts (production), source, edition, measure (production), stage (default stage)
 *          edition: a literal | {file-name: regex, template} | {cell: "Sheet!A1", pattern: regex, template}
 * sheets:  include, exclude (regexes on the trimmed sheet name), include-hidden,
 *          commodities: {sheet name: commodity | {commodity, stage, basis}}   the sheet names the commodity, or
 *          entity: sheet-name                                                   the sheet names the entity
 * header:  tokens (header cells that must all be present, case-insensitive), search-rows
 * columns: entity, commodity, unit (or fixed-unit), note: each a header name | {position: n} | {pattern: regex};
 *          years (regex on header cells)
 * commodities: {label in the commodity column: commodity | {commodity, stage, basis}}
 * units:   {unit as printed: tonnes per unit}
 * values:  markers {cell text: qualifier}, estimate-suffix, thousands-separators
 * notes:   estimate (regex on the note), qualifiers {note text: qualifier}
 * entities: [{label: regex, kind: world_total | residual}]
 * country-parts: {label or sheet name: country name}   summed into one country (Russia, Asia + Russia, Europe)
 * ignore:  [{entity: regex, reason}, {commodity: regex, reason}, {no-values: true, reason}]
 * </pre>
 * The commodity comes from exactly one of sheets.commodities and columns.commodity (with commodities); the entity
 * from exactly one of columns.entity and sheets.entity. docs/mappings.md describes every key with examples.
 */
final class LayoutMappingFile {

    private static final Set<String> TOP = Set.of("name", "description", "files", "target", "sheets", "header",
            "columns", "commodities", "units", "values", "notes", "entities", "country-parts", "ignore");

    private final Path path;

    private LayoutMappingFile(Path path) {
        this.path = path;
    }

    static LayoutMapping load(Path path) {
        return new LayoutMappingFile(path).parse();
    }

    private LayoutMapping parse() {
        Object doc;
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw fail("cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw fail("is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Map<String, Object> m = map(doc, "the document");
        keys(m, TOP, "the document");
        String name = string(m, "name", true);
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw fail("name '" + name + "' must be lowercase letters, digits, - or _");
        }
        Map<String, Object> t = map(m.get("target"), "target");
        keys(t, Set.of("facts", "source", "edition", "measure", "stage"), "target");
        String facts = string(t, "facts", true);
        if (!facts.equals("production")) {
            throw fail("target.facts '" + facts + "' is not supported (only production)");
        }
        LayoutMapping.Target target = new LayoutMapping.Target(facts, string(t, "source", true), edition(t.get("edition")),
                or(string(t, "measure", false), "production"), or(string(t, "stage", false), "mine"));

        Map<String, Object> s = map(m.get("sheets"), "sheets");
        keys(s, Set.of("include", "exclude", "include-hidden", "commodities", "entity"), "sheets");
        String sheetEntity = string(s, "entity", false);
        if (sheetEntity != null && !sheetEntity.equals("sheet-name")) {
            throw fail("sheets.entity '" + sheetEntity + "' must be sheet-name (the sheet's name is its rows' entity)");
        }
        LayoutMapping.Sheets sheets = new LayoutMapping.Sheets(regex(or(string(s, "include", false), ".*"), "sheets.include"),
                s.get("exclude") == null ? null : regex(string(s, "exclude", true), "sheets.exclude"),
                bool(s, "include-hidden"), s.get("commodities") == null ? Map.of()
                        : commodities(s.get("commodities"), "sheets.commodities"), sheetEntity != null);

        Map<String, Object> h = map(m.get("header"), "header");
        keys(h, Set.of("tokens", "search-rows"), "header");
        List<String> tokens = strings(h.get("tokens"), "header.tokens");
        if (tokens.isEmpty()) {
            throw fail("header.tokens is empty");
        }
        LayoutMapping.Header header = new LayoutMapping.Header(tokens,
                h.get("search-rows") == null ? 20 : integer(h.get("search-rows"), "header.search-rows"));

        Map<String, Object> c = map(m.get("columns"), "columns");
        keys(c, Set.of("entity", "commodity", "unit", "fixed-unit", "note", "years"), "columns");
        LayoutMapping.Columns columns = new LayoutMapping.Columns(column(c, "entity"), column(c, "commodity"),
                column(c, "unit"), string(c, "fixed-unit", false), column(c, "note"),
                regex(string(c, "years", true), "columns.years"));
        if ((columns.unit() == null) == (columns.fixedUnit() == null)) {
            throw fail("columns needs exactly one of unit (a column) or fixed-unit");
        }
        if ((columns.entity() == null) == !sheets.entityFromName()) {
            throw fail("the entity needs exactly one of columns.entity or sheets.entity: sheet-name");
        }
        Map<String, LayoutMapping.SheetTarget> labels = m.get("commodities") == null ? Map.of()
                : commodities(m.get("commodities"), "commodities");
        if (columns.commodity() == null) {
            if (sheets.commodities().isEmpty()) {
                throw fail("the commodity needs exactly one of sheets.commodities (by sheet name) or columns.commodity"
                        + " with commodities (by row label)");
            }
            if (!labels.isEmpty()) {
                throw fail("commodities (row labels) needs columns.commodity, the column holding the labels");
            }
        } else if (!sheets.commodities().isEmpty() || labels.isEmpty()) {
            throw fail("columns.commodity needs commodities (label: commodity) and no sheets.commodities");
        }

        Map<String, BigDecimal> units = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(m.get("units"), "units").entrySet()) {
            try {
                units.put(e.getKey(), new BigDecimal(String.valueOf(e.getValue())));
            } catch (NumberFormatException ex) {
                throw fail("units." + e.getKey() + ": '" + e.getValue() + "' is not a number (tonnes per unit)");
            }
        }

        Map<String, Object> v = m.get("values") == null ? Map.of() : map(m.get("values"), "values");
        keys(v, Set.of("markers", "estimate-suffix", "thousands-separators"), "values");
        LayoutMapping.Values values = new LayoutMapping.Values(stringMap(v.get("markers"), "values.markers"),
                string(v, "estimate-suffix", false), bool(v, "thousands-separators"));

        Map<String, Object> n = m.get("notes") == null ? Map.of() : map(m.get("notes"), "notes");
        keys(n, Set.of("estimate", "qualifiers"), "notes");
        LayoutMapping.Notes notes = new LayoutMapping.Notes(
                n.get("estimate") == null ? null : regex(string(n, "estimate", true), "notes.estimate"),
                stringMap(n.get("qualifiers"), "notes.qualifiers"));

        List<LayoutMapping.EntityRule> entities = new ArrayList<>();
        for (Object o : list(m.get("entities"), "entities")) {
            Map<String, Object> e = map(o, "entities[]");
            keys(e, Set.of("label", "kind"), "entities[]");
            String kind = string(e, "kind", true);
            if (!kind.equals("world_total") && !kind.equals("residual")) {
                throw fail("entities[].kind '" + kind + "' must be world_total or residual");
            }
            entities.add(new LayoutMapping.EntityRule(regex(string(e, "label", true), "entities[].label"), kind));
        }

        List<LayoutMapping.IgnoreRule> ignore = new ArrayList<>();
        for (Object o : list(m.get("ignore"), "ignore")) {
            Map<String, Object> e = map(o, "ignore[]");
            keys(e, Set.of("entity", "commodity", "no-values", "reason"), "ignore[]");
            String entity = string(e, "entity", false);
            String commodity = string(e, "commodity", false);
            boolean noValues = bool(e, "no-values");
            if ((entity != null ? 1 : 0) + (commodity != null ? 1 : 0) + (noValues ? 1 : 0) != 1) {
                throw fail("each ignore rule needs exactly one of entity (a regex), commodity (a regex) or no-values: true");
            }
            if (commodity != null && columns.commodity() == null) {
                throw fail("ignore[].commodity matches labels of columns.commodity, which this mapping does not have");
            }
            ignore.add(new LayoutMapping.IgnoreRule(entity == null ? null : regex(entity, "ignore[].entity"),
                    commodity == null ? null : regex(commodity, "ignore[].commodity"), noValues,
                    string(e, "reason", true)));
        }

        return new LayoutMapping(name, path, or(string(m, "description", false), name),
                regex(string(m, "files", true), "files"), target, sheets, header, columns, labels, units, values, notes,
                entities, stringMap(m.get("country-parts"), "country-parts"), ignore);
    }

    /** Commodities by sheet name or row label: {label: code} or {label: {commodity, stage, basis}}. */
    private Map<String, LayoutMapping.SheetTarget> commodities(Object o, String where) {
        Map<String, LayoutMapping.SheetTarget> commodities = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(o, where).entrySet()) {
            String label = MappingItemProcessor.label(e.getKey());
            if (e.getValue() instanceof String code) {
                commodities.put(label, new LayoutMapping.SheetTarget(code, null, null));
            } else {
                Map<String, Object> c = map(e.getValue(), where + "." + e.getKey());
                keys(c, Set.of("commodity", "stage", "basis"), where + "." + e.getKey());
                commodities.put(label, new LayoutMapping.SheetTarget(string(c, "commodity", true),
                        string(c, "stage", false), string(c, "basis", false)));
            }
        }
        if (commodities.isEmpty()) {
            throw fail(where + " is empty");
        }
        return commodities;
    }

    /** A column: its header name, {position: n} (1 = column A) or {pattern: regex} (the first header cell it matches). */
    private ColumnRef column(Map<String, Object> columns, String key) {
        Object o = columns.get(key);
        if (o == null) {
            return null;
        }
        if (!(o instanceof Map<?, ?>)) {
            String header = string(columns, key, true);
            return ColumnRef.named(header);
        }
        String where = "columns." + key;
        Map<String, Object> c = map(o, where);
        keys(c, Set.of("header", "position", "pattern"), where);
        if (c.size() != 1) {
            throw fail(where + " needs exactly one of header, position or pattern");
        }
        if (c.containsKey("position")) {
            return ColumnRef.at(integer(c.get("position"), where + ".position"));
        }
        if (c.containsKey("pattern")) {
            return ColumnRef.matching(regex(string(c, "pattern", true), where + ".pattern"));
        }
        return ColumnRef.named(string(c, "header", true));
    }

    /** target.edition: a literal, {file-name: regex, template} or {cell: ref, pattern: regex, template}. */
    private MappingEdition edition(Object o) {
        if (o == null || !(o instanceof Map<?, ?>)) {
            String literal = o == null ? null : String.valueOf(o).strip();
            if (literal == null || literal.isEmpty()) {
                throw fail("'edition' is missing");
            }
            return MappingEdition.literal(literal);
        }
        Map<String, Object> e = map(o, "target.edition");
        keys(e, Set.of("file-name", "cell", "pattern", "template"), "target.edition");
        String fileName = string(e, "file-name", false);
        String cell = string(e, "cell", false);
        if ((fileName == null) == (cell == null)) {
            throw fail("target.edition needs exactly one of file-name (a regex) or cell (a reference such as Iron!A1)");
        }
        if (fileName != null && e.containsKey("pattern")) {
            throw fail("target.edition.pattern goes with cell; file-name is itself the regex");
        }
        if (cell != null) {
            try {
                new CellReference(cell);
            } catch (RuntimeException ex) {
                throw fail("target.edition.cell '" + cell + "' is not a cell reference (" + ex.getMessage() + ")");
            }
        }
        String pattern = string(e, "pattern", false);
        return new MappingEdition(null, fileName == null ? null : regex(fileName, "target.edition.file-name"), cell,
                pattern == null ? null : regex(pattern, "target.edition.pattern"), string(e, "template", false));
    }

    private BadFileException fail(String problem) {
        return new BadFileException("mapping " + path + ": " + problem);
    }

    private void keys(Map<String, Object> m, Set<String> allowed, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw fail("unknown key '" + k + "' in " + where + " (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o, String where) {
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

    private List<?> list(Object o, String where) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw fail(where + " must be a list");
        }
        return l;
    }

    private List<String> strings(Object o, String where) {
        return list(o, where).stream().map(String::valueOf).toList();
    }

    private Map<String, String> stringMap(Object o, String where) {
        if (o == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map(o, where).forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
    }

    private String string(Map<String, Object> m, String key, boolean required) {
        Object o = m.get(key);
        if (o == null || String.valueOf(o).isBlank()) {
            if (required) {
                throw fail("'" + key + "' is missing");
            }
            return null;
        }
        return String.valueOf(o);
    }

    private boolean bool(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            return false;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        throw fail("'" + key + "' must be true or false");
    }

    private int integer(Object o, String where) {
        if (o instanceof Integer i && i > 0) {
            return i;
        }
        throw fail(where + " must be a positive whole number");
    }

    private Pattern regex(String regex, String where) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw fail(where + ": bad regular expression '" + regex + "' (" + e.getDescription() + ")");
        }
    }

    private static String or(String a, String b) {
        return a == null ? b : a;
    }
}
