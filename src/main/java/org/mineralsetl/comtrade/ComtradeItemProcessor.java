package org.mineralsetl.comtrade;

import org.mineralsetl.support.RejectRow;
import org.mineralsetl.warehouse.CountryResolver;
import org.mineralsetl.warehouse.HsMap;
import org.mineralsetl.warehouse.Processed;
import org.mineralsetl.warehouse.TradeParty;
import org.mineralsetl.warehouse.TradeRow;
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

    static final String SOURCE = "comtrade";
    private static final Set<String> FLOWS = Set.of("M", "X", "RM", "RX");
    private static final Map<String, String> REVISIONS = Map.of("H0", "HS1992", "H1", "HS1996", "H2", "HS2002",
            "H3", "HS2007", "H4", "HS2012", "H5", "HS2017", "H6", "HS2022");
    private static final Map<String, String> QTY_UNITS = Map.ofEntries(Map.entry("1", "none"), Map.entry("2", "m2"),
            Map.entry("3", "1000 kWh"), Map.entry("4", "m"), Map.entry("5", "u"), Map.entry("6", "2u"),
            Map.entry("7", "l"), Map.entry("8", "kg"), Map.entry("9", "1000u"), Map.entry("10", "U"),
            Map.entry("11", "12u"), Map.entry("12", "m3"), Map.entry("13", "carat"));
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final String edition;
    private final boolean keepBreakdowns;
    private final CountryResolver countries;
    private final HsMap hsMap;

    ComtradeItemProcessor(String edition, boolean keepBreakdowns, CountryResolver countries, HsMap hsMap) {
        this.edition = edition;
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
            return new Processed<>(row == null ? List.of() : List.of(row), List.of());
        } catch (Refused r) {
            return new Processed<>(List.of(), List.of(new RejectRow(null, f.lineNumber(), r.column, f.rawText(),
                    r.getMessage())));
        }
    }

    private TradeRow normalise(ComtradeFields f) {
        if (!f.typeCode().isEmpty() && !f.typeCode().equals("C")) {
            throw new Refused("typeCode", "type code " + f.typeCode() + " is not goods trade (C); services are not loaded");
        }
        int year = integer("refYear", f.refYear());
        if (year < 1950 || year > 2100) {
            throw new Refused("refYear", "year " + f.refYear() + " is not a plausible reference year");
        }
        int month = month(f);
        String flow = f.flowCode().toUpperCase(Locale.ROOT);
        if (!FLOWS.contains(flow)) {
            throw new Refused("flowCode", "flow code '" + f.flowCode() + "' is not one of M, X, RM, RX; other flows are refused");
        }
        TradeRow.Breakdown breakdown = new TradeRow.Breakdown(f.customsCode().isEmpty() ? "C00" : f.customsCode(),
                codeOrZero("motCode", f.motCode()), codeOrZero("mosCode", f.mosCode()),
                codeOrZero("partner2Code", f.partner2Code()));
        if (!breakdown.isTotal() && !keepBreakdowns) {
            return null;
        }
        String revision = REVISIONS.get(f.classificationCode().toUpperCase(Locale.ROOT));
        if (revision == null) {
            throw new Refused("classificationCode", "classification '" + f.classificationCode()
                    + "' is not an HS revision (H0-H6)");
        }
        TradeParty reporter = party("reporterCode", "reporter", f.reporterCode());
        if (reporter.isWorld()) {
            throw new Refused("reporterCode", "reporter code 0 is World, which does not report");
        }
        TradeParty partner = party("partnerCode", "partner", f.partnerCode());
        String hsCode = hsCode(f.cmdCode());
        String basis = flow.equals("M") || flow.equals("RM") ? "CIF" : "FOB";
        BigDecimal cif = decimal("cifvalue", f.cifValue());
        BigDecimal fob = decimal("fobvalue", f.fobValue());
        BigDecimal value = decimal("primaryValue", f.primaryValue());
        if (value == null) {
            value = basis.equals("CIF") ? cif : fob;
        }
        if (value == null) {
            throw new Refused("primaryValue", "no trade value (primaryValue is empty)");
        }
        BigDecimal netKg = decimal("netWgt", f.netWgt());
        String unitCode = f.qtyUnitCode();
        boolean noQuantity = unitCode.isEmpty() || unitCode.equals("-1");
        BigDecimal qty = noQuantity ? null : decimal("qty", f.qty());
        String unit = noQuantity ? null : !f.qtyUnitAbbr().isEmpty() ? f.qtyUnitAbbr()
                : QTY_UNITS.getOrDefault(unitCode, "comtrade_unit_" + unitCode);
        Boolean qtyEstimated = bool(f.isQtyEstimated());
        Boolean netEstimated = bool(f.isNetWgtEstimated());
        Boolean estimate = qtyEstimated == null && netEstimated == null ? null
                : Boolean.TRUE.equals(qtyEstimated) || Boolean.TRUE.equals(netEstimated);
        return new TradeRow(SOURCE, edition, year, month, revision, reporter, partner, flow, hsCode, breakdown,
                hsMap.lookup(hsCode), hsMap.version(), value, basis, value, "USD", cif, fob,
                netKg == null ? null : netKg.divide(THOUSAND), netKg, netKg == null ? null : "kg", qty, unit,
                estimate, qtyEstimated, netEstimated, bool(f.isReported()), bool(f.isAggregate()), f.lineNumber());
    }

    private static int month(ComtradeFields f) {
        String freq = f.freqCode().toUpperCase(Locale.ROOT);
        if (freq.equals("A")) {
            return 0;
        }
        if (!freq.equals("M")) {
            throw new Refused("freqCode", "frequency '" + f.freqCode() + "' is neither A (annual) nor M (monthly)");
        }
        int month = integer("refMonth", f.refMonth());
        if (month < 1 || month > 12) {
            throw new Refused("refMonth", "month " + f.refMonth() + " of a monthly record is not 1-12");
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

    private static BigDecimal decimal(String column, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw new Refused(column, column + " '" + text + "' is not a number");
        }
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
