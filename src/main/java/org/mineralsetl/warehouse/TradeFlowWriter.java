package org.mineralsetl.warehouse;

import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.support.RejectRow;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Writes a chunk of trade rows (blocks of processed records, see {@link org.mineralsetl.support.BlockItemReader})
 * with binary COPY straight into the load's own table
 * (warehouse.trade_flow_&lt;load_id&gt;, attached to warehouse.trade_flow by the merge), Comtrade detail into
 * warehouse.trade_flow_detail and rejects into etl.reject, all in the chunk's transaction.
 * <p>
 * On the way it proves, when it can, that the load gives no natural key twice, so that the merge need not
 * search millions of rows for duplicates: BACI delivers each exporter/importer run with its products in
 * ascending order. The proof holds while the HS codes ascend within each run of rows of the same year, month,
 * revision, reporter, partner, flow and breakdown, and no run comes back once left. A restarted step cannot
 * see the runs its earlier execution wrote, so it gives up the proof (the merge then searches).
 */
public class TradeFlowWriter implements ItemStreamWriter<List<Processed<TradeRow>>> {

    private static final String STARTED = "tradeFlowWriter.started";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcLoadDao loads;
    private final LoadContext load;
    private final String table;
    private final Supplier<TradeRow.Defaults> defaultsOfLoad;
    private TradeRow.Defaults defaults;
    private boolean defaultsKnown;

    private boolean keysUnique = true;
    private Set<String> closedRuns = new HashSet<>();
    private TradeRow previous;
    private final Set<Integer> years = new TreeSet<>();

    /**
     * @param defaults the values every row of the load shares (left out of the COPY), or null when rows differ;
     *                 asked for at the first write (a file whose name lacks them fails in the processor first)
     */
    public TradeFlowWriter(DataSource dataSource, JdbcLoadDao loads, LoadContext load,
                           Supplier<TradeRow.Defaults> defaults) {
        this.dataSource = dataSource;
        this.defaultsOfLoad = defaults;
        this.jdbc = new JdbcTemplate(dataSource);
        this.loads = loads;
        this.load = load;
        this.table = "warehouse.trade_flow_" + load.loadId();
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(STARTED)) {
            giveUpProof();
            years.addAll(jdbc.queryForList("select unnest(years)::integer from etl.trade_load where load_id = ?",
                    Integer.class, load.loadId()));
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putString(STARTED, "true");
    }

    @Override
    public void write(Chunk<? extends List<Processed<TradeRow>>> chunk) {
        if (!defaultsKnown) {
            defaults = defaultsOfLoad.get();
            defaultsKnown = true;
        }
        // The chunk's commit need not wait for its WAL to reach the disk: the job repository commits in the same
        // transaction, so a server crash can only lose the last chunks together with the record that they were
        // written, and the restart writes them again (exactly once either way). The merge commits durably.
        jdbc.execute("set local synchronous_commit = off");
        List<RejectRow> rejects = new ArrayList<>();
        List<TradeRow> details = new ArrayList<>();
        PgBinaryCopy copy = PgBinaryCopy.into(dataSource, table, TradeRow.flowColumns(defaults));
        try {
            for (List<Processed<TradeRow>> block : chunk) {
                for (Processed<TradeRow> item : block) {
                    for (TradeRow row : item.rows()) {
                        row.writeFlow(copy, load.loadId(), load.jobExecutionId(), defaults);
                        track(row);
                        if (row.hasDetail()) {
                            details.add(row);
                        }
                    }
                    rejects.addAll(item.rejects());
                }
            }
        } catch (RuntimeException e) {
            copy.abort();
            throw e;
        }
        copy.close();
        long written = copy.rows();
        if (!details.isEmpty()) {
            try (PgBinaryCopy detail = PgBinaryCopy.into(dataSource, "warehouse.trade_flow_detail",
                    TradeRow.DETAIL_COLUMNS)) {
                for (TradeRow row : details) {
                    row.writeDetail(detail, load.loadId());
                }
            }
        }
        loads.writeRejects(load.loadId(), load.sourceFileId(), load.fileName(), rejects);
        jdbc.update("""
                update etl.trade_load
                set rows_written = rows_written + ?, keys_unique = ?, years = ?::smallint[], default_month = ?,
                    default_hs_revision = ?, default_flow = ?, default_breakdown = ?
                where load_id = ?""",
                written, keysUnique, "{" + String.join(",", years.stream().map(String::valueOf).toList()) + "}",
                defaults == null ? null : defaults.month(), defaults == null ? null : defaults.hsRevision(),
                defaults == null ? null : defaults.flow(), defaults == null ? null : defaults.breakdown().key(),
                load.loadId());
    }

    private void track(TradeRow row) {
        years.add(row.year());
        if (!keysUnique) {
            return;
        }
        TradeRow last = previous;
        previous = row;
        if (last != null && sameRun(last, row)) {
            if (row.hsCode().compareTo(last.hsCode()) <= 0) {
                giveUpProof();
            }
            return;
        }
        if (last != null) {
            closedRuns.add(last.groupKey());
        }
        if (closedRuns.contains(row.groupKey())) {
            giveUpProof();
        }
    }

    private static boolean sameRun(TradeRow a, TradeRow b) {
        return a.year() == b.year() && a.month() == b.month() && a.hsRevision().equals(b.hsRevision())
                && a.reporter().code().equals(b.reporter().code()) && a.partner().code().equals(b.partner().code())
                && a.flow().equals(b.flow()) && a.breakdown().equals(b.breakdown());
    }

    private void giveUpProof() {
        keysUnique = false;
        closedRuns = null;
        previous = null;
    }
}
