package org.mineralsetl.warehouse;

import org.mineralsetl.support.BinaryRows;

import java.math.BigDecimal;
import java.util.List;

/**
 * One normalised trade flow, as written to warehouse.trade_flow (and trade_flow_detail) by COPY: canonical
 * units (USD, tonnes) next to the values as published, the resolved reporter and partner, the HS map's
 * commodity and stage, and the source row it came from. Shared by the Comtrade and BACI imports.
 */
public record TradeRow(
        String source, String edition, int year, int month, String hsRevision,
        TradeParty reporter, TradeParty partner, String flow, String hsCode,
        Breakdown breakdown, HsMap.Entry hs, String hsMapVersion,
        BigDecimal valueUsd, String valueBasis, BigDecimal originalValue, String originalValueUnit,
        BigDecimal cifValueUsd, BigDecimal fobValueUsd,
        BigDecimal netWeightT, BigDecimal originalNetWeight, String originalWeightUnit,
        BigDecimal quantity, String quantityUnit,
        Boolean isEstimate, Boolean isQtyEstimated, Boolean isNetWgtEstimated, Boolean isReported, Boolean isAggregate,
        long rowNumber) {

    /** The breakdown a Comtrade row carries; {@link #TOTALS} for the breakdown totals (and for BACI). */
    public record Breakdown(String customsCode, int motCode, int mosCode, int partner2Code) {
        public static final Breakdown TOTALS = new Breakdown("C00", 0, 0, 0);

        public boolean isTotal() {
            return equals(TOTALS);
        }

        /** '' for the totals, else the codes, part of the natural key. */
        public String key() {
            return isTotal() ? "" : "customs=" + customsCode + ";mot=" + motCode + ";mos=" + mosCode
                    + ";partner2=" + partner2Code;
        }
    }

    /**
     * Values every row of a load shares (a BACI year: annual, one HS revision, exports, breakdown totals): the
     * rows then leave these columns out of the COPY and null in warehouse.trade_flow, and etl.trade_load keeps
     * them once (default_month, default_hs_revision, default_flow, default_breakdown).
     */
    public record Defaults(int month, String hsRevision, String flow, Breakdown breakdown) {
    }

    private static final List<String> ALL_FLOW_COLUMNS = List.of("year", "month", "hs_revision",
            "reporter_code", "partner_code", "flow", "hs_code", "breakdown", "hs_map_code", "value_usd", "net_weight_t",
            "row_number");
    private static final List<String> VARYING_FLOW_COLUMNS = List.of("year", "reporter_code",
            "partner_code", "hs_code", "hs_map_code", "value_usd", "net_weight_t", "row_number");

    /**
     * The columns of warehouse.trade_flow a row fills (per-load constants live in etl.trade_load; load_id and
     * job_execution_id are the defaults of the load's own table, see {@link TradeFlowWriter}).
     */
    public static List<String> flowColumns(Defaults defaults) {
        return defaults == null ? ALL_FLOW_COLUMNS : VARYING_FLOW_COLUMNS;
    }

    public void writeFlow(BinaryRows copy, Defaults defaults) {
        boolean full = defaults == null;
        if (!full && !(month == defaults.month() && hsRevision.equals(defaults.hsRevision())
                && flow.equals(defaults.flow()) && breakdown.equals(defaults.breakdown()))) {
            throw new IllegalStateException("line " + rowNumber + ": the row does not carry the load's defaults " + defaults);
        }
        copy.startRow(flowColumns(defaults).size());
        copy.int2(year);
        if (full) {
            copy.int2(month);
            copy.text(hsRevision);
        }
        copy.text(reporter.code());
        copy.text(partner.code());
        if (full) {
            copy.text(flow);
        }
        copy.text(hsCode);
        if (full) {
            copy.text(breakdown.key());
        }
        copy.text(hs == null ? null : hs.code());
        copy.numeric(valueUsd);
        copy.numeric(netWeightT);
        copy.int4(Math.toIntExact(rowNumber));
    }

    /** The columns of warehouse.trade_flow_detail: what a Comtrade row says beyond the core of the flow. */
    public static final List<String> DETAIL_COLUMNS = List.of(
            "load_id", "row_number", "customs_code", "mot_code", "mos_code", "partner2_code", "cif_value_usd",
            "fob_value_usd", "quantity", "quantity_unit", "is_estimate", "is_qty_estimated", "is_net_wgt_estimated",
            "is_reported", "is_aggregate");

    /**
     * True when the row carries more than its flow: Comtrade rows (breakdown codes, CIF and FOB values, quantity
     * in its own unit, estimate flags). A BACI row carries nothing more: its value is FOB and its quantity is
     * the net weight in tonnes, which the views derive from the flow and the load.
     */
    public boolean hasDetail() {
        return !"baci".equals(source);
    }

    public void writeDetail(BinaryRows copy, long loadId) {
        copy.startRow(DETAIL_COLUMNS.size());
        copy.int8(loadId);
        copy.int4(Math.toIntExact(rowNumber));
        copy.text(breakdown.customsCode());
        copy.int4(breakdown.motCode());
        copy.int4(breakdown.mosCode());
        copy.int4(breakdown.partner2Code());
        copy.numeric(cifValueUsd);
        copy.numeric(fobValueUsd);
        copy.numeric(quantity);
        copy.text(quantityUnit);
        copy.bool(isEstimate);
        copy.bool(isQtyEstimated);
        copy.bool(isNetWgtEstimated);
        copy.bool(isReported);
        copy.bool(isAggregate);
    }

    /** The natural key without the HS code (and without source and edition, constant in a load). */
    String groupKey() {
        return year + "|" + month + "|" + hsRevision + "|" + reporter.code() + "|" + partner.code() + "|" + flow + "|"
                + breakdown.key();
    }

    /**
     * True when the other row has the same {@link #groupKey()}, compared field by field (no string built). The
     * comparisons are joined with {@code &}, not {@code &&}: no branch per field that the JIT sees go one way for
     * thousands of rows (the exporter) and then recompiles the encoder's loop for when it goes the other.
     */
    boolean sameGroup(TradeRow other) {
        return year == other.year & month == other.month & hsRevision.equals(other.hsRevision)
                & reporter.code().equals(other.reporter.code()) & partner.code().equals(other.partner.code())
                & flow.equals(other.flow) & breakdown.equals(other.breakdown);
    }
}
