package org.mineralsetl.warehouse;

import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.support.RejectRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a chunk of {@link TradeBlock}s (rows already encoded where they were read, see {@link TradeBlockEncoder})
 * with binary COPY straight into the load's own table (warehouse.trade_flow_&lt;load_id&gt;, attached to
 * warehouse.trade_flow by the merge), Comtrade detail into warehouse.trade_flow_detail and rejects into
 * etl.reject, all in the chunk's transaction; then records in etl.trade_load what the merge needs: rows written,
 * years covered, the load's defaults, and whether the keys were proven unique ({@link TradeKeyProof}). A
 * restarted step cannot see the runs its earlier execution wrote, so it gives up the proof (the merge then
 * searches).
 */
public class TradeFlowWriter implements ItemStreamWriter<TradeBlock> {

    private static final String STARTED = "tradeFlowWriter.started";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcLoadDao loads;
    private final LoadContext load;
    private final String table;
    private boolean restarted;
    private final Set<Integer> years = new TreeSet<>();

    public TradeFlowWriter(DataSource dataSource, JdbcLoadDao loads, LoadContext load) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.loads = loads;
        this.load = load;
        this.table = "warehouse.trade_flow_" + load.loadId();
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(STARTED)) {
            restarted = true;
            years.addAll(jdbc.queryForList("select unnest(years)::integer from etl.trade_load where load_id = ?",
                    Integer.class, load.loadId()));
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(STARTED, "true");
    }

    @Override
    public void write(Chunk<? extends TradeBlock> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        // The chunk's commit need not wait for its WAL to reach the disk: the job repository commits in the same
        // transaction, so a server crash can only lose the last chunks together with the record that they were
        // written, and the restart writes them again (exactly once either way). The merge commits durably.
        jdbc.execute("set local synchronous_commit = off");
        TradeBlock last = chunk.getItems().get(chunk.size() - 1);
        List<RejectRow> rejects = new ArrayList<>();
        long written;
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, table, TradeRow.flowColumns(last.defaults()))) {
            for (TradeBlock block : chunk) {
                copy.write(block.flows());
                rejects.addAll(block.rejects());
                years.addAll(block.years());
            }
            written = copy.rows();
        }
        if (chunk.getItems().stream().anyMatch(b -> b.details() != null)) {
            try (PgBinaryCopy detail = PgBinaryCopy.into(dataSource, "warehouse.trade_flow_detail",
                    TradeRow.DETAIL_COLUMNS)) {
                for (TradeBlock block : chunk) {
                    if (block.details() != null) {
                        detail.write(block.details());
                    }
                }
            }
        }
        loads.writeRejects(load.loadId(), load.sourceFileId(), load.fileName(), rejects);
        TradeRow.Defaults defaults = last.defaults();
        jdbc.update("""
                update etl.trade_load
                set rows_written = rows_written + ?, keys_unique = ?, years = ?::smallint[], default_month = ?,
                    default_hs_revision = ?, default_flow = ?, default_breakdown = ?
                where load_id = ?""",
                written, !restarted && last.keysUnique(),
                "{" + String.join(",", years.stream().map(String::valueOf).toList()) + "}",
                defaults == null ? null : defaults.month(), defaults == null ? null : defaults.hsRevision(),
                defaults == null ? null : defaults.flow(), defaults == null ? null : defaults.breakdown().key(),
                load.loadId());
    }
}
