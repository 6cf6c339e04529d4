package org.mineralsetl.spreadsheet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mineralsetl.WarehouseIntegrationTest;
import org.mineralsetl.support.BinaryRows;
import org.mineralsetl.support.PgBinaryCopy;
import org.mineralsetl.support.TestWorkbooks;
import org.mineralsetl.warehouse.ImportLauncher;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mineralsetl.support.TestWorkbooks.wmdSheet;

/**
 * The facts of a workbook row stored as one sheet row (V35) read back through warehouse.production_fact with the
 * values, texts, quantities, qualifiers and estimate flags they were given, whether the view derives them or the
 * row carries them; and the derivations the encoder counts on are the server's own.
 */
class SheetRowIntegrationTests extends WarehouseIntegrationTest {

    private static final String MAPPING = """
            name: sheet-rows
            description: markers, estimate suffix, thousands separators and units of a test workbook
            files: '^sheet-rows\\.xlsx$'
            target: {facts: production, source: wmd, edition: TEST, measure: production, stage: mine}
            sheets:
              include: '.*'
              commodities: {Lithium: lithium}
            header: {tokens: [Country, unit], search-rows: 5}
            columns: {entity: Country, unit: unit, note: Sources of data, years: '^(19|20)\\d{2}$'}
            units: {metr. t: 1, kg: 0.001}
            values: {markers: {W: W}, estimate-suffix: e, thousands-separators: true}
            notes: {estimate: '^estimate', qualifiers: {estimate: e}}
            """;

    @Autowired
    SpreadsheetImports imports;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void givesBackEveryFactOfASheetRowAsItWasMapped() throws Exception {
        Path mapping = Files.writeString(dir.resolve("sheet-rows.yml"), MAPPING);
        Path file = TestWorkbooks.xlsx(dir.resolve("sheet-rows.xlsx"), wmdSheet("Lithium",
                new Object[] {"Chile", "metr. t", "1,234", "12.50", "W", "7e", null, "reported"},
                new Object[] {"Peru", "kg", 5000, 250, null, "0.0", null, "estimate"}));
        ImportLauncher.Outcome o = launcher.importFile(imports.kindFor(mapping), file, 10.0);
        assertThat(o.status()).as(String.valueOf(o.message())).isEqualTo(ImportLauncher.Status.LOADED);

        assertThat(jdbc.queryForList("""
                select concat_ws(' ', country_iso3, year, column_name, quantity_t, original_value, original_text,
                                 original_unit, coalesce(qualifier, '-'), is_estimate, note, row_number)
                from warehouse.production_fact order by country_iso3, year""", String.class)).containsExactly(
                "CHL 2011 2011 1234 1234 1,234 metr. t - f reported 3",
                "CHL 2012 2012 12.5 12.50 12.50 metr. t - f reported 3",
                "CHL 2013 2013 W metr. t W f reported 3",
                "CHL 2014 2014 7 7 7e metr. t - t reported 3",
                "PER 2011 2011 5 5000 5000 kg e t estimate 4",
                "PER 2012 2012 0.25 250 250 kg e t estimate 4",
                "PER 2014 2014 0 0.0 0.0 kg e t estimate 4");
        // two workbook rows, two sheet rows: what the view could not derive, they carry
        assertThat(jdbc.queryForList("""
                select concat_ws(' ', row_number, original_text is not null, quantity_t is not null,
                                 qualifiers is not null, estimates is not null)
                from warehouse.production_sheet_row order by row_number""", String.class))
                .containsExactly("3 t f t t", "4 f t f f");
        assertThat(jdbc.queryForObject("select count(*) from warehouse.production_fact_base", Long.class)).isZero();
    }

    @Test
    void derivesTextsAndQuantitiesExactlyAsTheServerPrintsThem() {
        List<String> numbers = List.of("0", "0.000", "1", "7.10", "12.50", "1234000", "1E+3", "0.00000000012",
                "123456789012345678901234567890.123456789", "99999999.99999999", "5000", "0.0", "1.0E-7", "-7.10", "-0.25",
                "-1234000", "-123456789012345678901234567890.5");
        jdbc.execute("create table public.sheet_row_test (n numeric[])");
        try {
            try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.sheet_row_test", List.of("n"))) {
                BinaryRows row = copy.row(1).startArray(1700, numbers.size());
                for (String n : numbers) {
                    row.numeric(new BigDecimal(n));
                }
                row.endArray();
            }
            List<String> texts = jdbc.queryForList("select v::text from public.sheet_row_test, unnest(n) with ordinality as u (v, i) order by i",
                    String.class);
            List<String> trimmed = jdbc.queryForList("select trim_scale(v)::text from public.sheet_row_test, unnest(n) with ordinality as u (v, i) order by i",
                    String.class);
            List<String> stripped = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                BigDecimal d = new BigDecimal(numbers.get(i));
                // the encoder's judgement, for the text the server prints and for a number written in other digits
                assertThat(SheetRowEncoder.isOwnText(d, texts.get(i))).as(numbers.get(i)).isTrue();
                assertThat(SheetRowEncoder.isOwnText(d, texts.get(i) + "0")).as(numbers.get(i)).isFalse();
                BigDecimal strip = MappingItemProcessor.withoutTrailingZeros(d);
                assertThat(SheetRowEncoder.isValueWithoutTrailingZeros(strip, d)).as(numbers.get(i)).isTrue();
                stripped.add(strip.scale() < 0 ? strip.setScale(0).toPlainString() : strip.toPlainString());
                if (d.scale() > 0 && d.signum() != 0) {
                    assertThat(SheetRowEncoder.isValueWithoutTrailingZeros(d.setScale(d.scale() + 1), d)).isFalse();
                }
            }
            assertThat(trimmed).containsExactlyElementsOf(stripped);
            // each element arrives as the decimal it was, display scale and sign included
            assertThat(texts).containsExactlyElementsOf(numbers.stream().map(n -> new BigDecimal(n).toPlainString()).toList());
            assertThat(SheetRowEncoder.isOwnText(new BigDecimal("7"), "07")).isFalse();
            assertThat(SheetRowEncoder.isOwnText(new BigDecimal("7"), "7e")).isFalse();
        } finally {
            jdbc.execute("drop table public.sheet_row_test");
        }
    }
}
