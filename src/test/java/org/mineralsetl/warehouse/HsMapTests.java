package org.mineralsetl.warehouse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HsMapTests {

    private static HsMap map() {
        Map<String, HsMap.Entry> entries = new HashMap<>();
        for (HsMap.Entry e : new HsMap.Entry[]{
                new HsMap.Entry("2846", "REE", "refinery", false),
                new HsMap.Entry("284610", "REE_CE", "refinery", false),
                new HsMap.Entry("280530", "REE", "refinery", false),
                new HsMap.Entry("2605", "CO", "mine", false),
                new HsMap.Entry("811292", "GA", "refinery", true),
                new HsMap.Entry("TOTAL", "ALL", "product", false)}) {
            entries.put(e.code(), e);
        }
        return new HsMap("test", entries);
    }

    @Test
    void looksUpSixDigitCodesAsTheGeneralLookupDoesForEveryCode() {
        HsMap map = map();
        int found = 0;
        List<String> differ = new ArrayList<>();
        for (int code = 0; code < 1_000_000; code++) {
            String hs6 = Integer.toString(1_000_000 + code).substring(1);
            HsMap.Entry e = map.lookupHs6(hs6);
            if (e != map.lookup(hs6)) {
                differ.add(hs6);
            }
            if (e != null) {
                found++;
            }
        }
        assertThat(differ).isEmpty();
        // 2846xx (100 codes, one of them its own entry), 280530, 2605xx (100), 811292
        assertThat(found).isEqualTo(202);
        assertThat(map.lookupHs6("284610").commodity()).isEqualTo("REE_CE");
        assertThat(map.lookupHs6("284690").code()).isEqualTo("2846");
        assertThat(map.lookupHs6("280531")).isNull();
    }
}
