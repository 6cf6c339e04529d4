package org.mineralsetl.baci;

import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.support.CsvRecord;
import org.mineralsetl.trade.TradeJobs;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches the lines of a BACI file (or of one partition of it) go by in the order they are read, to spare the merge
 * its search for repeated keys: CEPII sorts a BACI file by year, exporter, importer and product, so when every line's
 * (t, i, j, k) is greater than the line's before, no line repeats another. Kept in the step's execution context with
 * each chunk (a restart goes on from it): whether the lines ascended, the first and last (t, i, j, k), and the
 * exporter and importer codes seen.
 * <p>
 * {@link #proof} then says the load's keys are unique when every partition ascended, the partitions do not overlap,
 * and no two codes seen stand for the same country (BACI lists old codes beside new ones, 280 and 276 both Germany).
 * Otherwise the merge searches, as it does for any other trade file.
 */
class BaciKeyOrder implements ItemReadListener<List<CsvRecord>>, ItemStream {

    static final String ASCENDING = "baci.keys.ascending";
    static final String FIRST = "baci.keys.first";
    static final String LAST = "baci.keys.last";
    static final String CODES = "baci.codes";

    private boolean ascending = true;
    private long first = -1;
    private long last = -1;
    /** The exporter and importer codes seen (BACI's codes are numbers under 1,000). */
    private final boolean[] codes = new boolean[1000];

    @Override
    public void open(ExecutionContext context) {
        ascending = context.getString(ASCENDING, "true").equals("true");
        first = context.getLong(FIRST, -1);
        last = context.getLong(LAST, -1);
        java.util.Arrays.fill(codes, false);
        parseCodes(context.getString(CODES, "")).forEach(code -> codes[code] = true);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(ASCENDING, String.valueOf(ascending));
        context.putLong(FIRST, first);
        context.putLong(LAST, last);
        List<String> seen = new ArrayList<>();
        for (int code = 0; code < codes.length; code++) {
            if (codes[code]) {
                seen.add(String.valueOf(code));
            }
        }
        context.putString(CODES, String.join(",", seen));
    }

    @Override
    public void afterRead(List<CsvRecord> block) {
        for (CsvRecord r : block) {
            watch(r);
        }
    }

    private void watch(CsvRecord r) {
        long key = key(r);
        if (key < 0 || key <= last) {
            ascending = false;
        }
        if (first < 0) {
            first = key;
        }
        last = Math.max(last, key);
        if (r.size() > 2) {
            addCode(r.cell(1));
            addCode(r.cell(2));
        }
    }

    private void addCode(String code) {
        long n = digits(code, 3);
        if (n >= 0) {
            codes[(int) n] = true;
        }
    }

    /** (t, i, j, k) as one number that sorts as they do, or -1 when a part is not a number in BACI's range. */
    static long key(CsvRecord r) {
        if (r.size() < 4) {
            return -1;
        }
        long t = digits(r.cell(0), 4);
        long i = digits(r.cell(1), 3);
        long j = digits(r.cell(2), 3);
        long k = digits(r.cell(3), 6);
        if (t < 0 || i < 0 || j < 0 || k < 0) {
            return -1;
        }
        return ((t * 1000 + i) * 1000 + j) * 1_000_000 + k;
    }

    /** The number a text of 1 to {@code max} digits writes, else -1. */
    private static long digits(String text, int max) {
        if (text.isEmpty() || text.length() > max) {
            return -1;
        }
        long v = 0;
        for (int p = 0; p < text.length(); p++) {
            char c = text.charAt(p);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The proof over the execution contexts of the load step or of its partitions. */
    static TradeJobs.KeyProof proof(CountryResolver countries) {
        return contexts -> {
            List<long[]> ranges = new ArrayList<>();
            Map<String, Integer> codeOfCountry = new HashMap<>();
            for (ExecutionContext c : contexts) {
                if (!c.getString(ASCENDING, "false").equals("true")) {
                    return false;
                }
                long first = c.getLong(FIRST, -1);
                if (first >= 0) {
                    ranges.add(new long[] {first, c.getLong(LAST, -1)});
                }
                for (int code : parseCodes(c.getString(CODES, ""))) {
                    Optional<CountryResolver.Target> target = countries.byCode("baci", String.valueOf(code));
                    String party = target.map(t -> t.isCountry() ? t.iso3() : t.areaCode()).orElse("?" + code);
                    Integer other = codeOfCountry.putIfAbsent(party, code);
                    if (other != null && other != code) {
                        return false;
                    }
                }
            }
            ranges.sort(Comparator.comparingLong(r -> r[0]));
            for (int p = 1; p < ranges.size(); p++) {
                if (ranges.get(p)[0] <= ranges.get(p - 1)[1]) {
                    return false;
                }
            }
            return true;
        };
    }

    private static List<Integer> parseCodes(String text) {
        List<Integer> out = new ArrayList<>();
        if (!text.isBlank()) {
            for (String s : text.split(",")) {
                out.add(Integer.valueOf(s));
            }
        }
        return out;
    }
}
