package org.mineralsetl.spreadsheet;

/**
 * The natural keys a load has written so far, compactly: per 64-bit hash of (source, edition, commodity,
 * stage, measure, entity key) a mask of the years seen (bit year mod 64). Never misses a key it was given;
 * may answer "seen" for a key it was not (a hash collision, or two years 64 apart): such a fact is only sent
 * the exact way, through staging and the merge's set-based check. About 16 bytes per reporting unit (a
 * million distinct units in 32 MB), not per fact.
 */
final class LoadKeys {

    private long[] hashes = new long[1 << 10];
    private long[] years = new long[1 << 10];
    private int size;

    /** Adds the key; false when it (may) have been added before. */
    boolean add(long unitHash, int year) {
        long h = unitHash == 0 ? 1 : unitHash;
        long bit = 1L << (year & 63);
        int mask = hashes.length - 1;
        int i = (int) mix(h) & mask;
        while (hashes[i] != 0) {
            if (hashes[i] == h) {
                boolean fresh = (years[i] & bit) == 0;
                years[i] |= bit;
                return fresh;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        years[i] = bit;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return true;
    }

    /**
     * Adds the years of {@code yearBits} (bit year mod 64) for one unit with a single probe: the facts of a
     * workbook row share their unit. Returns the bits that (may) have been added before.
     */
    long addYears(long unitHash, long yearBits) {
        long h = unitHash == 0 ? 1 : unitHash;
        int mask = hashes.length - 1;
        int i = (int) mix(h) & mask;
        while (hashes[i] != 0) {
            if (hashes[i] == h) {
                long seen = years[i] & yearBits;
                years[i] |= yearBits;
                return seen;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        years[i] = yearBits;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return 0;
    }

    int units() {
        return size;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldYears = years;
        hashes = new long[oldHashes.length * 2];
        years = new long[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            long h = oldHashes[j];
            if (h != 0) {
                int i = (int) mix(h) & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                years[i] = oldYears[j];
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Hash of the reporting unit's key parts, the entity key given as iso3, or kind ':' label (as entity_key). */
    static long unitHash(String source, String edition, String commodity, String stage, String measure,
                         String entityKey) {
        long h = 0xcbf29ce484222325L;
        h = hash(h, source);
        h = hash(h, edition);
        h = hash(h, commodity);
        h = hash(h, stage);
        h = hash(h, measure);
        return hash(h, entityKey);
    }

    static long unitHash(String source, String edition, String commodity, String stage, String measure,
                         String iso3, String kind, String label) {
        return unitHash(prefixHash(source, edition, commodity, stage, measure), iso3, kind, label);
    }

    /** The hash of the key parts before the reporting unit, which the rows of a sheet share. */
    static long prefixHash(String source, String edition, String commodity, String stage, String measure) {
        long h = 0xcbf29ce484222325L;
        h = hash(h, source);
        h = hash(h, edition);
        h = hash(h, commodity);
        h = hash(h, stage);
        return hash(h, measure);
    }

    /** The unit's hash from {@link #prefixHash} and the entity key given as iso3, or kind ':' label. */
    static long unitHash(long prefix, String iso3, String kind, String label) {
        long h = prefix;
        if (iso3 != null) {
            return hash(h, iso3);
        }
        h = chars(h, kind);
        h = (h ^ ':') * 0x100000001b3L;
        h = chars(h, label);
        return (h ^ 0x1F) * 0x100000001b3L;
    }

    private static long hash(long h, String s) {
        return (chars(h, s) ^ 0x1F) * 0x100000001b3L;
    }

    private static long chars(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
