package org.mineralsetl.warehouse;

import org.mineralsetl.support.BinaryRows;
import org.mineralsetl.support.RejectRow;

import java.util.List;
import java.util.Set;

/**
 * One block of source records made ready for {@link TradeFlowWriter}: the flows already encoded for the COPY into
 * warehouse.trade_flow_&lt;load_id&gt; (with the columns {@link TradeRow#flowColumns} gives for {@code defaults}),
 * Comtrade's detail rows (null when none), the rejects, the years the flows cover, and the runs of rows the
 * block holds (for the proof that the load's keys are unique, see {@link Run}).
 */
public record TradeBlock(BinaryRows flows, BinaryRows details, List<RejectRow> rejects, Set<Integer> years,
                         List<Run> runs, TradeRow.Defaults defaults) {

    /**
     * Consecutive rows of one group of the natural key (all of it but the HS code, {@link TradeRow#groupKey()}),
     * with their first and last HS code and whether the codes ascended: written to etl.trade_run with the rows,
     * checked by warehouse.prove_trade_keys_unique at the merge (V46).
     */
    public record Run(String groupKey, String firstHs, String lastHs, boolean ascending) {
    }
}
