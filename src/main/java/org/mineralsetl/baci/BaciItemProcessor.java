package org.mineralsetl.baci;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.support.Decimals;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.CountryResolver;
import org.mineralsetl.warehouse.HsMap;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.TradeParty;
import org.mineralsetl.warehouse.TradeRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One BACI record (t,i,j,k,v,q) to one trade row: exporter i reports an export (X, FOB) to importer j
 * through the BACI country codes; k keeps its leading zeros (a 5-digit k lost one); value v is thousands of
 * USD (x 1000), quantity q metric tonnes and may be blank. A pure function of the record, given the aliases
 * and the HS map loaded when the step starts; parties are resolved once per code.
 */
class BaciItemProcessor implements ItemProcessor<CsvRecord, Processed<TradeRow>> {

    static final String SOURCE = "baci";
    static final List<String> COLUMNS = List.of("t", "i", "j", "k", "v", "q");

    private final BaciFileName file;
    private final CountryResolver countries;
    private final HsMap hsMap;
    /** Codes not written as small numbers (none in BACI's own files), resolved on first sight. */
    private final Map<String, Optional<TradeParty>> parties = new HashMap<>();
    /**
     * Every code written as a number under 1000, resolved when the processor is made: resolving each on first
     * sight would be a branch the compiled loop has not seen, and taking it recompiles the whole loop.
     */
    private final TradeParty[] byNumber = new TradeParty[1000];
    private String lastYearText;
    private int lastYear;

    BaciItemProcessor(BaciFileName file, CountryResolver countries, HsMap hsMap) {
        this.file = file;
        this.countries = countries;
        this.hsMap = hsMap;
        for (int n = 0; n < byNumber.length; n++) {
            byNumber[n] = resolve(Integer.toString(n));
        }
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
        // the cells are read in place (r.text): only k becomes a String, which the row keeps
        CharSequence t = r.text(0);
        int year;
        if (lastYearText != null && lastYearText.contentEquals(t)) {
            year = lastYear; // a BACI file is one year: parsed once
        } else {
            try {
                year = Integer.parseInt(t, 0, t.length(), 10);
            } catch (NumberFormatException e) {
                return reject(r, "t", "year t '" + t + "' is not a whole number");
            }
            lastYearText = t.toString();
            lastYear = year;
        }
        if (file.year() != null && year != file.year()) {
            return reject(r, "t", "year " + year + " differs from the file's year " + file.year());
        }
        TradeParty exporter = party(r.text(1));
        if (exporter == null) {
            return reject(r, "i", "exporter code " + r.cell(1) + " is not in the BACI country codes (ref.country_alias)");
        }
        TradeParty importer = party(r.text(2));
        if (importer == null) {
            return reject(r, "j", "importer code " + r.cell(2) + " is not in the BACI country codes (ref.country_alias)");
        }
        String k = hsCode(r.cell(3));
        if (k == null) {
            return reject(r, "k", "product code k '" + r.cell(3) + "' is not an HS 6-digit code");
        }
        BigDecimal v = Decimals.parse(r.text(4));
        if (v == null) {
            return reject(r, "v", "value v '" + r.cell(4) + "' is not a number");
        }
        CharSequence qText = r.text(5);
        BigDecimal q = null;
        if (qText.length() > 0 && !isNa(qText)) {
            q = Decimals.parse(qText);
            if (q == null) {
                return reject(r, "q", "quantity q '" + qText + "' is not a number");
            }
        }
        BigDecimal usd = v.movePointRight(3);
        TradeRow row = new TradeRow(SOURCE, file.release(), year, 0, file.hsRevision(), exporter, importer, "X", k,
                TradeRow.Breakdown.TOTALS, hsMap.lookupHs6(k), hsMap.version(), usd, "FOB",
                v, "kUSD", null, usd, q, q, q == null ? null : "t", q, q == null ? null : "t",
                null, null, null, null, null, r.lineNumber());
        return new Processed<>(List.of(row), List.of());
    }

    /** BACI's mark of a missing quantity, NA in any case (checked before parsing: a year has many). */
    private static boolean isNa(CharSequence text) {
        return text.length() == 2 && (text.charAt(0) == 'N' || text.charAt(0) == 'n')
                && (text.charAt(1) == 'A' || text.charAt(1) == 'a');
    }

    private TradeParty party(CharSequence code) {
        int number = smallNumber(code);
        if (number >= 0) {
            // BACI's codes are numbers under 1000: an array, not a hash of the code on every line
            return byNumber[number];
        }
        return parties.computeIfAbsent(code.toString(), c -> Optional.ofNullable(resolve(c))).orElse(null);
    }

    private TradeParty resolve(String code) {
        return countries.byCode("baci", code).map(TradeParty::of).orElse(null);
    }

    /**
     * The code as a number when it is written as 1 to 3 digits, else -1 (leading zeros change nothing: the
     * resolver reads BACI codes as numbers too).
     */
    private static int smallNumber(CharSequence code) {
        int n = code.length();
        if (n == 0 || n > 3) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** k as 6 digits: kept as written when it has 6, a leading zero restored when it has 5. */
    static String hsCode(String k) {
        int n = k.length();
        if (n < 5 || n > 6) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = k.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return n == 6 ? k : "0" + k;
    }

    private static Processed<TradeRow> reject(CsvRecord r, String column, String reason) {
        return new Processed<>(List.of(), List.of(new RejectRow(null, r.lineNumber(), column,
                String.join(",", r.cells()), reason)));
    }
}
