package org.mineralsetl.warehouse;

import org.mineralsetl.support.RejectRow;

import java.util.List;

/**
 * What a processor made of one source record: the rows to stage, the rejects, and the record itself when a
 * rule of its layout ignores it on purpose (a total row, a note; kept in etl.ignored_row with the rule's reason).
 * Any of them may be empty.
 */
public record Processed<T>(List<T> rows, List<RejectRow> rejects, List<RejectRow> ignored) {

    public Processed(List<T> rows, List<RejectRow> rejects) {
        this(rows, rejects, List.of());
    }

    public static <T> Processed<T> of(T row) {
        return new Processed<>(List.of(row), List.of());
    }

    public static <T> Processed<T> rejected(RejectRow reject) {
        return new Processed<>(List.of(), List.of(reject));
    }

    public static <T> Processed<T> ignoredBecause(RejectRow ignored) {
        return new Processed<>(List.of(), List.of(), List.of(ignored));
    }
}
