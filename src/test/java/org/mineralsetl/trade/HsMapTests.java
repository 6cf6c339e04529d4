package org.mineralsetl.trade;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HsMapTests {

    private static HsMap map() {
        Map<String, HsMap.Entry> entries = new HashMap<>();
        for (HsMap.Entry e : new HsMap.Entry[]{
                new HsMap.Entry("2846", "REE", "refinery", false),
                new HsMap.Entry("284610", "REE_CE", "refinery", false),
                new HsMap.Entry("280530", "REE", "refinery", false),
                new HsMap.Entry("811292", "GA", "refinery", true),
                new HsMap.Entry("TOTAL", "ALL", "product", false)}) {
            entries.put(e.code(), e);
        }
        return new HsMap("test", entries);
    }

    @Test
    void classifiesASubheadingByItsOwnEntryBeforeItsHeading() {
        assertThat(map().lookup("284610").commodity()).isEqualTo("REE_CE");
        assertThat(map().lookup("284610").code()).isEqualTo("284610");
    }

    @Test
    void classifiesASubheadingWithoutAnEntryByItsHeading() {
        assertThat(map().lookup("284690").code()).isEqualTo("2846");
        assertThat(map().lookup("2846").commodity()).isEqualTo("REE");
    }

    @Test
    void leavesCodesOutsideTheMapUnclassified() {
        assertThat(map().lookup("280531")).isNull();
        assertThat(map().lookup("28")).isNull();
        assertThat(map().lookup("TOTAL").commodity()).isEqualTo("ALL");
    }
}
