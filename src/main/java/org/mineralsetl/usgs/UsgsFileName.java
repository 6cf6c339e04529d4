package org.mineralsetl.usgs;

import org.mineralsetl.support.BadFileException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a MCS data-release file name says: {@code mcs2024-raree_world.csv} is edition MCS2024, commodity
 * slug {@code raree}, table {@code world}.
 */
record UsgsFileName(String edition, int editionYear, String slug, String table) {

    static final Pattern PATTERN = Pattern.compile("(?i)^mcs(\\d{4})-([a-z]+)_(world|salient)\\.csv$");

    static boolean matches(Path file, String table) {
        Matcher m = PATTERN.matcher(file.getFileName().toString());
        return m.matches() && m.group(3).equalsIgnoreCase(table);
    }

    static UsgsFileName of(Path file) {
        Matcher m = PATTERN.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new BadFileException(file.getFileName() + ": not a USGS MCS data-release file name"
                    + " (expected mcsYYYY-<slug>_world.csv or mcsYYYY-<slug>_salient.csv; edition and commodity are read from it)");
        }
        int year = Integer.parseInt(m.group(1));
        return new UsgsFileName("MCS" + year, year, m.group(2).toLowerCase(Locale.ROOT),
                m.group(3).toLowerCase(Locale.ROOT));
    }
}
