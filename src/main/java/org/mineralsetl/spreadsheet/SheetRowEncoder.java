package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.BinaryRows;
import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.ProductionRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Encodes the facts of one workbook row as one row of a binary COPY into the load's sheet-row table
 * (warehouse.production_sheet_row_&lt;load_id&gt;, V35): what they share once, their values in arrays by slot
 * ({@link LoadSlots}). Texts, quantities, qualifiers and estimate flags are sent only when the view
 * warehouse.production_fact could not derive them from the value and the row (the value's own text, the value
 * without trailing zeros, the row's qualifier and flag).
 */
final class SheetRowEncoder {

    /** The facts of one workbook row and the slot of each. */
    record SheetRow(List<ProductionRow> facts, int[] slots) {
    }

    /** The columns of warehouse.production_sheet_row that a row's facts share. */
    static final Set<FactColumn> ROW_COLUMNS = EnumSet.of(FactColumn.SOURCE, FactColumn.EDITION, FactColumn.COMMODITY,
            FactColumn.STAGE, FactColumn.MEASURE, FactColumn.ENTITY_KIND, FactColumn.COUNTRY_ISO3,
            FactColumn.ENTITY_LABEL, FactColumn.ORIGINAL_UNIT, FactColumn.QUALIFIER, FactColumn.IS_ESTIMATE,
            FactColumn.BASIS, FactColumn.DETAIL, FactColumn.NOTE, FactColumn.SOURCE_FILE_ID, FactColumn.SHEET,
            FactColumn.ROW_NUMBER, FactColumn.LOAD_ID, FactColumn.JOB_EXECUTION_ID);

    private static final int NUMERIC_OID = 1700;
    private static final int TEXT_OID = 25;
    private static final int BOOL_OID = 16;

    private final FactColumn[] columns;
    private final LoadContext load;
    private final ProductionRow[] bySlot = new ProductionRow[LoadSlots.MAX];

    /** {@code present}: the columns the load's tables have (the others are the load's constants). */
    SheetRowEncoder(List<FactColumn> present, LoadContext load) {
        this.columns = present.stream().filter(ROW_COLUMNS::contains).toArray(FactColumn[]::new);
        this.load = load;
    }

    List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (FactColumn c : columns) {
            names.add(c.column);
        }
        names.addAll(List.of("original_value", "original_text", "quantity_t", "qualifiers", "estimates"));
        return names;
    }

    /**
     * The slot of each fact when the facts can be one sheet row (they share every row column, have a value or a text,
     * no bounds, no withheld quantity for the per-fact check to refuse, one fact a slot); null when not.
     */
    static int[] fit(List<ProductionRow> facts, LoadSlots slots) {
        ProductionRow a = facts.get(0);
        int[] s = new int[facts.size()];
        long[] used = new long[LoadSlots.MAX / 64];
        for (int i = 0; i < s.length; i++) {
            ProductionRow f = facts.get(i);
            if (f.lowerBoundT() != null || f.upperBoundT() != null || (f.originalValue() == null && f.originalText() == null)
                    || ("W".equals(f.qualifier()) && f.quantityT() != null) || (f != a && !sameRow(a, f))) {
                return null;
            }
            int slot = slots.of(f.year(), f.columnName());
            if (slot < 0 || (used[slot >> 6] & (1L << slot)) != 0) {
                return null;
            }
            used[slot >> 6] |= 1L << slot;
            s[i] = slot;
        }
        return s;
    }

    private static boolean sameRow(ProductionRow a, ProductionRow f) {
        return a.rowNumber() == f.rowNumber() && same(a.source(), f.source()) && same(a.edition(), f.edition())
                && same(a.commodity(), f.commodity()) && same(a.stage(), f.stage()) && same(a.measure(), f.measure())
                && same(a.entityKind(), f.entityKind()) && same(a.countryIso3(), f.countryIso3())
                && same(a.entityLabel(), f.entityLabel()) && same(a.originalUnit(), f.originalUnit())
                && same(a.basis(), f.basis()) && same(a.detail(), f.detail()) && same(a.note(), f.note())
                && same(a.sheet(), f.sheet());
    }

    /** The facts of a row share their strings (the same objects): identity first. */
    private static boolean same(String x, String y) {
        return x == y || (x != null && x.equals(y));
    }

    void write(PgBinaryCopy copy, SheetRow row) {
        List<ProductionRow> facts = row.facts();
        ProductionRow a = facts.get(0);
        int n = 0;
        boolean texts = false;
        boolean quantities = false;
        boolean qualifiers = false;
        boolean estimates = false;
        for (int i = 0; i < facts.size(); i++) {
            ProductionRow f = facts.get(i);
            int slot = row.slots()[i];
            bySlot[slot] = f;
            n = Math.max(n, slot + 1);
            texts |= !isOwnText(f.originalValue(), f.originalText());
            quantities |= !isValueWithoutTrailingZeros(f.quantityT(), f.originalValue());
            qualifiers |= !Objects.equals(f.qualifier(), a.qualifier());
            estimates |= f.isEstimate() != a.isEstimate();
        }
        BinaryRows b = copy.row(columns.length + 5);
        for (FactColumn c : columns) {
            switch (c.type) {
                case TEXT -> b.text(c.text(a));
                case INT4 -> b.int4(Math.toIntExact(c.integer(a, load)));
                case INT8 -> b.int8(c.integer(a, load));
                case BOOL -> b.bool(a.isEstimate());
                case NUMERIC -> throw new IllegalStateException(c.column + " is not a column of a sheet row");
            }
        }
        b.startArray(NUMERIC_OID, n);
        for (int i = 0; i < n; i++) {
            b.numeric(bySlot[i] == null ? null : bySlot[i].originalValue());
        }
        b.endArray();
        if (texts) {
            b.startArray(TEXT_OID, n);
            for (int i = 0; i < n; i++) {
                b.text(bySlot[i] == null ? null : bySlot[i].originalText());
            }
            b.endArray();
        } else {
            b.nullValue();
        }
        if (quantities) {
            b.startArray(NUMERIC_OID, n);
            for (int i = 0; i < n; i++) {
                b.numeric(bySlot[i] == null ? null : bySlot[i].quantityT());
            }
            b.endArray();
        } else {
            b.nullValue();
        }
        if (qualifiers) {
            b.startArray(TEXT_OID, n);
            for (int i = 0; i < n; i++) {
                b.text(bySlot[i] == null ? null : bySlot[i].qualifier());
            }
            b.endArray();
        } else {
            b.nullValue();
        }
        if (estimates) {
            b.startArray(BOOL_OID, n);
            for (int i = 0; i < n; i++) {
                b.bool(bySlot[i] == null ? null : bySlot[i].isEstimate());
            }
            b.endArray();
        } else {
            b.nullValue();
        }
        for (int i = 0; i < n; i++) {
            bySlot[i] = null;
        }
    }

    /**
     * Whether {@code text} is what the server prints for the value as {@link BinaryRows#numeric(BigDecimal)} sends it
     * (numeric_out: plain digits, the value's scale, a negative scale as zeros): then the view gives it back.
     */
    static boolean isOwnText(BigDecimal value, String text) {
        if (value == null || text == null) {
            return false;
        }
        if (value.scale() == 0 && value.signum() >= 0 && value.precision() <= 18) {
            // the common whole number, compared without making its text
            int n = text.length();
            if (n == 0 || n > 18 || (n > 1 && text.charAt(0) == '0')) {
                return false;
            }
            long parsed = 0;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                parsed = parsed * 10 + (c - '0');
            }
            return parsed == value.longValue();
        }
        return (value.scale() < 0 ? value.setScale(0) : value).toPlainString().equals(text);
    }

    /**
     * Whether {@code quantity} is what the view derives from the value: trim_scale(value), the same number at the
     * smallest display scale the server can give it (0 or more).
     */
    static boolean isValueWithoutTrailingZeros(BigDecimal quantity, BigDecimal value) {
        if (quantity == null || value == null) {
            return quantity == value;
        }
        return quantity.compareTo(value) == 0
                && (quantity.scale() <= 0 || quantity.stripTrailingZeros().scale() == quantity.scale());
    }
}
