package org.mineralsetl.trade;

import org.mineralsetl.reference.CountryResolver;

/**
 * A reporter or partner of a trade flow as resolved: a country (code = iso3, kind country) or a non-country area
 * (code = ref.area code, iso3 null, kind world, aggregate, nes, special or residual).
 */
public record TradeParty(String code, String iso3, String kind) {

    public static TradeParty of(CountryResolver.Target target) {
        return target.isCountry() ? new TradeParty(target.iso3(), target.iso3(), "country")
                : new TradeParty(target.areaCode(), null, target.areaKind());
    }

    public boolean isWorld() {
        return "world".equals(kind);
    }
}
