package org.mineralsetl.comtrade;

import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.CsvRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a Comtrade file keeps each field, found by header name: the v1 API/bulk layout (typeCode, freqCode,
 * ...; extra trailing columns ignored) or the legacy layout (Classification, Year, Trade Flow Code, ...;
 * optional columns may be absent). A header without the required columns fails the file.
 */
final class ComtradeLayout {

    private static final List<String> V1_REQUIRED = List.of("typeCode", "freqCode", "refYear", "refMonth",
            "reporterCode", "flowCode", "partnerCode", "classificationCode", "cmdCode", "primaryValue");
    private static final List<String> LEGACY_REQUIRED = List.of("Classification", "Year", "Trade Flow Code",
            "Reporter Code", "Partner Code", "Commodity Code", "Trade Value (US$)");

    private final boolean legacy;
    private final Map<String, Integer> index;

    private ComtradeLayout(boolean legacy, Map<String, Integer> index) {
        this.legacy = legacy;
        this.index = index;
    }

    static ComtradeLayout v1(String fileName, List<String> header) {
        return new ComtradeLayout(false, indexOf(fileName, header, V1_REQUIRED, "a UN Comtrade v1 (API/bulk) file"));
    }

    static ComtradeLayout legacy(String fileName, List<String> header) {
        return new ComtradeLayout(true, indexOf(fileName, header, LEGACY_REQUIRED, "a UN Comtrade legacy file"));
    }

    private static Map<String, Integer> indexOf(String fileName, List<String> header, List<String> required,
                                                String what) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!index.containsKey(r.toLowerCase(Locale.ROOT))) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadFileException(fileName + ": not " + what + ": the header lacks the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        return index;
    }

    ComtradeFields fields(CsvRecord r) {
        if (legacy) {
            String flag = cell(r, "Flag");
            int f = flag.isEmpty() ? -1 : parseFlag(flag);
            String period = cell(r, "Period");
            boolean monthly = period.length() == 6;
            return new ComtradeFields("C", monthly ? "M" : "A", cell(r, "Year"),
                    monthly ? period.substring(4) : "", cell(r, "Reporter Code"), legacyFlow(cell(r, "Trade Flow Code"),
                    cell(r, "Trade Flow")), cell(r, "Partner Code"), cell(r, "2nd Partner Code"),
                    cell(r, "Classification"), cell(r, "Commodity Code"), cell(r, "Customs Proc. Code"), "",
                    cell(r, "Mode of Transport Code"), cell(r, "Qty Unit Code"), cell(r, "Qty Unit"), cell(r, "Qty"),
                    cell(r, "Netweight (kg)"), "", "", cell(r, "Trade Value (US$)"),
                    f < 0 ? "" : String.valueOf((f & 2) != 0), f < 0 ? "" : String.valueOf((f & 4) != 0),
                    "", "", r.lineNumber(), r.rawText());
        }
        return new ComtradeFields(cell(r, "typeCode"), cell(r, "freqCode"), cell(r, "refYear"), cell(r, "refMonth"),
                cell(r, "reporterCode"), cell(r, "flowCode"), cell(r, "partnerCode"), cell(r, "partner2Code"),
                cell(r, "classificationCode"), cell(r, "cmdCode"), cell(r, "customsCode"), cell(r, "mosCode"),
                cell(r, "motCode"), cell(r, "qtyUnitCode"), cell(r, "qtyUnitAbbr"), cell(r, "qty"), cell(r, "netWgt"),
                cell(r, "cifvalue"), cell(r, "fobvalue"), cell(r, "primaryValue"), cell(r, "isQtyEstimated"),
                cell(r, "isNetWgtEstimated"), cell(r, "isReported"), cell(r, "isAggregate"), r.lineNumber(),
                r.rawText());
    }

    private String cell(CsvRecord r, String column) {
        Integer i = index.get(column.toLowerCase(Locale.ROOT));
        return i == null ? "" : r.cell(i).strip();
    }

    private static int parseFlag(String flag) {
        try {
            return Integer.parseInt(flag);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Legacy trade flow codes 1 Import, 2 Export, 3 Re-export, 4 Re-import to the v1 codes; others pass as printed. */
    static String legacyFlow(String code, String name) {
        return switch (code) {
            case "1" -> "M";
            case "2" -> "X";
            case "3" -> "RX";
            case "4" -> "RM";
            default -> code.isEmpty() ? name : code;
        };
    }
}
