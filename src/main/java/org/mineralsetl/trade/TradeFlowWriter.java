package org.mineralsetl.trade;

import org.mineralsetl.support.PgCopy;
import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.JdbcLoadDao;
import org.mineralsetl.warehouse.LoadContext;
import org.mineralsetl.warehouse.Processed;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Writes a chunk of trade rows (in blocks, see {@link org.mineralsetl.support.BlockReader}) with COPY into the load's own table warehouse.trade_flow_&lt;load_id&gt; (attached to
 * warehouse.trade_flow by the merge), a Comtrade row's detail into warehouse.trade_flow_detail and rejects into
 * etl.reject, all in the chunk's transaction. It tallies the rows it wrote and the years they cover in the step's
 * execution context, committed with each chunk: the merge reads them there (no count of millions of rows), and a
 * restart goes on from them. Each partition of a partitioned load has its own writer and tally.
 */
public class TradeFlowWriter implements ItemStreamWriter<List<Processed<TradeRow>>> {

    static final String ROWS_WRITTEN = "trade.rowsWritten";
    static final String YEARS = "trade.years";

    /** The columns a row carries (load_id and job_execution_id are the defaults of the load's table). */
    static final List<String> FLOW_COLUMNS = List.of("year", "month", "hs_revision", "reporter_code", "partner_code",
            "flow", "hs_code", "breakdown", "hs_map_code", "value", "net_weight", "row_number");
    /** The same, for a load whose rows share month, HS revision, flow and breakdown (the table's defaults too). */
    static final List<String> VARYING_COLUMNS = List.of("year", "reporter_code", "partner_code", "hs_code",
            "hs_map_code", "value", "net_weight", "row_number");
    static final List<String> DETAIL_COLUMNS = List.of("load_id", "row_number", "customs_code", "mot_code",
            "mos_code", "partner2_code", "cif_value_usd", "fob_value_usd", "quantity", "quantity_unit", "is_estimate",
            "is_qty_estimated", "is_net_wgt_estimated", "is_reported", "is_aggregate");

    private final DataSource dataSource;
    private final JdbcLoadDao loads;
    private final LoadContext load;
    private final String table;
    private final TradeRow.Shared shared;
    private long rowsWritten;
    private final SortedSet<Integer> years = new TreeSet<>();

    /** @param shared what every row of the load shares (left out of the COPY), or null when rows differ in it */
    public TradeFlowWriter(DataSource dataSource, JdbcLoadDao loads, LoadContext load, TradeRow.Shared shared) {
        this.dataSource = dataSource;
        this.loads = loads;
        this.load = load;
        this.table = TradeLoadOptions.loadTable(load.loadId());
        this.shared = shared;
    }

    @Override
    public void open(ExecutionContext context) {
        rowsWritten = context.getLong(ROWS_WRITTEN, 0);
        years.clear();
        years.addAll(parseYears(context.getString(YEARS, "")));
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_WRITTEN, rowsWritten);
        context.putString(YEARS, String.join(",", years.stream().map(String::valueOf).toList()));
    }

    @Override
    public void write(Chunk<? extends List<Processed<TradeRow>>> chunk) {
        List<RejectRow> rejects = new ArrayList<>();
        List<RejectRow> ignored = new ArrayList<>();
        List<TradeRow> details = new ArrayList<>();
        long written = 0;
        SortedSet<Integer> chunkYears = new TreeSet<>();
        try (PgCopy copy = PgCopy.into(dataSource, table, shared == null ? FLOW_COLUMNS : VARYING_COLUMNS)) {
            for (Processed<TradeRow> item : chunk.getItems().stream().flatMap(List::stream).toList()) {
                for (TradeRow row : item.rows()) {
                    TradeRow.Key k = row.key();
                    if (shared == null) {
                        copy.number(k.year()).number(k.month()).text(k.hsRevision()).text(k.reporter().code())
                                .text(k.partner().code()).text(k.flow()).text(k.hsCode()).text(k.breakdown().key());
                    } else if (k.shares(shared)) {
                        copy.number(k.year()).text(k.reporter().code()).text(k.partner().code()).text(k.hsCode());
                    } else {
                        throw new IllegalStateException("line " + row.rowNumber() + " does not share " + shared
                                + " with the other rows of its load");
                    }
                    copy.text(row.hs() == null ? null : row.hs().code()).text(row.value()).text(row.netWeight())
                            .number(row.rowNumber()).endRow();
                    chunkYears.add(k.year());
                    if (row.detail() != null) {
                        details.add(row);
                    }
                    written++;
                }
                rejects.addAll(item.rejects());
                ignored.addAll(item.ignored());
            }
        }
        if (!details.isEmpty()) {
            try (PgCopy copy = PgCopy.into(dataSource, "warehouse.trade_flow_detail", DETAIL_COLUMNS)) {
                for (TradeRow row : details) {
                    TradeRow.Breakdown b = row.key().breakdown();
                    TradeRow.ComtradeDetail d = row.detail();
                    TradeRow.Flags f = d.flags();
                    copy.row(load.loadId(), row.rowNumber(), b.customsCode(), b.motCode(), b.mosCode(),
                            b.partner2Code(), d.cifValueUsd(), d.fobValueUsd(), d.quantity(), d.quantityUnit(),
                            f.isEstimate(), f.isQtyEstimated(), f.isNetWgtEstimated(), f.isReported(), f.isAggregate());
                }
            }
        }
        loads.writeRejects(load, rejects);
        loads.writeIgnored(load, ignored);
        rowsWritten += written;
        years.addAll(chunkYears);
    }

    static List<Integer> parseYears(String text) {
        return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(Integer::valueOf).toList();
    }
}
