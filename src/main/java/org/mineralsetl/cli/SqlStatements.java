package org.mineralsetl.cli;

/**
 * Counts the SQL statements of a command-line query: semicolons outside quotes ('...', "..."), dollar-quoted
 * bodies ($$...$$, $tag$...$tag$) and comments (-- and block comments) separate statements; empty ones do not count.
 */
final class SqlStatements {

    private SqlStatements() {
    }

    static int count(String sql) {
        int statements = 0;
        boolean content = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < n && !(sql.charAt(end) == c && (end + 1 >= n || sql.charAt(end + 1) != c))) {
                    end += sql.charAt(end) == c ? 2 : 1;
                }
                content = true;
                i = end + 1;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                content = true;
                i = end < 0 ? n : end + tag.length();
            } else if (c == ';') {
                statements += content ? 1 : 0;
                content = false;
                i++;
            } else {
                content |= !Character.isWhitespace(c);
                i++;
            }
        }
        return statements + (content ? 1 : 0);
    }

    /** The tag opening a dollar-quoted string at i ($$ or $name$), or null. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }
}
