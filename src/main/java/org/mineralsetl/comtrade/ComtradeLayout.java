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

    /** The v1 API columns the import reads. */
    private static final List<String> V1_COLUMNS = List.of("typeCode", "freqCode", "refYear", "refMonth",
            "reporterCode", "flowCode", "partnerCode", "partner2Code", "classificationCode", "cmdCode", "customsCode",
            "mosCode", "motCode", "qtyUnitCode", "qtyUnitAbbr", "qty", "netWgt", "cifvalue", "fobvalue",
            "primaryValue", "isQtyEstimated", "isNetWgtEstimated", "isReported", "isAggregate");

    ComtradeFields fields(CsvRecord r) {
        Map<String, String> cells = new HashMap<>();
        if (legacy) {
            String flag = cell(r, "Flag");
            int f = flag.isEmpty() ? -1 : parseFlag(flag);
            String period = cell(r, "Period");
            boolean monthly = period.length() == 6;
            cells.put("typeCode", "C");
            cells.put("freqCode", monthly ? "M" : "A");
            cells.put("refYear", cell(r, "Year"));
            cells.put("refMonth", monthly ? period.substring(4) : "");
            cells.put("reporterCode", cell(r, "Reporter Code"));
            cells.put("flowCode", legacyFlow(cell(r, "Trade Flow Code"), cell(r, "Trade Flow")));
            cells.put("partnerCode", cell(r, "Partner Code"));
            cells.put("partner2Code", cell(r, "2nd Partner Code"));
            cells.put("classificationCode", cell(r, "Classification"));
            cells.put("cmdCode", cell(r, "Commodity Code"));
            cells.put("customsCode", cell(r, "Customs Proc. Code"));
            cells.put("motCode", cell(r, "Mode of Transport Code"));
            cells.put("qtyUnitCode", cell(r, "Qty Unit Code"));
            cells.put("qtyUnitAbbr", cell(r, "Qty Unit"));
            cells.put("qty", cell(r, "Qty"));
            cells.put("netWgt", cell(r, "Netweight (kg)"));
            cells.put("primaryValue", cell(r, "Trade Value (US$)"));
            // legacy flag bits: 2 quantity estimated, 4 net weight estimated
            cells.put("isQtyEstimated", f < 0 ? "" : String.valueOf((f & 2) != 0));
            cells.put("isNetWgtEstimated", f < 0 ? "" : String.valueOf((f & 4) != 0));
        } else {
            for (String column : V1_COLUMNS) {
                cells.put(column, cell(r, column));
            }
        }
        return new ComtradeFields(cells, r.lineNumber(), r.rawText());
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
