package org.mineralsetl.trade;

import java.math.BigDecimal;

/**
 * One normalised trade flow, as the load step writes it to warehouse.trade_flow: its natural key, the HS map entry
 * that classified its code (null outside the map), value and net weight as the source publishes them (plain decimal
 * text, never negative; the units are the load's, see etl.trade_load), the line it came from, and what a Comtrade row
 * says beyond that (null for BACI). Shared by the Comtrade and BACI imports.
 */
public record TradeRow(Key key, HsMap.Entry hs, String value, String netWeight, long rowNumber, ComtradeDetail detail) {

    /** The natural key of a flow within a load (source and edition are the load's). month 0 = annual. */
    public record Key(int year, int month, String hsRevision, TradeParty reporter, TradeParty partner, String flow,
                      String hsCode, Breakdown breakdown) {

        boolean shares(Shared shared) {
            return month == shared.month() && hsRevision.equals(shared.hsRevision()) && flow.equals(shared.flow())
                    && breakdown.equals(shared.breakdown());
        }
    }

    /** The part of the key every row of a load has in common, when it has (a BACI year: annual, one HS revision, exports, totals). */
    public record Shared(int month, String hsRevision, String flow, Breakdown breakdown) {
    }

    /** The breakdown a Comtrade row carries; {@link #TOTALS} for the breakdown totals (and for BACI). */
    public record Breakdown(String customsCode, int motCode, int mosCode, int partner2Code) {
        public static final Breakdown TOTALS = new Breakdown("C00", 0, 0, 0);

        public boolean isTotal() {
            return equals(TOTALS);
        }

        /** '' for the totals, else the codes: part of the natural key. */
        public String key() {
            return isTotal() ? "" : "customs=" + customsCode + ";mot=" + motCode + ";mos=" + mosCode
                    + ";partner2=" + partner2Code;
        }
    }

    /** A Comtrade row's values beyond the flow: CIF and FOB values, quantity in its own unit, and its flags. */
    public record ComtradeDetail(BigDecimal cifValueUsd, BigDecimal fobValueUsd, BigDecimal quantity, String quantityUnit,
                                 Flags flags) {
    }

    /** Comtrade's estimate and reporting flags (null when the file does not give them). */
    public record Flags(Boolean isEstimate, Boolean isQtyEstimated, Boolean isNetWgtEstimated, Boolean isReported,
                        Boolean isAggregate) {
    }
}
