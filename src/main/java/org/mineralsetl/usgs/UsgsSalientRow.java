package org.mineralsetl.usgs;

import java.math.BigDecimal;
import java.util.List;

/** One US salient statistic bound for staging.us_salient_row. */
record UsgsSalientRow(String source, String edition, String commodity, int year, String measure, String detail,
                      BigDecimal value, String unit, BigDecimal originalValue, String originalText, String originalUnit,
                      String qualifier, BigDecimal lowerBound, BigDecimal upperBound, boolean isEstimate, String note,
                      long rowNumber, String columnName) {

    static final List<String> STAGING_COLUMNS = List.of(
            "source", "edition", "commodity", "year", "measure", "detail", "value", "unit", "original_value",
            "original_text", "original_unit", "qualifier", "lower_bound", "upper_bound", "is_estimate", "note",
            "row_number", "column_name");

    Object[] stagingValues() {
        return new Object[] {source, edition, commodity, year, measure, detail, value, unit, originalValue, originalText,
                originalUnit, qualifier, lowerBound, upperBound, isEstimate, note, rowNumber, columnName};
    }
}
