package org.mineralsetl.spreadsheet;

import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.ProductionRow;

import java.math.BigDecimal;

/**
 * The columns of a load's fact table (warehouse.production_fact_&lt;load_id&gt;) the writer fills, in COPY order.
 * Optional columns (V34, warehouse.production_fact_optional_columns) stay out of the table while every fact of
 * the load has the same value, kept as text in warehouse.production_load_constant.
 */
enum FactColumn {

    SOURCE("source", true, Type.TEXT),
    EDITION("edition", true, Type.TEXT),
    COMMODITY("commodity", true, Type.TEXT),
    STAGE("stage", true, Type.TEXT),
    MEASURE("measure", false, Type.TEXT),
    ENTITY_KIND("entity_kind", false, Type.TEXT),
    COUNTRY_ISO3("country_iso3", false, Type.TEXT),
    ENTITY_LABEL("entity_label", false, Type.TEXT),
    /** country_iso3, or entity_kind ':' entity_label (V34 ck_production_fact_entity_key). */
    ENTITY_KEY("entity_key", false, Type.TEXT),
    YEAR("year", false, Type.INT4),
    QUANTITY_T("quantity_t", false, Type.NUMERIC),
    ORIGINAL_VALUE("original_value", false, Type.NUMERIC),
    ORIGINAL_TEXT("original_text", false, Type.TEXT),
    ORIGINAL_UNIT("original_unit", true, Type.TEXT),
    QUALIFIER("qualifier", false, Type.TEXT),
    LOWER_BOUND_T("lower_bound_t", true, Type.NUMERIC),
    UPPER_BOUND_T("upper_bound_t", true, Type.NUMERIC),
    IS_ESTIMATE("is_estimate", false, Type.BOOL),
    BASIS("basis", true, Type.TEXT),
    DETAIL("detail", true, Type.TEXT),
    NOTE("note", true, Type.TEXT),
    SOURCE_FILE_ID("source_file_id", true, Type.INT8),
    SHEET("sheet", true, Type.TEXT),
    ROW_NUMBER("row_number", false, Type.INT4),
    COLUMN_NAME("column_name", false, Type.TEXT),
    LOAD_ID("load_id", false, Type.INT8),
    JOB_EXECUTION_ID("job_execution_id", true, Type.INT8);

    enum Type { TEXT, NUMERIC, INT4, INT8, BOOL }

    final String column;
    /** Left out of the load's table while the load's facts share one value. */
    final boolean optional;
    final Type type;

    FactColumn(String column, boolean optional, Type type) {
        this.column = column;
        this.optional = optional;
        this.type = type;
    }

    /** A text column's value (null for SQL NULL); the entity key is built by {@link #entityKey}. */
    String text(ProductionRow f) {
        return switch (this) {
            case SOURCE -> f.source();
            case EDITION -> f.edition();
            case COMMODITY -> f.commodity();
            case STAGE -> f.stage();
            case MEASURE -> f.measure();
            case ENTITY_KIND -> f.entityKind();
            case COUNTRY_ISO3 -> f.countryIso3();
            case ENTITY_LABEL -> f.entityLabel();
            case ENTITY_KEY -> entityKey(f);
            case ORIGINAL_TEXT -> f.originalText();
            case ORIGINAL_UNIT -> f.originalUnit();
            case QUALIFIER -> f.qualifier();
            case BASIS -> f.basis();
            case DETAIL -> f.detail();
            case NOTE -> f.note();
            case SHEET -> f.sheet();
            case COLUMN_NAME -> f.columnName();
            default -> throw new IllegalArgumentException(column + " is not a text column");
        };
    }

    /** A numeric column's value (null for SQL NULL). */
    BigDecimal number(ProductionRow f) {
        return switch (this) {
            case QUANTITY_T -> f.quantityT();
            case ORIGINAL_VALUE -> f.originalValue();
            case LOWER_BOUND_T -> f.lowerBoundT();
            case UPPER_BOUND_T -> f.upperBoundT();
            default -> throw new IllegalArgumentException(column + " is not a numeric column");
        };
    }

    /** An integer column's value. */
    long integer(ProductionRow f, LoadContext load) {
        return switch (this) {
            case YEAR -> f.year();
            case ROW_NUMBER -> f.rowNumber();
            case SOURCE_FILE_ID -> load.sourceFileId();
            case LOAD_ID -> load.loadId();
            case JOB_EXECUTION_ID -> load.jobExecutionId();
            default -> throw new IllegalArgumentException(column + " is not an integer column");
        };
    }

    /** The value as production_load_constant keeps it (numbers plain); null for SQL NULL. */
    String constant(ProductionRow f, LoadContext load) {
        return switch (type) {
            case TEXT -> text(f);
            case NUMERIC -> {
                BigDecimal d = number(f);
                yield d == null ? null : d.toPlainString();
            }
            case INT4, INT8 -> Long.toString(integer(f, load));
            case BOOL -> Boolean.toString(f.isEstimate());
        };
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
