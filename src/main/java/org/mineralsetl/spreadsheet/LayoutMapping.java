package org.mineralsetl.spreadsheet;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A layout mapping file (jobs/sources/&lt;name&gt;.yml) as loaded: which files and sheets, how to find the
 * header, which columns hold what, how values become tonnes, and the facts it produces. See
 * {@link LayoutMappingFile} for the file format.
 */
record LayoutMapping(String name, Path path, String description, Pattern files, Target target, Sheets sheets,
                     Header header, Columns columns, Map<String, SheetTarget> commodityLabels,
                     Map<String, BigDecimal> unitsToTonnes, Values values, Notes notes, List<EntityRule> entities,
                     Map<String, String> countryParts, List<IgnoreRule> ignore) {

    /** The import kind of this mapping: identity of its loads together with the file's SHA-256. */
    String kind() {
        return "mapping:" + name;
    }

    /** Whether each row's commodity is a label in a column (mapped by {@link #commodityLabels}), not its sheet's name. */
    boolean commodityFromColumn() {
        return columns.commodity() != null;
    }

    record Target(String facts, String source, MappingEdition edition, String measure, String stage) {
    }

    /** A sheet's (or a row label's) commodity, with stage and basis when they differ from the target's. */
    record SheetTarget(String commodity, String stage, String basis) {
    }

    /**
     * The sheets read; {@code commodities} maps sheet names to commodities unless the commodity is a column;
     * {@code entityFromName}: the sheet's name is the entity (country) of every row in it.
     */
    record Sheets(Pattern include, Pattern exclude, boolean includeHidden, Map<String, SheetTarget> commodities,
                  boolean entityFromName) {
    }

    record Header(List<String> tokens, int searchRows) {
    }

    /** Where each part of a row is; entity is null when the sheet name is the entity, commodity null when the sheet name maps to it. */
    record Columns(ColumnRef entity, ColumnRef commodity, ColumnRef unit, String fixedUnit, ColumnRef note,
                   Pattern years) {
    }

    /** Cell text that is not a number: markers giving a qualifier (quantity left empty), an estimate suffix. */
    record Values(Map<String, String> markers, String estimateSuffix, boolean thousandsSeparators) {
    }

    /** The note column: which texts mark an estimate, and the qualifier a note text gives. */
    record Notes(Pattern estimate, Map<String, String> qualifiers) {
    }

    /** Labels that are not countries: a world total or a residual. */
    record EntityRule(Pattern label, String kind) {
    }

    /** Rows not loaded, with the reason recorded for each: by entity label, by commodity label, or rows with no year value. */
    record IgnoreRule(Pattern entity, Pattern commodity, boolean noValues, String reason) {
    }
}
