package org.mineralsetl.warehouse;

import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.support.SqlScript;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a chunk of {@link TradeBlock}s (rows already encoded where they were read, see {@link TradeBlockEncoder})
 * with binary COPY straight into the load's own table (warehouse.trade_flow_&lt;load_id&gt;, attached to
 * warehouse.trade_flow by the merge), Comtrade detail into warehouse.trade_flow_detail and rejects into etl.reject,
 * all in the chunk's transaction; then, in one statement (sql/load/trade_chunk.sql), the blocks' runs into
 * etl.trade_run and what the merge needs into etl.trade_load (rows written, years covered, the load's defaults).
 * Keeps no state of its own, so that several partitions of one file can write the same load at once and a restart
 * needs nothing but the committed chunks.
 */
public class TradeFlowWriter implements ItemStreamWriter<TradeBlock> {

    private static final String CHUNK_SQL = SqlScript.statements("sql/load/trade_chunk.sql").get(0);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JdbcLoadDao loads;
    private final LoadContext load;
    private final String table;

    public TradeFlowWriter(DataSource dataSource, JdbcLoadDao loads, LoadContext load) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
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
    public void write(Chunk<? extends TradeBlock> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        TradeRow.Defaults defaults = chunk.getItems().get(0).defaults();
        List<RejectRow> rejects = new ArrayList<>();
        Set<Integer> years = new TreeSet<>();
        List<TradeBlock.Run> runs = new ArrayList<>();
        long written;
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, table, TradeRow.flowColumns(defaults))) {
            for (TradeBlock block : chunk) {
                copy.write(block.flows());
                rejects.addAll(block.rejects());
                years.addAll(block.years());
                runs.addAll(block.runs());
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
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("load_id", load.loadId());
            p.put("group_keys", connection.createArrayOf("text", runs.stream().map(TradeBlock.Run::groupKey).toArray()));
            p.put("first_hs", connection.createArrayOf("text", runs.stream().map(TradeBlock.Run::firstHs).toArray()));
            p.put("last_hs", connection.createArrayOf("text", runs.stream().map(TradeBlock.Run::lastHs).toArray()));
            p.put("ascending", connection.createArrayOf("boolean", runs.stream().map(TradeBlock.Run::ascending).toArray()));
            p.put("rows", written);
            p.put("years", connection.createArrayOf("int4", years.toArray()));
            p.put("default_month", defaults == null ? null : defaults.month());
            p.put("default_hs_revision", defaults == null ? null : defaults.hsRevision());
            p.put("default_flow", defaults == null ? null : defaults.flow());
            p.put("default_breakdown", defaults == null ? null : defaults.breakdown().key());
            named.update(CHUNK_SQL, p);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
