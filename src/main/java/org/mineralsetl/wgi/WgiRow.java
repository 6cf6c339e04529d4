package org.mineralsetl.wgi;

import java.math.BigDecimal;
import java.util.List;

/** One governance estimate bound for staging.governance_indicator_row. */
record WgiRow(String iso3, String indicatorCode, int year, BigDecimal value, long rowNumber) {

    static final List<String> STAGING_COLUMNS = List.of("iso3", "indicator_code", "year", "value", "row_number");

    Object[] stagingValues() {
        return new Object[] {iso3, indicatorCode, year, value, rowNumber};
    }
}
