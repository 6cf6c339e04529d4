package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnRefTests {

    private static final List<String> CHILE = List.of("Chile", "unit", "2011", "2012", "Sources of data");
    private static final List<String> PERU = List.of("Peru", "Unit", "2011", "2012", "Sources of Data");

    @Test
    void findsAColumnByItsHeaderIgnoringCaseAndPunctuation() {
        ColumnRef note = ColumnRef.named("Sources of data");
        assertThat(note.find(CHILE)).isEqualTo(4);
        assertThat(note.find(PERU)).isEqualTo(4);
        assertThat(ColumnRef.named("Country").find(CHILE)).isEqualTo(-1);
    }

    @Test
    void findsAColumnByPositionWhateverItsHeaderSays() {
        ColumnRef first = ColumnRef.at(1);
        assertThat(first.find(CHILE)).isZero();
        assertThat(first.describe(CHILE)).isEqualTo("Chile");
        assertThat(first.describe(PERU)).isEqualTo("Peru");
        assertThat(ColumnRef.at(6).find(CHILE)).isEqualTo(-1);
        assertThat(ColumnRef.at(6).describe(CHILE)).isEqualTo("column 6");
    }

    @Test
    void findsTheFirstColumnWhoseHeaderMatchesAPattern() {
        ColumnRef unit = ColumnRef.matching(Pattern.compile("(?i)^units?$"));
        assertThat(unit.find(CHILE)).isEqualTo(1);
        assertThat(unit.find(PERU)).isEqualTo(1);
        assertThat(unit.find(List.of("Chile", "Measure"))).isEqualTo(-1);
        assertThat(unit.describe(List.of("Chile", "Measure"))).isEqualTo("column matching (?i)^units?$");
        assertThat(ColumnRef.matching(Pattern.compile("20\\d\\d")).find(CHILE)).isEqualTo(2);
    }
}
