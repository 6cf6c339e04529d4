package org.mineralsetl.usgs;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The cell parser on every quirk of the real MCS 2024 files (cell texts copied from them). */
class UsgsCellTests {

    private static UsgsCell parse(String raw) {
        return UsgsCell.parse(raw).orElseThrow();
    }

    @Test
    void readsPlainAndQuotedThousandsNumbers() {
        assertThat(parse("240000").value()).isEqualByComparingTo("240000");
        assertThat(parse("72,000").value()).isEqualByComparingTo("72000");
        assertThat(parse("3.90").value()).isEqualByComparingTo("3.9");
        assertThat(parse("72,000").qualifier()).isNull();
    }

    @Test
    void keepsWithheldAsNoValueWithQualifierW() {
        UsgsCell w = parse("W");
        assertThat(w.value()).isNull();
        assertThat(w.qualifier()).isEqualTo("W");
    }

    @Test
    void readsNotAvailableEvenWhenPaddedWithSpacesOrNbsp() {
        assertThat(parse("             NA").qualifier()).isEqualTo("NA");
        assertThat(parse("\u00a0\u00a0NA").qualifier()).isEqualTo("NA");
        assertThat(parse("     325").value()).isEqualByComparingTo("325");
        assertThat(parse("\u00a0\u00a0\u00a0\u00a0 325").value()).isEqualByComparingTo("325");
    }

    @Test
    void readsNetExporterAsQualifierE() {
        assertThat(parse("E").qualifier()).isEqualTo("E");
        assertThat(parse("E").value()).isNull();
    }

    @Test
    void readsGreaterThanAsALowerBoundNotAValue() {
        UsgsCell nir = parse(">50");
        assertThat(nir.value()).isNull();
        assertThat(nir.qualifier()).isEqualTo(">");
        assertThat(nir.lowerBound()).isEqualByComparingTo("50");
        assertThat(parse("    >9,100,000").lowerBound()).isEqualByComparingTo("9100000");
        assertThat(parse(">95").upperBound()).isNull();
    }

    @Test
    void readsLessThanHalfAUnitAsAnUpperBound() {
        for (String text : new String[] {"Less than ½ unit", "Less than one-half unit", "Less than a half unit"}) {
            UsgsCell c = parse(text);
            assertThat(c.value()).as(text).isNull();
            assertThat(c.qualifier()).as(text).isEqualTo("<");
            assertThat(c.upperBound()).as(text).isEqualByComparingTo("0.5");
        }
    }

    @Test
    void marksEPrefixedNumbersAsEstimates() {
        UsgsCell e = parse("e20,000");
        assertThat(e.value()).isEqualByComparingTo("20000");
        assertThat(e.estimate()).isTrue();
        assertThat(parse("20000").estimate()).isFalse();
    }

    @Test
    void readsTheUnicodeMinusAsNegative() {
        assertThat(parse("\u221284").value()).isEqualByComparingTo(new BigDecimal("-84"));
        assertThat(parse("-16").value()).isEqualByComparingTo(new BigDecimal("-16"));
    }

    @Test
    void keepsValuesCountedElsewhereAsQualifierIncluded() {
        assertThat(parse("Included in World total.").qualifier()).isEqualTo("included");
        assertThat(parse("included with ilmenite").value()).isNull();
    }

    @Test
    void treatsBlankCellsAsNoCell() {
        assertThat(UsgsCell.parse("")).isEmpty();
        assertThat(UsgsCell.parse("  \u00a0 ")).isEmpty();
        assertThat(UsgsCell.parse(null)).isEmpty();
    }

    @Test
    void refusesDigitsMixedWithOtherSigns() {
        assertThatIllegalArgumentException().isThrownBy(() -> UsgsCell.parse("300 about"))
                .withMessageContaining("'300 about'");
        assertThatIllegalArgumentException().isThrownBy(() -> UsgsCell.parse("12..5"));
    }

    @Test
    void keepsWordsAsATextQualifierWithoutAValue() {
        UsgsCell small = UsgsCell.parse("Small").orElseThrow();
        assertThat(small.value()).isNull();
        assertThat(small.qualifier()).isEqualTo("text");
        assertThat(small.text()).isEqualTo("Small");
        assertThat(UsgsCell.parse("Variable, depending on type of product").orElseThrow().qualifier()).isEqualTo("text");
    }

    @Test
    void readsARangeAsItsBounds() {
        UsgsCell range = UsgsCell.parse("500\u201314,000").orElseThrow();
        assertThat(range.value()).isNull();
        assertThat(range.qualifier()).isEqualTo("range");
        assertThat(range.lowerBound()).isEqualByComparingTo("500");
        assertThat(range.upperBound()).isEqualByComparingTo("14000");
    }
}
