package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.support.BadFileException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayoutMappingFileTests {

    /** A by-country mapping; each test replaces one part of it. */
    private static final String BY_COUNTRY = """
            name: t
            files: '.*'
            target: {facts: production, source: wmd, edition: WMD2017}
            sheets: {entity: sheet-name}
            header: {tokens: [unit]}
            columns:
              commodity: {position: 1}
              unit: unit
              years: '^\\d{4}$'
            commodities: {Lithium: lithium, Zircon: {commodity: zirconium, basis: zircon concentrate}}
            units: {(t): 1}
            """;

    @TempDir
    Path dir;

    private LayoutMapping load(String yaml) throws Exception {
        return LayoutMappingFile.load(Files.writeString(dir.resolve("t.yml"), yaml));
    }

    private void assertRefused(String yaml, String problem) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(BadFileException.class).hasMessageEndingWith(problem);
    }

    @Test
    void readsEveryShippedMapping() {
        LayoutMapping wmd = LayoutMappingFile.load(Path.of("jobs/sources/wmd.yml"));
        assertThat(wmd.sheets().entityFromName()).isFalse();
        assertThat(wmd.commodityFromColumn()).isFalse();
        assertThat(wmd.columns().entity()).isEqualTo(ColumnRef.named("Country"));
        assertThat(wmd.target().edition().of(Path.of("x.xlsx"))).isEqualTo("WMD2017");

        LayoutMapping byCountry = LayoutMappingFile.load(Path.of("jobs/sources/wmd-by-country.yml"));
        assertThat(byCountry.sheets().entityFromName()).isTrue();
        assertThat(byCountry.columns().entity()).isNull();
        assertThat(byCountry.columns().commodity()).isEqualTo(ColumnRef.at(1));
        assertThat(byCountry.commodityLabels()).hasSize(56).containsEntry("Lithium",
                new LayoutMapping.SheetTarget("lithium", null, "Li2O content"));
        // the same minerals, commodities, stages and bases as the by-mineral mapping
        assertThat(byCountry.commodityLabels()).isEqualTo(wmd.sheets().commodities());
        assertThat(byCountry.countryParts()).isEqualTo(wmd.countryParts());
        assertThat(byCountry.ignore().get(0).commodity().matcher("Natural Gas").matches()).isTrue();
        assertThat(byCountry.files().matcher(
                "6.6.Production_of_Mineral_Raw_Materials_of_individual_Countries_by_Countries.xlsx").matches()).isTrue();

        LayoutMappingFile.load(Path.of("jobs/sources/wmd-political-stability.yml"));
    }

    @Test
    void readsColumnsByPositionPatternOrHeaderAndTheEditionFromTheFileNameOrACell() throws Exception {
        LayoutMapping m = load(BY_COUNTRY.replace("unit: unit", "unit: {pattern: '(?i)^units?$'}\n  note: {header: Remarks}")
                .replace("edition: WMD2017", "edition: {file-name: '_(\\d{4})', template: 'WMD$1'}"));
        assertThat(m.columns().unit().pattern().pattern()).isEqualTo("(?i)^units?$");
        assertThat(m.columns().note()).isEqualTo(ColumnRef.named("Remarks"));
        assertThat(m.target().edition().of(Path.of("by_country_2019.xlsx"))).isEqualTo("WMD2019");

        LayoutMapping cell = load(BY_COUNTRY.replace("edition: WMD2017",
                "edition: {cell: \"'Russia, Asia'!A1\", pattern: '(\\d{4})'}"));
        assertThat(cell.target().edition().cell()).isEqualTo("'Russia, Asia'!A1");
        assertThat(cell.target().edition().describe()).isEqualTo("from cell 'Russia, Asia'!A1");
    }

    @Test
    void refusesAMappingWithTwoOrNoSourcesOfTheEntityOrTheCommodity() {
        assertRefused(BY_COUNTRY.replace("sheets: {entity: sheet-name}", "sheets: {include: '.*'}"),
                "the entity needs exactly one of columns.entity or sheets.entity: sheet-name");
        assertRefused(BY_COUNTRY.replace("  commodity: {position: 1}", "  commodity: {position: 1}\n  entity: Country"),
                "the entity needs exactly one of columns.entity or sheets.entity: sheet-name");
        assertRefused(BY_COUNTRY.replace("sheets: {entity: sheet-name}", "sheets: {entity: cell}"),
                "sheets.entity 'cell' must be sheet-name (the sheet's name is its rows' entity)");
        assertRefused(BY_COUNTRY.replace("sheets: {entity: sheet-name}",
                        "sheets: {entity: sheet-name, commodities: {Iron: iron_ore}}"),
                "columns.commodity needs commodities (label: commodity) and no sheets.commodities");
        assertRefused(BY_COUNTRY.replace("  commodity: {position: 1}\n", ""),
                "the commodity needs exactly one of sheets.commodities (by sheet name) or columns.commodity with"
                        + " commodities (by row label)");
        assertRefused(BY_COUNTRY.replace("  commodity: {position: 1}\n", "").replace("sheets: {entity: sheet-name}",
                        "sheets: {entity: sheet-name, commodities: {Iron: iron_ore}}"),
                "commodities (row labels) needs columns.commodity, the column holding the labels");
        assertRefused(BY_COUNTRY.replace("commodities: {Lithium: lithium, Zircon: {commodity: zirconium, basis: zircon concentrate}}\n", ""),
                "columns.commodity needs commodities (label: commodity) and no sheets.commodities");
    }

    @Test
    void refusesBadColumnsEditionsAndIgnoreRules() {
        assertRefused(BY_COUNTRY.replace("{position: 1}", "{position: 0}"), "columns.commodity.position must be a positive whole number");
        assertRefused(BY_COUNTRY.replace("{position: 1}", "{position: 1, pattern: x}"),
                "columns.commodity needs exactly one of header, position or pattern");
        assertRefused(BY_COUNTRY.replace("{position: 1}", "{column: A}"), "unknown key 'column' in columns.commodity"
                + " (known: header, pattern, position)");
        assertRefused(BY_COUNTRY.replace("edition: WMD2017", "edition: {file-name: x, cell: A1}"),
                "target.edition needs exactly one of file-name (a regex) or cell (a reference such as Iron!A1)");
        assertRefused(BY_COUNTRY.replace("edition: WMD2017", "edition: {file-name: x, pattern: y}"),
                "target.edition.pattern goes with cell; file-name is itself the regex");
        assertRefused(BY_COUNTRY.replace("edition: WMD2017", "edition: {file-name: '(x'}"),
                "target.edition.file-name: bad regular expression '(x' (Unclosed group)");
        assertRefused(BY_COUNTRY + "ignore: [{commodity: Petroleum, entity: Chile, reason: r}]\n",
                "each ignore rule needs exactly one of entity (a regex), commodity (a regex) or no-values: true");
        assertRefused(BY_COUNTRY.replace("sheets: {entity: sheet-name}", "sheets: {commodities: {Iron: iron_ore}}")
                        .replace("  commodity: {position: 1}\n", "  entity: {position: 1}\n")
                        .replace("commodities: {Lithium: lithium, Zircon: {commodity: zirconium, basis: zircon concentrate}}\n", "")
                        + "ignore: [{commodity: Petroleum, reason: r}]\n",
                "ignore[].commodity matches labels of columns.commodity, which this mapping does not have");
    }
}
