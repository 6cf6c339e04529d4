package org.mineralsetl.spreadsheet;

import org.mineralsetl.support.Names;
import org.mineralsetl.support.SpreadsheetLayout;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The part of a mapping the generic workbook readers need: sheets and header. */
final class MappingLayout implements SpreadsheetLayout {

    private final LayoutMapping mapping;
    private final Set<String> tokens;

    MappingLayout(LayoutMapping mapping) {
        this.mapping = mapping;
        this.tokens = mapping.header().tokens().stream().map(Names::key).collect(Collectors.toSet());
    }

    @Override
    public boolean wantsSheet(String sheetName) {
        String name = sheetName.strip();
        LayoutMapping.Sheets s = mapping.sheets();
        return s.include().matcher(name).matches() && (s.exclude() == null || !s.exclude().matcher(name).matches());
    }

    @Override
    public boolean includeHidden() {
        return mapping.sheets().includeHidden();
    }

    /** All the header tokens are present and at least one cell is a year column. */
    @Override
    public boolean isHeader(List<String> cells) {
        Set<String> keys = cells.stream().map(Names::key).collect(Collectors.toSet());
        return keys.containsAll(tokens) && cells.stream().anyMatch(c -> mapping.columns().years().matcher(c).matches());
    }

    @Override
    public int headerSearchRows() {
        return mapping.header().searchRows();
    }

    @Override
    public String describeHeader() {
        return "a row with " + String.join(", ", mapping.header().tokens()) + " and year columns matching "
                + mapping.columns().years().pattern();
    }

    @Override
    public String describeSheets() {
        LayoutMapping.Sheets s = mapping.sheets();
        return "the sheets of mapping " + mapping.name() + " (include " + s.include().pattern()
                + (s.exclude() == null ? "" : ", exclude " + s.exclude().pattern())
                + (s.includeHidden() ? "" : ", visible sheets only") + ")";
    }
}
