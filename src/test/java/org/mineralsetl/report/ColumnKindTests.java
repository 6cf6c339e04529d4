package org.mineralsetl.report;

import org.junit.jupiter.api.Test;

import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnKindTests {

    @Test
    void typesColumnsByNameAndSqlType() {
        assertThat(ColumnKind.of("china_share_pct", Types.NUMERIC)).isEqualTo(ColumnKind.PERCENT);
        assertThat(ColumnKind.of("cr3", Types.NUMERIC)).isEqualTo(ColumnKind.PERCENT);
        assertThat(ColumnKind.of("world_t", Types.NUMERIC)).isEqualTo(ColumnKind.TONNES);
        assertThat(ColumnKind.of("hhi", Types.NUMERIC)).isEqualTo(ColumnKind.HHI);
        assertThat(ColumnKind.of("hhi_wgi", Types.NUMERIC)).isEqualTo(ColumnKind.DECIMAL);
        assertThat(ColumnKind.of("year", Types.INTEGER)).isEqualTo(ColumnKind.YEAR);
        assertThat(ColumnKind.of("wgi_year", Types.INTEGER)).isEqualTo(ColumnKind.YEAR);
        assertThat(ColumnKind.of("n_withheld", Types.INTEGER)).isEqualTo(ColumnKind.COUNT);
        assertThat(ColumnKind.of("china_listed", Types.BIT)).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(ColumnKind.of("as_of", Types.DATE)).isEqualTo(ColumnKind.DATE);
        assertThat(ColumnKind.of("year", Types.VARCHAR)).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void formatsPercentInPercentUnitsWithOneDecimal() {
        org.apache.poi.ss.usermodel.DataFormatter f = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
        assertThat(f.formatRawCellContents(68.5714, 200, ColumnKind.PERCENT.format)).isEqualTo("68.6 %");
        assertThat(f.formatRawCellContents(350000, 201, ColumnKind.TONNES.format)).isEqualTo("350,000");
        assertThat(f.formatRawCellContents(5549.8, 202, ColumnKind.HHI.format)).isEqualTo("5,550");
        assertThat(f.formatRawCellContents(2023, 203, ColumnKind.YEAR.format)).isEqualTo("2023");
    }
}
