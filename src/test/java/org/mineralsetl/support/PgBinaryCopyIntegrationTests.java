package org.mineralsetl.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Binary COPY against the real server: every value comes back as the text the server would print for it. */
class PgBinaryCopyIntegrationTests extends WarehouseIntegrationTest {

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void table() {
        jdbc.execute("create table public.binary_copy_test (id integer, n numeric, t text, s smallint, b bigint, f boolean)");
    }

    @AfterEach
    void drop() {
        jdbc.execute("drop table public.binary_copy_test");
    }

    @Test
    void writesNumericsExactlyWithTheirScale() {
        List<String> numbers = List.of("0", "0.000", "1", "-1", "1234.5", "0.001", "1234000", "10000", "10000.0001",
                "-0.5", "99999999.99999999", "1234567.890", "1E+3", "123456789012345678901234567890.123456789",
                "-98765432109876543210", "0.00000000012", "7.10", "5000", "50000000");
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.binary_copy_test", List.of("id", "n"))) {
            for (int i = 0; i < numbers.size(); i++) {
                copy.row(2).int4(i).numeric(new BigDecimal(numbers.get(i)));
            }
        }
        List<String> back = jdbc.queryForList("select n::text from public.binary_copy_test order by id", String.class);
        assertThat(back).containsExactlyElementsOf(numbers.stream()
                .map(n -> new BigDecimal(n).scale() < 0 ? new BigDecimal(n).toPlainString() : n).toList());
    }

    @Test
    void writesNumericsGivenAsUnscaledLongAndScaleAsTheirBigDecimals() {
        List<String> numbers = List.of("0", "0.000", "1", "-1", "1234.5", "0.001", "1234000", "10000", "10000.0001",
                "-0.5", "99999999.99999999", "1234567.890", "7.10", "5000", "50000000", "-123456789012345678",
                "9223372036854775.807", "123456789");
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.binary_copy_test", List.of("id", "n"))) {
            for (int i = 0; i < numbers.size(); i++) {
                BigDecimal d = new BigDecimal(numbers.get(i));
                copy.row(2).int4(i).numeric(d.unscaledValue().longValueExact(), d.scale());
            }
        }
        assertThat(jdbc.queryForList("select n::text from public.binary_copy_test order by id", String.class))
                .containsExactlyElementsOf(numbers);
    }

    @Test
    void writesTextGivenAsItsUtf8Bytes() {
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.binary_copy_test", List.of("id", "t"))) {
            copy.row(2).int4(1).utf8("Côte d'Ivoire 中国".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(jdbc.queryForObject("select t from public.binary_copy_test", String.class))
                .isEqualTo("Côte d'Ivoire 中国");
    }

    @Test
    void writesTextIntegersBooleansAndNulls() {
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.binary_copy_test",
                List.of("id", "n", "t", "s", "b", "f"))) {
            copy.row(6).int4(1).nullValue().text("Côte d'Ivoire\ttab\\ 中国").int2(-7).int8(1L << 40).bool(true);
            copy.row(6).int4(2).numeric(null).text(null).int2(32767).int8(-1).bool(null);
        }
        assertThat(jdbc.queryForObject("select count(*) from public.binary_copy_test", Integer.class)).isEqualTo(2);
        Map<String, Object> first = jdbc.queryForMap("select * from public.binary_copy_test where id = 1");
        assertThat(first.get("n")).isNull();
        assertThat(first.get("t")).isEqualTo("Côte d'Ivoire\ttab\\ 中国");
        assertThat(((Number) first.get("s")).intValue()).isEqualTo(-7);
        assertThat(first.get("b")).isEqualTo(1L << 40);
        assertThat(first.get("f")).isEqualTo(true);
        Map<String, Object> second = jdbc.queryForMap("select * from public.binary_copy_test where id = 2");
        assertThat(second.get("t")).isNull();
        assertThat(second.get("f")).isNull();
        assertThat(((Number) second.get("s")).intValue()).isEqualTo(32767);
    }

    @Test
    void writesDecimalsGivenAsUnscaledLongsAsTheSameNumerics() {
        long[][] cases = {{0, 0}, {0, 3}, {1, 0}, {-1, 0}, {12345, 1}, {1, 3}, {1234000, 0}, {100000001, 4},
                {-5, 1}, {9999999999999999L, 8}, {1234567890, 3}, {12, 11}, {710, 2}, {999_999_999_999_999_999L, 3},
                {-999_999_999_999_999_999L, 0}, {123456789, 17}};
        // encoded apart from the COPY, as a read-ahead thread does, then sent as one block
        BinaryRows block = new BinaryRows(16);
        for (int i = 0; i < cases.length; i++) {
            block.startRow(2).int4(i).numeric(cases[i][0], (int) cases[i][1]);
        }
        assertThat(block.rows()).isEqualTo(cases.length);
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.binary_copy_test", List.of("id", "n"))) {
            copy.write(block);
            assertThat(copy.rows()).isEqualTo(cases.length);
        }
        List<String> back = jdbc.queryForList("select n::text from public.binary_copy_test order by id", String.class);
        assertThat(back).containsExactlyElementsOf(Arrays.stream(cases)
                .map(c -> BigDecimal.valueOf(c[0], (int) c[1]).toPlainString()).toList());
    }
}
