package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.ProductionRow;

import java.math.BigDecimal;
import java.util.function.BiFunction;

/**
 * The columns of a load's fact table (warehouse.production_fact_&lt;load_id&gt;) the writer fills, in COPY order,
 * each with its binary encoding. Optional columns (V34, warehouse.production_fact_optional_columns) stay out of
 * the table while every fact of the load has the same value, kept as text in warehouse.production_load_constant.
 */
enum FactColumn {

    SOURCE("source", true, Type.TEXT, (f, l) -> f.source()),
    EDITION("edition", true, Type.TEXT, (f, l) -> f.edition()),
    COMMODITY("commodity", true, Type.TEXT, (f, l) -> f.commodity()),
    STAGE("stage", true, Type.TEXT, (f, l) -> f.stage()),
    MEASURE("measure", false, Type.TEXT, (f, l) -> f.measure()),
    ENTITY_KIND("entity_kind", false, Type.TEXT, (f, l) -> f.entityKind()),
    COUNTRY_ISO3("country_iso3", false, Type.TEXT, (f, l) -> f.countryIso3()),
    ENTITY_LABEL("entity_label", false, Type.TEXT, (f, l) -> f.entityLabel()),
    /** country_iso3, or entity_kind ':' entity_label (V34 ck_production_fact_entity_key). */
    ENTITY_KEY("entity_key", false, Type.TEXT, (f, l) -> entityKey(f)),
    YEAR("year", false, Type.INT4, (f, l) -> f.year()),
    QUANTITY_T("quantity_t", false, Type.NUMERIC, (f, l) -> f.quantityT()),
    ORIGINAL_VALUE("original_value", false, Type.NUMERIC, (f, l) -> f.originalValue()),
    ORIGINAL_TEXT("original_text", false, Type.TEXT, (f, l) -> f.originalText()),
    ORIGINAL_UNIT("original_unit", true, Type.TEXT, (f, l) -> f.originalUnit()),
    QUALIFIER("qualifier", false, Type.TEXT, (f, l) -> f.qualifier()),
    LOWER_BOUND_T("lower_bound_t", true, Type.NUMERIC, (f, l) -> f.lowerBoundT()),
    UPPER_BOUND_T("upper_bound_t", true, Type.NUMERIC, (f, l) -> f.upperBoundT()),
    IS_ESTIMATE("is_estimate", false, Type.BOOL, (f, l) -> f.isEstimate()),
    BASIS("basis", true, Type.TEXT, (f, l) -> f.basis()),
    DETAIL("detail", true, Type.TEXT, (f, l) -> f.detail()),
    NOTE("note", true, Type.TEXT, (f, l) -> f.note()),
    SOURCE_FILE_ID("source_file_id", true, Type.INT8, (f, l) -> l.sourceFileId()),
    SHEET("sheet", true, Type.TEXT, (f, l) -> f.sheet()),
    ROW_NUMBER("row_number", false, Type.INT4, (f, l) -> Math.toIntExact(f.rowNumber())),
    COLUMN_NAME("column_name", false, Type.TEXT, (f, l) -> f.columnName()),
    LOAD_ID("load_id", false, Type.INT8, (f, l) -> l.loadId()),
    JOB_EXECUTION_ID("job_execution_id", true, Type.INT8, (f, l) -> l.jobExecutionId());

    private enum Type { TEXT, NUMERIC, INT4, INT8, BOOL }

    final String column;
    /** Left out of the load's table while the load's facts share one value. */
    final boolean optional;
    private final Type type;
    private final BiFunction<ProductionRow, LoadContext, Object> value;

    FactColumn(String column, boolean optional, Type type, BiFunction<ProductionRow, LoadContext, Object> value) {
        this.column = column;
        this.optional = optional;
        this.type = type;
        this.value = value;
    }

    /** The fact's value: a String, BigDecimal, Integer, Long or Boolean; null for SQL NULL. */
    Object value(ProductionRow f, LoadContext load) {
        return value.apply(f, load);
    }

    /** The value in COPY's binary format. */
    void write(PgBinaryCopy copy, ProductionRow f, LoadContext load) {
        switch (type) {
            case TEXT -> copy.text((String) value.apply(f, load));
            case NUMERIC -> copy.numeric((BigDecimal) value.apply(f, load));
            case INT4 -> copy.int4((Integer) value.apply(f, load));
            case INT8 -> copy.int8((Long) value.apply(f, load));
            case BOOL -> copy.bool((Boolean) value.apply(f, load));
        }
    }

    /** The value as production_load_constant keeps it (numbers plain); null for SQL NULL. */
    String constant(ProductionRow f, LoadContext load) {
        Object v = value(f, load);
        return v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    /** Whether the value comes from the load (the same for all facts of a writer), not from the fact. */
    boolean fromLoad() {
        return this == SOURCE_FILE_ID || this == LOAD_ID || this == JOB_EXECUTION_ID;
    }

    static FactColumn of(String column) {
        for (FactColumn c : values()) {
            if (c.column.equals(column)) {
                return c;
            }
        }
        return null;
    }

    static String entityKey(ProductionRow f) {
        return f.countryIso3() != null ? f.countryIso3() : f.entityKind() + ":" + f.entityLabel();
    }
}
