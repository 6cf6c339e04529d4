package org.mineralsetl.warehouse;

import org.mineralsetl.support.BinaryRows;
import org.mineralsetl.support.RejectRow;

import java.util.List;
import java.util.Set;

/**
 * One block of source records made ready for {@link TradeFlowWriter}: the flows already encoded for the COPY into
 * warehouse.trade_flow_&lt;load_id&gt; (with the columns {@link TradeRow#flowColumns} gives for {@code defaults}),
 * Comtrade's detail rows (null when none), the rejects, the years the flows cover, and whether the load's keys
 * were still proven unique after this block ({@link TradeKeyProof}).
 */
public record TradeBlock(BinaryRows flows, BinaryRows details, List<RejectRow> rejects, Set<Integer> years,
                         boolean keysUnique, TradeRow.Defaults defaults) {
}
