package org.mineralsetl.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsetl.WarehouseIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
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
                copy.startRow(2);
                copy.int4(i);
                copy.numeric(new BigDecimal(numbers.get(i)));
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
                copy.startRow(2);
                copy.int4(i);
                copy.numeric(d.unscaledValue().longValueExact(), d.scale());
            }
        }
        assertThat(jdbc.queryForList("select n::text from public.binary_copy_test order by id", String.class))
                .containsExactlyElementsOf(numbers);
    }

    @Test
    void writesTextGivenAsItsUtf8Bytes() {
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.binary_copy_test", List.of("id", "t"))) {
            copy.startRow(2);
            copy.int4(1);
            copy.utf8("Côte d'Ivoire 中国".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(jdbc.queryForObject("select t from public.binary_copy_test", String.class))
                .isEqualTo("Côte d'Ivoire 中国");
    }

    @Test
    void writesTextIntegersBooleansAndNulls() {
        try (PgBinaryCopy copy = PgBinaryCopy.into(dataSource, "public.binary_copy_test",
                List.of("id", "n", "t", "s", "b", "f"))) {
            copy.startRow(6);
            copy.int4(1);
            copy.nullValue();
            copy.text("Côte d'Ivoire\ttab\\ 中国");
            copy.int2(-7);
            copy.int8(1L << 40);
            copy.bool(true);
            copy.startRow(6);
            copy.int4(2);
            copy.numeric(null);
            copy.text(null);
            copy.int2(32767);
            copy.int8(-1);
            copy.bool(null);
            assertThat(copy.rows()).isEqualTo(2);
        }
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
}
