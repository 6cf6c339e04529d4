package org.mineralsetl.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mineralsetl.support.TestWorkbooks.SheetSpec;

/** The .xlsx and .xls readers, on the same small workbooks built by each test. */
class SpreadsheetItemReaderTests {

    @TempDir
    Path dir;

    @BeforeEach
    void pinLocale() {
        Locale.setDefault(Locale.ROOT);
    }

    /** Sheets named "Notes" are not wanted; the header holds Country and unit and a year column. */
    static final SpreadsheetLayout LAYOUT = new SpreadsheetLayout() {
        @Override
        public boolean wantsSheet(String sheetName) {
            return !sheetName.equals("Notes");
        }

        @Override
        public boolean includeHidden() {
            return false;
        }

        @Override
        public boolean isHeader(List<String> cells) {
            return cells.contains("Country") && cells.contains("unit") && cells.stream().anyMatch(c -> c.matches("\\d{4}"));
        }

        @Override
        public int headerSearchRows() {
            return 5;
        }

        @Override
        public String describeHeader() {
            return "Country, unit and years";
        }

        @Override
        public String describeSheets() {
            return "any sheet but Notes";
        }
    };

    private Path write(Workbooks.Format format, String name, SheetSpec... sheets) throws Exception {
        return format == Workbooks.Format.XLSX
                ? TestWorkbooks.xlsx(dir.resolve(name + ".xlsx"), sheets)
                : TestWorkbooks.xls(dir.resolve(name + ".xls"), sheets);
    }

    private static AbstractSpreadsheetItemReader<SpreadsheetRecord> reader(Path file) {
        return Workbooks.reader("test", file, LAYOUT, r -> r);
    }

