package org.mineralsetl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints rows as a plain aligned text table. */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, List<String> columns, List<Map<String, Object>> rows) {
        int[] width = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            width[i] = columns.get(i).length();
            for (Map<String, Object> r : rows) {
                width[i] = Math.max(width[i], text(r.get(columns.get(i))).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            sb.append(String.format("%-" + width[i] + "s  ", columns.get(i)));
        }
        out.println(sb.toString().stripTrailing());
        for (Map<String, Object> r : rows) {
            sb.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                sb.append(String.format("%-" + width[i] + "s  ", text(r.get(columns.get(i)))));
            }
            out.println(sb.toString().stripTrailing());
        }
        if (rows.isEmpty()) {
            out.println("(none)");
        }
        out.flush();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
