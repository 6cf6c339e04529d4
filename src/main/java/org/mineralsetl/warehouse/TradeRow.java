package org.mineralsetl.warehouse;

import java.math.BigDecimal;
import java.util.List;

/**
 * One normalised trade flow, as staged in staging.trade_row and merged into warehouse.trade_fact: canonical
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

    public static final List<String> STAGING_COLUMNS = List.of(
            "source", "edition", "year", "month", "hs_revision", "reporter_code", "reporter_iso3", "partner_code",
            "partner_iso3", "partner_kind", "flow", "hs_code", "breakdown", "customs_code", "mot_code", "mos_code",
            "partner2_code", "commodity", "stage", "is_proxy", "hs_map_version", "value_usd", "value_basis",
            "original_value", "original_value_unit", "cif_value_usd", "fob_value_usd", "net_weight_t",
            "original_net_weight", "original_weight_unit", "quantity", "quantity_unit", "is_estimate",
            "is_qty_estimated", "is_net_wgt_estimated", "is_reported", "is_aggregate", "row_number");

    public Object[] stagingValues() {
        return new Object[]{
                source, edition, year, month, hsRevision, reporter.code(), reporter.iso3(), partner.code(),
                partner.iso3(), partner.kind(), flow, hsCode, breakdown.key(), breakdown.customsCode(),
                breakdown.motCode(), breakdown.mosCode(), breakdown.partner2Code(),
                hs == null ? null : hs.commodity(), hs == null ? null : hs.stage(), hs == null ? null : hs.isProxy(),
                hsMapVersion, valueUsd, valueBasis, originalValue, originalValueUnit, cifValueUsd, fobValueUsd,
                netWeightT, originalNetWeight, originalWeightUnit, quantity, quantityUnit, isEstimate,
                isQtyEstimated, isNetWgtEstimated, isReported, isAggregate, rowNumber};
    }
}
