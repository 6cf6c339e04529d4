package org.mineralsetl.support;

import java.math.BigDecimal;

/** Decimal numbers read from the text of a cell, for readers of millions of cells. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * The decimal as written ("1234.567" keeps scale 3), as {@code new BigDecimal(text)} gives it, or null when it
     * is not a number. Plain decimals of up to 18 digits (nearly every cell) are read digit by digit into a compact
     * BigDecimal, without BigDecimal's parser; anything else (exponents, a plus sign, more digits) goes to it.
     */
    public static BigDecimal parse(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            return null;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        int i = text.charAt(0) == '-' ? 1 : 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
            } else if (c == '.' && scale < 0) {
                scale = 0;
                continue;
            } else {
                break;
            }
            if (scale >= 0) {
                scale++;
            }
        }
        if (i == n && digits > 0 && digits <= 18) {
            return BigDecimal.valueOf(text.charAt(0) == '-' ? -unscaled : unscaled, Math.max(scale, 0));
        }
        try {
            return new BigDecimal(text.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
