package org.mineralsetl.comtrade;

import org.mineralsetl.support.RejectRow;
import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.trade.HsMap;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.trade.TradeParty;
import org.mineralsetl.trade.TradeRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Comtrade record to one normalised trade row, or a reject with the reason, or nothing (a breakdown
 * row when only breakdown totals are loaded). A pure function of the record, given the country aliases
 * and the HS map loaded when the step starts. The rules:
 * <ul>
 *   <li>goods only (typeCode C); annual (month 0) or monthly (refMonth 1-12);</li>
 *   <li>reporter and partner through the Comtrade codes, then M49: 0 is World, 490 Taiwan, 842 USA; EU and
 *       "nes" areas are explicit non-country partners; an unknown code is a reject naming it;</li>
 *   <li>flows M, X, RM, RX kept apart; any other flow code is refused;</li>
 *   <li>breakdown totals only (customs C00, mode of transport 0, mode of supply 0, second partner 0) unless
 *       told to keep breakdowns;</li>
 *   <li>value primaryValue in USD, CIF for imports and re-imports, FOB otherwise; netWgt kg to tonnes;</li>
 *   <li>classification H0..H6 to the HS revision; the HS code keeps its leading zeros (a legacy chapter 1
 *       becomes 01) and maps to commodity and stage, or to none outside the map.</li>
 * </ul>
 */
class ComtradeItemProcessor implements ItemProcessor<ComtradeFields, Processed<TradeRow>> {

    private static final Set<String> FLOWS = Set.of("M", "X", "RM", "RX");
    private static final Map<String, String> REVISIONS = Map.of("H0", "HS1992", "H1", "HS1996", "H2", "HS2002",
            "H3", "HS2007", "H4", "HS2012", "H5", "HS2017", "H6", "HS2022");
    private static final Map<String, String> QTY_UNITS = Map.ofEntries(Map.entry("1", "none"), Map.entry("2", "m2"),
            Map.entry("3", "1000 kWh"), Map.entry("4", "m"), Map.entry("5", "u"), Map.entry("6", "2u"),
            Map.entry("7", "l"), Map.entry("8", "kg"), Map.entry("9", "1000u"), Map.entry("10", "U"),
            Map.entry("11", "12u"), Map.entry("12", "m3"), Map.entry("13", "carat"));

    private final boolean keepBreakdowns;
    private final CountryResolver countries;
    private final HsMap hsMap;

    ComtradeItemProcessor(boolean keepBreakdowns, CountryResolver countries, HsMap hsMap) {
        this.keepBreakdowns = keepBreakdowns;
        this.countries = countries;
        this.hsMap = hsMap;
    }

    /** Why a field of the record cannot load: the column and the reason. */
    private static final class Refused extends RuntimeException {
        final String column;

        Refused(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }

    @Override
    public Processed<TradeRow> process(ComtradeFields f) {
        try {
            TradeRow row = normalise(f);
            if (row == null) {
                return Processed.ignoredBecause(new RejectRow(null, f.lineNumber(), null, f.rawText(),
                        "a breakdown row (customs, transport, supply mode or second partner); only the breakdown"
                                + " totals are loaded unless keepBreakdowns=true"));
            }
            return Processed.of(row);
        } catch (Refused r) {
            return new Processed<>(List.of(), List.of(new RejectRow(null, f.lineNumber(), r.column, f.rawText(),
                    r.getMessage())));
        }
    }

