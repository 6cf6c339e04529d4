package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.support.BadFileException;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.support.TestWorkbooks.SheetSpec;

import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingEditionTests {

    @TempDir
    Path dir;

    private Path workbook(String name, boolean xls) throws Exception {
        SheetSpec cover = SheetSpec.of("Cover", new Object[] {"World Mining Data 2019, volume 34"}, new Object[] {null, 2019});
        SheetSpec russia = SheetSpec.of("Russia, Asia", new Object[] {"Russia, Asia", "unit", "2017"},
                new Object[] {"Edition: WMD 2020"});
        return xls ? TestWorkbooks.xls(dir.resolve(name), cover, russia) : TestWorkbooks.xlsx(dir.resolve(name), cover, russia);
    }

    @Test
    void aLiteralEditionIsTheEditionOfEveryFile() {
        assertThat(MappingEdition.literal("WMD2017").of(dir.resolve("anything.xlsx"))).isEqualTo("WMD2017");
    }

    @Test
    void readsTheEditionFromTheFileNameByTheRegexGroupOrTemplate() {
        Path file = Path.of("/data/wmd_by_country_2019.xlsx");
        assertThat(new MappingEdition(null, Pattern.compile("_(\\d{4})\\.xlsx$"), null, null, null).of(file))
                .isEqualTo("2019");
        assertThat(new MappingEdition(null, Pattern.compile("_(\\d{4})\\.xlsx$"), null, null, "WMD$1").of(file))
                .isEqualTo("WMD2019");
        assertThat(new MappingEdition(null, Pattern.compile("\\d{4}"), null, null, null).of(file)).isEqualTo("2019");
        assertThatThrownBy(() -> new MappingEdition(null, Pattern.compile("_(\\d{4})\\.xlsx$"), null, null, "WMD$1")
                .of(Path.of("wmd_latest.xlsx")))
                .isInstanceOf(BadFileException.class)
                .hasMessage("wmd_latest.xlsx: no edition in its name ('wmd_latest.xlsx' does not match target.edition"
                        + " _(\\d{4})\\.xlsx$)");
    }

    @Test
    void readsTheEditionFromACellOfTheFirstOrANamedSheetInBothFormats() throws Exception {
        for (boolean xls : new boolean[] {false, true}) {
            Path file = workbook(xls ? "wmd.xls" : "wmd.xlsx", xls);
            assertThat(new MappingEdition(null, null, "A1", Pattern.compile("Data (\\d{4})"), "WMD$1").of(file))
                    .isEqualTo("WMD2019");
            assertThat(new MappingEdition(null, null, "Cover!B2", null, null).of(file)).isEqualTo("2019");
            assertThat(new MappingEdition(null, null, "'Russia, Asia'!A2", Pattern.compile("WMD (\\d{4})"), "WMD$1")
                    .of(file)).isEqualTo("WMD2020");
            assertThatThrownBy(() -> new MappingEdition(null, null, "Cover!C9", null, null).of(file))
                    .isInstanceOf(BadFileException.class)
                    .hasMessage(file.getFileName() + ": no edition in cell Cover!C9 (it is empty)");
            assertThatThrownBy(() -> new MappingEdition(null, null, "Notes!A1", null, null).of(file))
                    .isInstanceOf(BadFileException.class)
                    .hasMessage(file.getFileName() + ": no sheet 'Notes' to read cell Notes!A1 from");
        }
    }
}
