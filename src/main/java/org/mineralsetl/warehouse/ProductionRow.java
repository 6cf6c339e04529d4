package org.mineralsetl.warehouse;

import java.math.BigDecimal;
import java.util.List;

/**
 * One production, reserves or capacity value bound for staging.production_row (load, file and job
 * execution are added by the writer).
 */
public record ProductionRow(String source, String edition, String commodity, String stage, String measure,
                            String entityKind, String countryIso3, String entityLabel, int year,
                            BigDecimal quantityT, BigDecimal originalValue, String originalText, String originalUnit,
                            String qualifier, BigDecimal lowerBoundT, BigDecimal upperBoundT, boolean isEstimate,
                            String basis, String detail, String note, String sheet, long rowNumber,
                            String columnName) {

    public static final List<String> STAGING_COLUMNS = List.of(
            "source", "edition", "commodity", "stage", "measure", "entity_kind", "country_iso3", "entity_label", "year",
            "quantity_t", "original_value", "original_text", "original_unit", "qualifier", "lower_bound_t",
            "upper_bound_t", "is_estimate", "basis", "detail", "note", "sheet", "row_number", "column_name");

    public Object[] stagingValues() {
        return new Object[] {source, edition, commodity, stage, measure, entityKind, countryIso3, entityLabel, year,
                quantityT, originalValue, originalText, originalUnit, qualifier, lowerBoundT, upperBoundT, isEstimate,
                basis, detail, note, sheet, rowNumber, columnName};
    }
}