    private TradeRow normalise(ComtradeFields f) {
        if (!f.get("typeCode").isEmpty() && !f.get("typeCode").equals("C")) {
            throw new Refused("typeCode", "type code " + f.get("typeCode") + " is not goods trade (C); services are not loaded");
        }
        int year = integer("refYear", f.get("refYear"));
        if (year < 1950 || year > 2100) {
            throw new Refused("refYear", "year " + f.get("refYear") + " is not a plausible reference year");
        }
        int month = month(f);
        String flow = f.get("flowCode").toUpperCase(Locale.ROOT);
        if (!FLOWS.contains(flow)) {
            throw new Refused("flowCode", "flow code '" + f.get("flowCode") + "' is not one of M, X, RM, RX; other flows are refused");
        }
        TradeRow.Breakdown breakdown = new TradeRow.Breakdown(f.get("customsCode").isEmpty() ? "C00" : f.get("customsCode"),
                codeOrZero("motCode", f.get("motCode")), codeOrZero("mosCode", f.get("mosCode")),
                codeOrZero("partner2Code", f.get("partner2Code")));
        if (!breakdown.isTotal() && !keepBreakdowns) {
            return null;
        }
        String revision = REVISIONS.get(f.get("classificationCode").toUpperCase(Locale.ROOT));
        if (revision == null) {
            throw new Refused("classificationCode", "classification '" + f.get("classificationCode")
                    + "' is not an HS revision (H0-H6)");
        }
        TradeParty reporter = party("reporterCode", "reporter", f.get("reporterCode"));
        if (reporter.isWorld()) {
            throw new Refused("reporterCode", "reporter code 0 is World, which does not report");
        }
        TradeParty partner = party("partnerCode", "partner", f.get("partnerCode"));
        String hsCode = hsCode(f.get("cmdCode"));
        String basis = flow.equals("M") || flow.equals("RM") ? "CIF" : "FOB";
        BigDecimal cif = decimal("cifvalue", f.get("cifvalue"));
        BigDecimal fob = decimal("fobvalue", f.get("fobvalue"));
        BigDecimal value = decimal("primaryValue", f.get("primaryValue"));
        if (value == null) {
            value = basis.equals("CIF") ? cif : fob;
        }
        if (value == null) {
            throw new Refused("primaryValue", "no trade value (primaryValue is empty)");
        }
        BigDecimal netKg = decimal("netWgt", f.get("netWgt"));
        String unitCode = f.get("qtyUnitCode");
        boolean noQuantity = unitCode.isEmpty() || unitCode.equals("-1");
        BigDecimal qty = noQuantity ? null : decimal("qty", f.get("qty"));
        String unit = noQuantity ? null : !f.get("qtyUnitAbbr").isEmpty() ? f.get("qtyUnitAbbr")
                : QTY_UNITS.getOrDefault(unitCode, "comtrade_unit_" + unitCode);
        Boolean qtyEstimated = bool(f.get("isQtyEstimated"));
        Boolean netEstimated = bool(f.get("isNetWgtEstimated"));
        Boolean estimate = qtyEstimated == null && netEstimated == null ? null
                : Boolean.TRUE.equals(qtyEstimated) || Boolean.TRUE.equals(netEstimated);
        TradeRow.Key key = new TradeRow.Key(year, month, revision, reporter, partner, flow, hsCode, breakdown);
        TradeRow.Flags flags = new TradeRow.Flags(estimate, qtyEstimated, netEstimated, bool(f.get("isReported")),
                bool(f.get("isAggregate")));
        return new TradeRow(key, hsMap.lookup(hsCode), value.toPlainString(), netKg == null ? null : netKg.toPlainString(),
                f.lineNumber(), new TradeRow.ComtradeDetail(cif, fob, qty, unit, flags));
    }

    private static int month(ComtradeFields f) {
        String freq = f.get("freqCode").toUpperCase(Locale.ROOT);
        if (freq.equals("A")) {
            return 0;
        }
        if (!freq.equals("M")) {
            throw new Refused("freqCode", "frequency '" + f.get("freqCode") + "' is neither A (annual) nor M (monthly)");
        }
        int month = integer("refMonth", f.get("refMonth"));
        if (month < 1 || month > 12) {
            throw new Refused("refMonth", "month " + f.get("refMonth") + " of a monthly record is not 1-12");
        }
        return month;
    }

    private TradeParty party(String column, String role, String code) {
        int n = integer(column, code);
        Optional<CountryResolver.Target> t = countries.byCode("comtrade", String.valueOf(n))
                .or(() -> countries.byCode("m49", String.valueOf(n)));
        return TradeParty.of(t.orElseThrow(() -> new Refused(column, role + " code " + code
                + " is not in the Comtrade/M49 crosswalk (ref.country_alias)")));
    }

    /** The HS code as a string with its leading zeros: an odd-length code lost one (legacy "1" is chapter 01). */
    static String hsCode(String cmdCode) {
        String c = cmdCode.strip().toUpperCase(Locale.ROOT);
        if (c.equals("TOTAL")) {
            return c;
        }
        if (!c.matches("[0-9]{1,6}")) {
            throw new Refused("cmdCode", "HS code '" + cmdCode + "' is not 2, 4 or 6 digits or TOTAL");
        }
        return c.length() % 2 == 1 ? "0" + c : c;
    }

    private static int integer(String column, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new Refused(column, column + " '" + text + "' is not a whole number");
        }
    }

    private static int codeOrZero(String column, String text) {
        return text.isBlank() ? 0 : integer(column, text);
    }

    /** A value, weight or quantity: a number that cannot be negative, or null when the cell is empty. */
    /** More than world trade in a year: a value, weight or quantity this large is a defect, not a figure. */
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("1e15");

    private static BigDecimal decimal(String column, String text) {
        if (text.isBlank()) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text.strip()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new Refused(column, column + " '" + text + "' is not a number");
        }
        if (d.abs().compareTo(IMPLAUSIBLE) >= 0) {
            throw new Refused(column, column + " " + text.strip() + " is beyond any plausible trade value, weight or"
                    + " quantity (1e15 or more)");
        }
        if (d.signum() < 0) {
            throw new Refused(column, column + " " + text.strip() + " is negative: a trade value, weight or quantity cannot be");
        }
        return d;
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
