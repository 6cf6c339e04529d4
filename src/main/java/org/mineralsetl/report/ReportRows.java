package org.mineralsetl.report;

import java.math.BigDecimal;

/** The rows behind the charts and the headline table, one record per query of sql/report. */
final class ReportRows {

    private ReportRows() {
    }

    /** One year of China's share for a source, commodity and stage. */
    record ChinaSharePoint(String source, String commodity, String commodityName, String stage, int year,
                           double sharePct) {
    }

    /** One of the five largest producers of a source, commodity and stage in its latest year. */
    record ProducerShare(String source, String commodity, String commodityName, String stage, int year, int rank,
                         String iso3, double sharePct) {
    }

    /** China share and concentration of a source, commodity and stage in its latest year (nulls: not known). */
    record Headline(String source, String commodity, String commodityName, String stage, int year, String edition,
                    BigDecimal chinaSharePct, BigDecimal hhi, String band, String top1Iso3, BigDecimal cr1) {
    }
}
