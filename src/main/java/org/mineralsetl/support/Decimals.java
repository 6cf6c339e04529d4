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

    /**
     * True for a plain decimal without a sign: digits, with an optional fraction ("1234", "0.834", ".5"), the form a
     * large file's values take; its text can be stored as it is.
     */
    public static boolean isPlain(String text) {
        int digits = 0;
        boolean point = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }
}
