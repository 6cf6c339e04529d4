package org.mineralsetl.baci;

import org.mineralsetl.reference.CountryResolver;
import org.mineralsetl.trade.TradeParty;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * BACI country codes (i, j) resolved through ref.country_alias (kind baci), each code once: a BACI year repeats
 * some 230 codes over millions of lines. Null for a code the aliases do not know. One per processor (a partition's
 * thread).
 */
final class BaciParties {

    private final CountryResolver countries;
    private final Map<String, Optional<TradeParty>> byCode = new HashMap<>();

    BaciParties(CountryResolver countries) {
        this.countries = countries;
    }

    TradeParty byCode(String code) {
        return byCode.computeIfAbsent(code, c -> countries.byCode("baci", c).map(TradeParty::of)).orElse(null);
    }
}
