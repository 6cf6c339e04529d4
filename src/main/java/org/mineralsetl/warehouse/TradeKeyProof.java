package org.mineralsetl.warehouse;

import java.util.HashSet;
import java.util.Set;

/**
 * Proves, when it can, that the rows of a load, seen in file order, give no natural key twice, so that the merge
 * need not search millions of rows for duplicates: BACI delivers each exporter/importer run with its products in
 * ascending order. The proof holds while the HS codes ascend within each run of rows of the same year, month,
 * revision, reporter, partner, flow and breakdown, and no run comes back once left.
 */
final class TradeKeyProof {

    private boolean holds = true;
    private Set<String> closedRuns = new HashSet<>();
    private TradeRow previous;

    boolean holds() {
        return holds;
    }

    void track(TradeRow row) {
        if (!holds) {
            return;
        }
        TradeRow last = previous;
        previous = row;
        if (last != null && sameRun(last, row)) {
            if (row.hsCode().compareTo(last.hsCode()) <= 0) {
                giveUp();
            }
            return;
        }
        if (last != null) {
            closedRuns.add(last.groupKey());
        }
        if (closedRuns.contains(row.groupKey())) {
            giveUp();
        }
    }

    private static boolean sameRun(TradeRow a, TradeRow b) {
        return a.year() == b.year() && a.month() == b.month() && a.hsRevision().equals(b.hsRevision())
                && a.reporter().code().equals(b.reporter().code()) && a.partner().code().equals(b.partner().code())
                && a.flow().equals(b.flow()) && a.breakdown().equals(b.breakdown());
    }

    private void giveUp() {
        holds = false;
        closedRuns = null;
        previous = null;
    }
}
