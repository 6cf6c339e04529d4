package org.mineralsetl.spreadsheet;

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
    private final StrictYaml yaml;

    private LayoutMappingFile(Path path) {
        this.path = path;
        this.yaml = new StrictYaml("mapping " + path);
    }

    static LayoutMapping load(Path path) {
        return new LayoutMappingFile(path).parse();
    }

    private LayoutMapping parse() {
        Object doc;
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw yaml.fail("cannot be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw yaml.fail("is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        Map<String, Object> m = yaml.map(doc, "the document");
        yaml.keys(m, TOP, "the document");
        String name = yaml.string(m, "name", true);
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw yaml.fail("name '" + name + "' must be lowercase letters, digits, - or _");
        }
        Map<String, Object> t = yaml.map(m.get("target"), "target");
        yaml.keys(t, Set.of("facts", "source", "edition", "measure", "stage"), "target");
        String facts = yaml.string(t, "facts", true);
        if (!facts.equals("production")) {
            throw yaml.fail("target.facts '" + facts + "' is not supported (only production)");
        }
        LayoutMapping.Target target = new LayoutMapping.Target(facts, yaml.string(t, "source", true),
                MappingEdition.parse(yaml, t.get("edition")),
                or(yaml.string(t, "measure", false), "production"), or(yaml.string(t, "stage", false), "mine"));

        Map<String, Object> s = yaml.map(m.get("sheets"), "sheets");
        yaml.keys(s, Set.of("include", "exclude", "include-hidden", "commodities", "entity"), "sheets");
        String sheetEntity = yaml.string(s, "entity", false);
        if (sheetEntity != null && !sheetEntity.equals("sheet-name")) {
            throw yaml.fail("sheets.entity '" + sheetEntity + "' must be sheet-name (the sheet's name is its rows' entity)");
        }
        LayoutMapping.Sheets sheets = new LayoutMapping.Sheets(
                yaml.regex(or(yaml.string(s, "include", false), ".*"), "sheets.include"),
                s.get("exclude") == null ? null : yaml.regex(yaml.string(s, "exclude", true), "sheets.exclude"),
                yaml.bool(s, "include-hidden"), s.get("commodities") == null ? Map.of()
                        : commodities(s.get("commodities"), "sheets.commodities"), sheetEntity != null);

        Map<String, Object> h = yaml.map(m.get("header"), "header");
        yaml.keys(h, Set.of("tokens", "search-rows"), "header");
        List<String> tokens = yaml.strings(h.get("tokens"), "header.tokens");
        if (tokens.isEmpty()) {
            throw yaml.fail("header.tokens is empty");
        }
        LayoutMapping.Header header = new LayoutMapping.Header(tokens,
                h.get("search-rows") == null ? 20 : yaml.integer(h.get("search-rows"), "header.search-rows"));

        Map<String, Object> c = yaml.map(m.get("columns"), "columns");
        yaml.keys(c, Set.of("entity", "commodity", "unit", "fixed-unit", "note", "years"), "columns");
        LayoutMapping.Columns columns = new LayoutMapping.Columns(ColumnRef.parse(yaml, c, "entity"),
                ColumnRef.parse(yaml, c, "commodity"),
                ColumnRef.parse(yaml, c, "unit"), yaml.string(c, "fixed-unit", false), ColumnRef.parse(yaml, c, "note"),
                yaml.regex(yaml.string(c, "years", true), "columns.years"));
        if ((columns.unit() == null) == (columns.fixedUnit() == null)) {
            throw yaml.fail("columns needs exactly one of unit (a column) or fixed-unit");
        }
        if ((columns.entity() == null) == !sheets.entityFromName()) {
            throw yaml.fail("the entity needs exactly one of columns.entity or sheets.entity: sheet-name");
        }
        Map<String, LayoutMapping.SheetTarget> labels = m.get("commodities") == null ? Map.of()
                : commodities(m.get("commodities"), "commodities");
        if (columns.commodity() == null) {
            if (sheets.commodities().isEmpty()) {
                throw yaml.fail("the commodity needs exactly one of sheets.commodities (by sheet name) or columns.commodity"
                        + " with commodities (by row label)");
            }
            if (!labels.isEmpty()) {
                throw yaml.fail("commodities (row labels) needs columns.commodity, the column holding the labels");
            }
        } else if (!sheets.commodities().isEmpty() || labels.isEmpty()) {
            throw yaml.fail("columns.commodity needs commodities (label: commodity) and no sheets.commodities");
        }

        Map<String, BigDecimal> units = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : yaml.map(m.get("units"), "units").entrySet()) {
            try {
                units.put(e.getKey(), new BigDecimal(String.valueOf(e.getValue())));
            } catch (NumberFormatException ex) {
                throw yaml.fail("units." + e.getKey() + ": '" + e.getValue() + "' is not a number (tonnes per unit)");
            }
        }

        Map<String, Object> v = m.get("values") == null ? Map.of() : yaml.map(m.get("values"), "values");
        yaml.keys(v, Set.of("markers", "estimate-suffix", "thousands-separators"), "values");
        LayoutMapping.Values values = new LayoutMapping.Values(yaml.stringMap(v.get("markers"), "values.markers"),
                yaml.string(v, "estimate-suffix", false), yaml.bool(v, "thousands-separators"));

        Map<String, Object> n = m.get("notes") == null ? Map.of() : yaml.map(m.get("notes"), "notes");
        yaml.keys(n, Set.of("estimate", "qualifiers"), "notes");
        LayoutMapping.Notes notes = new LayoutMapping.Notes(
                n.get("estimate") == null ? null : yaml.regex(yaml.string(n, "estimate", true), "notes.estimate"),
                yaml.stringMap(n.get("qualifiers"), "notes.qualifiers"));

        List<LayoutMapping.EntityRule> entities = new ArrayList<>();
        for (Object o : yaml.list(m.get("entities"), "entities")) {
            Map<String, Object> e = yaml.map(o, "entities[]");
            yaml.keys(e, Set.of("label", "kind"), "entities[]");
            String kind = yaml.string(e, "kind", true);
            if (!kind.equals("world_total") && !kind.equals("residual")) {
                throw yaml.fail("entities[].kind '" + kind + "' must be world_total or residual");
            }
            entities.add(new LayoutMapping.EntityRule(yaml.regex(yaml.string(e, "label", true), "entities[].label"), kind));
        }

        List<LayoutMapping.IgnoreRule> ignore = new ArrayList<>();
        for (Object o : yaml.list(m.get("ignore"), "ignore")) {
            Map<String, Object> e = yaml.map(o, "ignore[]");
            yaml.keys(e, Set.of("entity", "commodity", "no-values", "reason"), "ignore[]");
            String entity = yaml.string(e, "entity", false);
            String commodity = yaml.string(e, "commodity", false);
            boolean noValues = yaml.bool(e, "no-values");
            if ((entity != null ? 1 : 0) + (commodity != null ? 1 : 0) + (noValues ? 1 : 0) != 1) {
                throw yaml.fail("each ignore rule needs exactly one of entity (a regex), commodity (a regex) or no-values: true");
            }
            if (commodity != null && columns.commodity() == null) {
                throw yaml.fail("ignore[].commodity matches labels of columns.commodity, which this mapping does not have");
            }
            ignore.add(new LayoutMapping.IgnoreRule(entity == null ? null : yaml.regex(entity, "ignore[].entity"),
                    commodity == null ? null : yaml.regex(commodity, "ignore[].commodity"), noValues,
                    yaml.string(e, "reason", true)));
        }

        return new LayoutMapping(name, path, or(yaml.string(m, "description", false), name),
                yaml.regex(yaml.string(m, "files", true), "files"), target, sheets, header, columns, labels, units, values, notes,
                entities, yaml.stringMap(m.get("country-parts"), "country-parts"), ignore);
    }

    /** Commodities by sheet name or row label: {label: code} or {label: {commodity, stage, basis}}. */
    private Map<String, LayoutMapping.SheetTarget> commodities(Object o, String where) {
        Map<String, LayoutMapping.SheetTarget> commodities = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : yaml.map(o, where).entrySet()) {
            String label = MappingItemProcessor.label(e.getKey());
            if (e.getValue() instanceof String code) {
                commodities.put(label, new LayoutMapping.SheetTarget(code, null, null));
            } else {
                Map<String, Object> c = yaml.map(e.getValue(), where + "." + e.getKey());
                yaml.keys(c, Set.of("commodity", "stage", "basis"), where + "." + e.getKey());
                commodities.put(label, new LayoutMapping.SheetTarget(yaml.string(c, "commodity", true),
                        yaml.string(c, "stage", false), yaml.string(c, "basis", false)));
            }
        }
        if (commodities.isEmpty()) {
            throw yaml.fail(where + " is empty");
        }
        return commodities;
    }

    private static String or(String a, String b) {
        return a == null ? b : a;
    }
}
