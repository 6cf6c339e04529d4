package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.BinaryRows;
import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.ProductionRow;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes facts as rows of a binary COPY into the load's table, column by column. The facts of a workbook row
 * share most of their text (the same String objects: label, unit, note, ...): a text repeated from the
 * previous fact is copied as the bytes it was encoded to, and the entity key is built once per reporting unit.
 */
final class FactEncoder {

    private final FactColumn[] columns;
    private final LoadContext load;
    private final String[] lastText;
    private final byte[][] lastBytes;
    private ProductionRow keyed;
    private String key;

    FactEncoder(List<FactColumn> columns, LoadContext load) {
        this.columns = columns.toArray(FactColumn[]::new);
        this.load = load;
        this.lastText = new String[this.columns.length];
        this.lastBytes = new byte[this.columns.length][];
    }

    List<String> columnNames() {
        return java.util.Arrays.stream(columns).map(c -> c.column).toList();
    }

    void write(PgBinaryCopy stream, ProductionRow f) {
        BinaryRows copy = stream.row(columns.length);
        for (int i = 0; i < columns.length; i++) {
            FactColumn c = columns[i];
            switch (c.type) {
                case TEXT -> text(copy, i, c == FactColumn.ENTITY_KEY ? entityKey(f) : c.text(f));
                case NUMERIC -> copy.numeric(c.number(f));
                case INT4 -> copy.int4(Math.toIntExact(c.integer(f, load)));
                case INT8 -> copy.int8(c.integer(f, load));
                case BOOL -> copy.bool(f.isEstimate());
            }
        }
    }

    private void text(BinaryRows copy, int i, String s) {
        if (s == null) {
            copy.nullValue();
        } else if (s == lastText[i]) {
            byte[] b = lastBytes[i];
            if (b == null) {
                b = s.getBytes(StandardCharsets.UTF_8);
                lastBytes[i] = b;
            }
            copy.utf8(b);
        } else {
            copy.text(s);
            lastText[i] = s;
            lastBytes[i] = null;
        }
    }

    private String entityKey(ProductionRow f) {
        ProductionRow k = keyed;
        if (k == null || k.countryIso3() != f.countryIso3() || k.entityKind() != f.entityKind()
                || k.entityLabel() != f.entityLabel()) {
            key = FactColumn.entityKey(f);
            keyed = f;
        }
        return key;
    }
}
