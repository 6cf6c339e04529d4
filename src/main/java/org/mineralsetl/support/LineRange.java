package org.mineralsetl.support;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A part of a line-oriented file: bytes {@code start} (the beginning of a line) to {@code end} (exclusive, just
 * after a line break, or -1 for the end of the file), whose first line is line {@code firstLine} of the file
 * (1-based, header included). Kept in a partition's execution context, so a restarted partition reads the same
 * range.
 */
public record LineRange(long start, long end, long firstLine) {

    public static final LineRange WHOLE_FILE = new LineRange(0, -1, 1);

    private static final String START = "range.start";
    private static final String END = "range.end";
    private static final String FIRST_LINE = "range.firstLine";

    void putInto(ExecutionContext context) {
        context.putLong(START, start);
        context.putLong(END, end);
        context.putLong(FIRST_LINE, firstLine);
    }

    /** The range a partition's context holds, or the whole file (a step that is not partitioned). */
    public static LineRange of(ExecutionContext context) {
        if (!context.containsKey(START)) {
            return WHOLE_FILE;
        }
        return new LineRange(context.getLong(START), context.getLong(END), context.getLong(FIRST_LINE));
    }
}
