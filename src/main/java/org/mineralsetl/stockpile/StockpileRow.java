package org.mineralsetl.stockpile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One holding of a strategic stockpile, bound for staging.stockpile_row. */
record StockpileRow(String commodity, LocalDate asOf, BigDecimal quantityT, long rowNumber) {

    static final List<String> STAGING_COLUMNS = List.of("commodity", "as_of", "quantity_t", "row_number");

    Object[] stagingValues() {
        return new Object[] {commodity, asOf, quantityT, rowNumber};
    }
}
