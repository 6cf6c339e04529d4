package org.mineralsetl.spreadsheet;

import org.apache.poi.ss.util.CellReference;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.Names;
import org.mineralsetl.support.Workbooks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edition of the facts a mapping loads ({@code target.edition}): a literal (WMD2017), or read from each file,
 * from its name ({@code file-name: REGEX}) or from a cell ({@code cell: "Iron!A1"} with an optional
 * {@code pattern}). A regex is searched in the text; the edition is its {@code template} with $1, $2 ... replaced
 * by the groups, else group 1 when the regex has a group, else the whole match. A file whose name or cell does
 * not give an edition is refused, naming what was looked for.
 */
record MappingEdition(String literal, Pattern fileName, String cell, Pattern pattern, String template) {

    static MappingEdition literal(String edition) {
        return new MappingEdition(edition, null, null, null, null);
    }

    /** target.edition of a mapping: a literal, {file-name: regex, template} or {cell: ref, pattern: regex, template}. */
    static MappingEdition parse(StrictYaml yaml, Object o) {
        if (!(o instanceof Map<?, ?>)) {
            String literal = o == null ? "" : String.valueOf(o).strip();
            if (literal.isEmpty()) {
                throw yaml.fail("'edition' is missing");
            }
            return literal(literal);
        }
        Map<String, Object> e = yaml.map(o, "target.edition");
        yaml.keys(e, Set.of("file-name", "cell", "pattern", "template"), "target.edition");
        String fileName = yaml.string(e, "file-name", false);
        String cell = yaml.string(e, "cell", false);
        if ((fileName == null) == (cell == null)) {
            throw yaml.fail("target.edition needs exactly one of file-name (a regex) or cell (a reference such as Iron!A1)");
        }
        if (fileName != null && e.containsKey("pattern")) {
            throw yaml.fail("target.edition.pattern goes with cell; file-name is itself the regex");
        }
        if (cell != null) {
            try {
                new CellReference(cell);
            } catch (RuntimeException ex) {
                throw yaml.fail("target.edition.cell '" + cell + "' is not a cell reference (" + ex.getMessage() + ")");
            }
        }
        String pattern = yaml.string(e, "pattern", false);
        return new MappingEdition(null, fileName == null ? null : yaml.regex(fileName, "target.edition.file-name"), cell,
                pattern == null ? null : yaml.regex(pattern, "target.edition.pattern"), yaml.string(e, "template", false));
    }

    /** The edition of one file. */
    String of(Path file) {
        if (literal != null) {
            return literal;
        }
        if (fileName != null) {
            return extract(fileName, file.getFileName().toString(), file, "its name");
        }
        String text = Names.strip(Workbooks.cell(file, cell));
        return pattern == null ? nonBlank(text, file, "cell " + cell) : extract(pattern, text, file, "cell " + cell);
    }

    private String extract(Pattern regex, String text, Path file, String where) {
        Matcher m = regex.matcher(text);
        if (!m.find()) {
            throw new BadFileException(file.getFileName() + ": no edition in " + where + " ('" + text
                    + "' does not match target.edition " + regex.pattern() + ")");
        }
        String edition;
        if (template != null) {
            StringBuilder sb = new StringBuilder();
            m.appendReplacement(sb, template);
            edition = sb.substring(m.start());
        } else {
            edition = m.groupCount() > 0 ? m.group(1) : m.group();
        }
        return nonBlank(edition == null ? "" : edition.strip(), file, where);
    }

    private static String nonBlank(String edition, Path file, String where) {
        if (edition.isEmpty()) {
            throw new BadFileException(file.getFileName() + ": no edition in " + where + " (it is empty)");
        }
        return edition;
    }

    /** The rule in words, for describing a mapping. */
    String describe() {
        if (literal != null) {
            return literal;
        }
        return fileName != null ? "from the file name (" + fileName.pattern() + ")" : "from cell " + cell;
    }
}
