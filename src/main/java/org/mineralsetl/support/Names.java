package org.mineralsetl.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises names for lookups: accents, case, curly quotes, non-breaking spaces and punctuation do not
 * matter, so "Côte d’Ivoire", "Cote d'Ivoire" and "COTE D IVOIRE" share one key. The same function builds
 * the keys stored in ref.country_alias and the keys looked up by every loader.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Names() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = NON_ALNUM.matcher(s).replaceAll(" ");
        return s.trim();
    }

    /** Trims ordinary and non-breaking spaces (and other Unicode blanks) at both ends. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        return text.replace('\u00a0', ' ').replace('\u2007', ' ').replace('\u202f', ' ').strip();
    }
}