    private static List<SpreadsheetRecord> readAll(Path file) throws Exception {
        AbstractSpreadsheetItemReader<SpreadsheetRecord> reader = reader(file);
        List<SpreadsheetRecord> out = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (SpreadsheetRecord r; (r = reader.read()) != null; ) {
                out.add(r);
            }
        } finally {
            reader.close();
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void skipsBannerAndBlankRowsAndNumbersDataRowsAsExcelShowsThem(Workbooks.Format format) throws Exception {
        Path file = write(format, "banner", SheetSpec.of("Lithium",
                new Object[] {"Production of lithium, a banner over the table"},
                null,
                new Object[] {"Country", "unit", "2011", "2012"},
                new Object[] {"Chile", "metr. t", 27680, 28490},
                new Object[] {null, "", null},
                new Object[] {"China", "metr. t", 5290.5, null}));
        List<SpreadsheetRecord> rows = readAll(file);
        assertThat(rows).extracting(SpreadsheetRecord::rowNumber).containsExactly(4L, 6L);
        assertThat(rows.get(0).header()).containsExactly("Country", "unit", "2011", "2012");
        assertThat(rows.get(0).sheet()).isEqualTo("Lithium");
        assertThat(rows.get(0).cells()).containsExactly("Chile", "metr. t", "27680", "28490");
        assertThat(rows.get(1).cell(2)).isEqualTo("5290.5");
        assertThat(rows.get(1).cell(3)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void givesTheCachedValueOfFormulaCellsAndDatesAsIso(Workbooks.Format format) throws Exception {
        Path file = write(format, "formula", SheetSpec.of("Cobalt",
                new Object[] {"Country", "unit", "2011", "2012", "updated"},
                new Object[] {"Australia", "metr. t", 4254, "=C2*2", LocalDate.of(2017, 3, 31)},
                new Object[] {"Total", "metr. t", "=SUM(C2:C2)", "=D2&\"\"", null}));
        List<SpreadsheetRecord> rows = readAll(file);
        assertThat(rows.get(0).cells()).containsExactly("Australia", "metr. t", "4254", "8508", "2017-03-31");
        assertThat(rows.get(1).cell(2)).isEqualTo("4254");
        assertThat(rows.get(1).cell(3)).isEqualTo("8508");
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void skipsHiddenSheetsAndSheetsTheLayoutDoesNotWant(Workbooks.Format format) throws Exception {
        Path file = write(format, "hidden",
                SheetSpec.of("Notes", new Object[] {"Country", "unit", "2011"}, new Object[] {"Peru", "t", 1}),
                SheetSpec.of("Old", new Object[] {"Country", "unit", "2011"}, new Object[] {"Chile", "t", 2}).hide(),
                SheetSpec.of("Tin", new Object[] {"Country", "unit", "2011"}, new Object[] {"Bolivia", "t", 3}));
        assertThat(readAll(file)).extracting(r -> r.sheet() + ":" + r.cell(0)).containsExactly("Tin:Bolivia");
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void takesAHeaderCellMergedOverTwoRowsFromTheRowAbove(Workbooks.Format format) throws Exception {
        Path file = write(format, "merged", SheetSpec.of("Tin",
                new Object[] {"Country", null, "Production"},
                new Object[] {null, "unit", "2014", "2015"},
                new Object[] {"Bolivia", "metr. t", 19791, 20135}));
        List<SpreadsheetRecord> rows = readAll(file);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).header()).containsExactly("Country", "unit", "2014", "2015");
        assertThat(rows.get(0).rowNumber()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void restartResumesAtTheSheetAndRowAfterTheLastSavedItem(Workbooks.Format format) throws Exception {
        Path file = write(format, "restart",
                SheetSpec.of("Tin", new Object[] {"Country", "unit", "2011"}, new Object[] {"Bolivia", "t", 1},
                        new Object[] {"Peru", "t", 2}),
                SheetSpec.of("Zinc", new Object[] {"title"}, new Object[] {"Country", "unit", "2011"},
                        new Object[] {"Chile", "t", 3}, new Object[] {"India", "t", 4}));
        ExecutionContext ctx = new ExecutionContext();
        AbstractSpreadsheetItemReader<SpreadsheetRecord> first = reader(file);
        first.open(ctx);
        first.read();
        first.read();
        first.read();
        first.update(ctx);
        first.close();
        assertThat(ctx.getString("test.sheet")).isEqualTo("Zinc");
        assertThat(ctx.getLong("test.row")).isEqualTo(3L);

        AbstractSpreadsheetItemReader<SpreadsheetRecord> again = reader(file);
        again.open(ctx);
        SpreadsheetRecord next = again.read();
        assertThat(again.read()).isNull();
        again.close();
        assertThat(next.sheet() + ":" + next.rowNumber() + ":" + next.cell(0)).isEqualTo("Zinc:4:India");
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void refusesToRestartWhenTheSavedSheetAndRowNoLongerMatch(Workbooks.Format format) throws Exception {
        Path file = write(format, "moved", SheetSpec.of("Tin", new Object[] {"Country", "unit", "2011"},
                new Object[] {"Bolivia", "t", 1}, new Object[] {"Peru", "t", 2}));
        ExecutionContext ctx = new ExecutionContext();
        ctx.putInt("test.read.count", 1);
        ctx.putString("test.sheet", "Tin");
        ctx.putLong("test.row", 3L);
        AbstractSpreadsheetItemReader<SpreadsheetRecord> reader = reader(file);
        assertThatThrownBy(() -> reader.open(ctx)).isInstanceOf(BadFileException.class)
                .hasMessage(file.getFileName() + ": cannot restart: the last committed row was sheet 'Tin' row 3"
                        + " but the file now has sheet 'Tin' row 2 there");
        reader.close();
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void failsWithTheSheetWhenTheHeaderIsNotFound(Workbooks.Format format) throws Exception {
        Path file = write(format, "noheader", SheetSpec.of("Tin", new Object[] {"Land", "unit", "2011"},
                new Object[] {"a"}, new Object[] {"b"}, new Object[] {"c"}, new Object[] {"d"}, new Object[] {"e"}));
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(BadFileException.class)
                .hasMessage(file.getFileName() + ": sheet 'Tin': header not found in the first 5 rows"
                        + " (looked for Country, unit and years)");
    }

    @ParameterizedTest
    @EnumSource(Workbooks.Format.class)
    void failsNamingTheSheetsWhenNoneMatches(Workbooks.Format format) throws Exception {
        Path file = write(format, "nosheet", SheetSpec.of("Notes", new Object[] {"Country", "unit", "2011"}));
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(BadFileException.class)
                .hasMessage(file.getFileName() + ": no sheet matches any sheet but Notes (sheets: Notes)");
    }
}
