package org.mineralsetl.comtrade;

/**
 * The cells of one Comtrade record that the import uses, as text, whatever the layout (v1 API/bulk or
 * legacy): empty strings for columns the layout lacks. lineNumber and rawText point back at the source.
 */
record ComtradeFields(
        String typeCode, String freqCode, String refYear, String refMonth, String reporterCode, String flowCode,
        String partnerCode, String partner2Code, String classificationCode, String cmdCode, String customsCode,
        String mosCode, String motCode, String qtyUnitCode, String qtyUnitAbbr, String qty, String netWgt,
        String cifValue, String fobValue, String primaryValue, String isQtyEstimated, String isNetWgtEstimated,
        String isReported, String isAggregate, long lineNumber, String rawText) {
}
