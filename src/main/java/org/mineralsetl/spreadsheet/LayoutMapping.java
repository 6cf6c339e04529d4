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
                     Header header, Columns columns, Map<String, BigDecimal> unitsToTonnes, Values values,
                     Notes notes, List<EntityRule> entities, Map<String, String> countryParts,
                     List<IgnoreRule> ignore) {

    /** The import kind of this mapping: identity of its loads together with the file's SHA-256. */
    String kind() {
        return "mapping:" + name;
    }

    record Target(String facts, String source, String edition, String measure, String stage) {
    }

    /** A sheet's commodity, with stage and basis when they differ from the target's. */
    record SheetTarget(String commodity, String stage, String basis) {
    }

    record Sheets(Pattern include, Pattern exclude, boolean includeHidden, Map<String, SheetTarget> commodities) {
    }

    record Header(List<String> tokens, int searchRows) {
    }

    record Columns(String entity, String unit, String fixedUnit, String note, Pattern years) {
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

    /** Rows not loaded, with the reason recorded for each: by label, or rows with no year value. */
    record IgnoreRule(Pattern entity, boolean noValues, String reason) {
    }
}
