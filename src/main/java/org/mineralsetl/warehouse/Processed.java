package org.mineralsetl.warehouse;

import org.mineralsetl.support.RejectRow;

import java.util.List;

/** What a processor made of one source record: the rows to stage and the rejects, either may be empty. */
public record Processed<T>(List<T> rows, List<RejectRow> rejects) {
}
