package org.mineralsetl.support;

import java.math.BigDecimal;

/** Decimal numbers read from the text of a cell. */
public final class Decimals {

    private Decimals() {
    }

    /** The decimal as written ("1234.567" keeps scale 3), as {@code new BigDecimal(text)} gives it, or null. */
    public static BigDecimal parse(CharSequence text) {
        try {
            return text.length() == 0 ? null : new BigDecimal(text.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
