package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.ProductionRow;

import java.util.List;

/**
 * What the mapping made of one workbook row (its sheet and row number): facts and rejects, or the row ignored by
 * a rule of the mapping (a total or a note row), which is recorded in etl.ignored_row with the rule's reason.
 */
record MappedRow(String sheet, long rowNumber, List<ProductionRow> rows, List<RejectRow> rejects, Ignored ignored) {

    record Ignored(String sheet, long rowNumber, String rawText, String reason) {
    }

    static MappedRow ignored(String sheet, long rowNumber, String rawText, String reason) {
        return new MappedRow(sheet, rowNumber, List.of(), List.of(), new Ignored(sheet, rowNumber, rawText, reason));
    }

    static MappedRow rejected(RejectRow reject) {
        return new MappedRow(reject.sheet(), reject.rowNumber(), List.of(), List.of(reject), null);
    }
}
