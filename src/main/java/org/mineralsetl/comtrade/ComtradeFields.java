package org.mineralsetl.comtrade;

import java.util.Map;

/**
 * The cells of one Comtrade record that the import uses, as text under their v1 API names (typeCode, refYear,
 * reporterCode, ...), whatever the layout (v1 API/bulk or legacy): an empty string for a column the layout lacks.
 * lineNumber and rawText point back at the source.
 */
record ComtradeFields(Map<String, String> cells, long lineNumber, String rawText) {

    String get(String v1Name) {
        return cells.getOrDefault(v1Name, "");
    }
}
