package org.mineralsetl.baci;

import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.Decimals;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.trade.HsMap;
import org.mineralsetl.trade.TradeParty;
import org.mineralsetl.trade.TradeRow;
import org.mineralsetl.warehouse.Processed;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.List;

/**
 * One BACI record (t,i,j,k,v,q) to one trade row: exporter i reports an export (X, FOB) to importer j through the
 * BACI country codes; k keeps its leading zeros (a 5-digit k lost one); value v (thousands of USD) and quantity q
 * (metric tonnes; blank or NA when unknown) are plain non-negative decimals, kept as published. A pure function of the record, given the aliases and the HS map
 * loaded when the step starts.
 */
class BaciItemProcessor implements ItemProcessor<CsvRecord, Processed<TradeRow>> {

    static final List<String> COLUMNS = List.of("t", "i", "j", "k", "v", "q");

    private final BaciFileName file;
    private final BaciParties parties;
    private final HsMap hsMap;

    BaciItemProcessor(BaciFileName file, CountryResolver countries, HsMap hsMap) {
        this.file = file;
        this.parties = new BaciParties(countries);
        this.hsMap = hsMap;
    }

    /** Fails the file unless its header is t,i,j,k,v,q. */
    static void checkHeader(String fileName, List<String> header) {
        if (!header.equals(COLUMNS)) {
            throw new BadFileException(fileName + ": not a BACI trade file: the header is " + String.join(",", header)
                    + ", expected t,i,j,k,v,q");
        }
    }

    @Override
    public Processed<TradeRow> process(CsvRecord r) {
        if (r.size() != COLUMNS.size()) {
            return reject(r, null, r.size() + " cells where BACI has 6 (t,i,j,k,v,q)");
        }
        Integer year = wholeNumber(r.cell(0));
        if (year == null) {
            return reject(r, "t", "year t '" + r.cell(0) + "' is not a whole number");
        }
        if (file.year() != null && !year.equals(file.year())) {
            return reject(r, "t", "year " + year + " differs from the file's year " + file.year());
        }
        TradeParty exporter = parties.byCode(r.cell(1));
        if (exporter == null) {
            return reject(r, "i", "exporter code " + r.cell(1) + " is not in the BACI country codes (ref.country_alias)");
        }
        TradeParty importer = parties.byCode(r.cell(2));
        if (importer == null) {
            return reject(r, "j", "importer code " + r.cell(2) + " is not in the BACI country codes (ref.country_alias)");
        }
        String k = hsCode(r.cell(3));
        if (k == null) {
            return reject(r, "k", "product code k '" + r.cell(3) + "' is not an HS 6-digit code");
        }
        String v = r.cell(4).strip();
        if (!Decimals.isPlain(v)) {
            return reject(r, "v", v.startsWith("-") && Decimals.isPlain(v.substring(1))
                    ? "value v " + v + " is negative: a trade value cannot be" : "value v '" + v + "' is not a number");
        }
        if (integerDigits(v) > 12) {
            return reject(r, "v", "value v " + v + " (thousands of USD) is beyond any plausible trade value");
        }
        String q = r.cell(5).strip();
        if (q.isEmpty() || q.equalsIgnoreCase("NA")) {
            q = null;
        } else if (!Decimals.isPlain(q)) {
            return reject(r, "q", q.startsWith("-") && Decimals.isPlain(q.substring(1))
                    ? "quantity q " + q + " is negative: a weight cannot be" : "quantity q '" + q + "' is not a number");
        }
        if (q != null && integerDigits(q) > 12) {
            return reject(r, "q", "quantity q " + q + " (tonnes) is beyond any plausible trade weight");
        }
        TradeRow.Key key = new TradeRow.Key(year, 0, file.hsRevision(), exporter, importer, "X", k,
                TradeRow.Breakdown.TOTALS);
        return Processed.of(new TradeRow(key, hsMap.lookup(k), v, q, r.lineNumber(), null));
    }

    /** Digits before the decimal point of a plain decimal (1e12 thousand USD is more than world trade). */
    static int integerDigits(String plain) {
        int dot = plain.indexOf('.');
        return dot < 0 ? plain.length() : dot;
    }

    /** k as 6 digits: kept as written when it has 6, a leading zero restored when it has 5. */
    static String hsCode(String k) {
        String c = k.strip();
        if (c.length() < 5 || c.length() > 6) {
            return null;
        }
        for (int i = 0; i < c.length(); i++) {
            if (c.charAt(i) < '0' || c.charAt(i) > '9') {
                return null;
            }
        }
        return c.length() == 6 ? c : "0" + c;
    }

    static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Processed<TradeRow> reject(CsvRecord r, String column, String reason) {
        return Processed.rejected(new RejectRow(null, r.lineNumber(), column, r.rawText(), reason));
    }
}
