package org.mineralsetl.stockpile;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.Names;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.Processed;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One stockpile holding (commodity, quantity_t, as_of): a known commodity, a non-negative tonnage, an ISO date. */
class StockpileItemProcessor implements ItemProcessor<CsvRecord, Processed<StockpileRow>> {

    static final List<String> COLUMNS = List.of("commodity", "quantity_t", "as_of");

    private final Set<String> commodities;

    StockpileItemProcessor(Set<String> commodities) {
        this.commodities = commodities;
    }

    static void checkHeader(String fileName, List<String> header) {
        List<String> lower = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (!lower.containsAll(COLUMNS)) {
            throw new BadFileException(fileName + ": a stockpile file needs the columns commodity, quantity_t, as_of"
                    + " (found " + String.join(", ", header) + ")");
        }
    }

    @Override
    public Processed<StockpileRow> process(CsvRecord record) {
        List<String> lower = record.header().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        String commodity = Names.strip(record.cell(lower.indexOf("commodity"))).toLowerCase(Locale.ROOT);
        String quantity = Names.strip(record.cell(lower.indexOf("quantity_t"))).replace(",", "");
        String asOf = Names.strip(record.cell(lower.indexOf("as_of")));
        String reason = null;
        BigDecimal q = null;
        LocalDate date = null;
        if (!commodities.contains(commodity)) {
            reason = "unknown commodity '" + commodity + "' (codes are in ref.commodity, e.g. rare_earths)";
        } else {
            try {
                q = new BigDecimal(quantity);
                if (q.signum() < 0) {
                    reason = "quantity_t is negative: " + quantity;
                }
            } catch (NumberFormatException e) {
                reason = "quantity_t is not a number: '" + quantity + "'";
            }
            try {
                date = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                reason = reason != null ? reason : "as_of is not a date (YYYY-MM-DD): '" + asOf + "'";
            }
        }
        if (reason != null) {
            return new Processed<>(List.of(), List.of(new RejectRow(null, record.lineNumber(), null, record.rawText(), reason)));
        }
        return new Processed<>(List.of(new StockpileRow(commodity, date, q, record.lineNumber())), List.of());
    }
}
