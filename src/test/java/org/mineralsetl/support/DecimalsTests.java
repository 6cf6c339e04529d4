package org.mineralsetl.support;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTests {

    @Test
    void readsDecimalsExactlyAsBigDecimalWouldWithTheirScale() {
        for (String text : List.of("0", "0.000", "1234.567", "-12.5", "5.", ".5", "000123.4500", "999999999999999999",
                "9999999999999999999", "123456789.123456789", "1e3", "+5", "-0.001", "0123", "12.50")) {
            assertThat(Decimals.parse(text)).as(text).isEqualTo(new BigDecimal(text));
        }
    }

    @Test
    void refusesWhatIsNotANumber() {
        for (String text : List.of("", "-", ".", "1.2.3", "12a", "NA", "1,5")) {
            assertThat(Decimals.parse(text)).as(text).isNull();
        }
    }
}
