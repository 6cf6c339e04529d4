package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.Names;
import org.mineralsetl.support.Workbooks;

import java.nio.file.Path;
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
