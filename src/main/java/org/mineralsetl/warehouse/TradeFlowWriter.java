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
 * warehouse.trade_flow by the merge), Comtrade detail into warehouse.trade_flow_detail, the blocks' runs into
 * etl.trade_run and rejects into etl.reject, all in the chunk's transaction; then adds to etl.trade_load what the
 * merge needs (rows written, years covered, the load's defaults). Keeps no state of its own, so that several
 * partitions of one file can write the same load at once and a restart needs nothing but the committed chunks.
 */
public class TradeFlowWriter implements ItemStreamWriter<TradeBlock> {

    private static final List<String> RUN_COLUMNS = List.of("load_id", "group_key", "first_hs", "last_hs", "ascending");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcLoadDao loads;
    private final LoadContext load;
    private final String table;

    public TradeFlowWriter(DataSource dataSource, JdbcLoadDao loads, LoadContext load) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.loads = loads;
        this.load = load;
        this.table = "warehouse.trade_flow_" + load.loadId();
    }

    /**
     * Makes this job execution the default job_execution_id of the load's table, before any chunk: rows carry
     * neither it nor the load (the table's other default), so the COPY sends two columns fewer. A restart (a new
     * job execution) sets its own; the parts of a partitioned load set the same.
     */
    @Override
    public void open(ExecutionContext context) {
        jdbc.execute("alter table " + table + " alter column job_execution_id set default " + load.jobExecutionId());
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
        TradeRow.Defaults defaults = chunk.getItems().get(0).defaults();
        List<RejectRow> rejects = new ArrayList<>();
        Set<Integer> years = new TreeSet<>();
        long written;
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, table, TradeRow.flowColumns(defaults))) {
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
        try (PgBinaryCopy runs = PgBinaryCopy.into(dataSource, "etl.trade_run", RUN_COLUMNS)) {
            for (TradeBlock block : chunk) {
                for (TradeBlock.Run run : block.runs()) {
                    runs.row(RUN_COLUMNS.size()).int8(load.loadId()).text(run.groupKey()).text(run.firstHs())
                            .text(run.lastHs()).bool(run.ascending());
                }
            }
        }
        loads.writeRejects(load.loadId(), load.sourceFileId(), load.fileName(), rejects);
        jdbc.update("""
                update etl.trade_load
                set rows_written = rows_written + ?,
                    years = array(select distinct y from unnest(coalesce(years, '{}') || ?::smallint[]) as y order by y),
                    default_month = ?, default_hs_revision = ?, default_flow = ?, default_breakdown = ?
                where load_id = ?""",
                written, "{" + String.join(",", years.stream().map(String::valueOf).toList()) + "}",
                defaults == null ? null : defaults.month(), defaults == null ? null : defaults.hsRevision(),
                defaults == null ? null : defaults.flow(), defaults == null ? null : defaults.breakdown().key(),
                load.loadId());
    }
}
