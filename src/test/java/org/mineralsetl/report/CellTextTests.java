package org.mineralsetl.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellTextTests {

    @Test
    void prefixesFormulaTriggersWithASingleQuote() {
        assertThat(CellText.neutralise("=HYPERLINK(\"http://evil.example\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(CellText.neutralise("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(CellText.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CellText.neutralise("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
        assertThat(CellText.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CellText.neutralise("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void leavesOrdinaryTextAndFormulaCharactersInsideTheTextAlone() {
        assertThat(CellText.neutralise("Production quota; does not include undocumented production."))
                .isEqualTo("Production quota; does not include undocumented production.");
        assertThat(CellText.neutralise("a=b+c-d@e")).isEqualTo("a=b+c-d@e");
        assertThat(CellText.neutralise("")).isEmpty();
        assertThat(CellText.neutralise(null)).isNull();
    }
}
