package org.mineralsetl.baci;

import org.mineralsetl.support.BadFileException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a BACI file name tells: BACI_HS17_Y2022_V202301.csv is HS revision 2017, year 2022, release V202301.
 * A name without the HS part needs the revision as a job parameter (hsRevision=HS17 or HS2017).
 */
record BaciFileName(String hsRevision, Integer year, String release) {

    private static final Pattern NAME = Pattern.compile("(?i)BACI(?:_(HS\\d{2}))?(?:_Y(\\d{4}))?_(V\\d{6}[a-z]?)\\.csv");
    private static final Pattern REVISION = Pattern.compile("(?i)HS(\\d{2}|\\d{4})");

    static boolean matches(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }

    /** The release (V202301) the name carries; fails the file when the name is not a BACI name. */
    static String release(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new BadFileException(file.getFileName() + ": not a BACI trade file name (expected BACI_HS17_Y2022_V202301.csv)");
        }
        return m.group(3).toUpperCase(Locale.ROOT);
    }

    /** @param revisionParameter the hsRevision job parameter, or null; it wins over the name */
    static BaciFileName of(Path file, String revisionParameter) {
        String name = file.getFileName().toString();
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new BadFileException(name + ": not a BACI trade file name (expected BACI_HS17_Y2022_V202301.csv)");
        }
        String revision = revisionParameter != null ? revisionParameter : m.group(1);
        if (revision == null) {
            throw new BadFileException(name + ": the name does not tell the HS revision; give it as hsRevision=HS17");
        }
        return new BaciFileName(hsRevision(revision, name), m.group(2) == null ? null : Integer.parseInt(m.group(2)),
                m.group(3).toUpperCase(Locale.ROOT));
    }

    /** HS92/HS1992 to HS1992, HS17 to HS2017, ... */
    static String hsRevision(String text, String fileName) {
        Matcher m = REVISION.matcher(text.trim());
        if (!m.matches()) {
            throw new BadFileException(fileName + ": HS revision '" + text + "' is not HS92, HS96, HS02, HS07, HS12, HS17 or HS22");
        }
        String digits = m.group(1);
        int yy = Integer.parseInt(digits.substring(digits.length() - 2));
        String revision = "HS" + (yy >= 88 ? 1900 + yy : 2000 + yy);
        if (!REVISIONS.contains(revision) || (digits.length() == 4 && !revision.equals("HS" + digits))) {
            throw new BadFileException(fileName + ": HS revision '" + text + "' is not HS92, HS96, HS02, HS07, HS12, HS17 or HS22");
        }
        return revision;
    }

    /** The revisions of the Harmonized System BACI is published in. */
    private static final java.util.Set<String> REVISIONS =
            java.util.Set.of("HS1992", "HS1996", "HS2002", "HS2007", "HS2012", "HS2017", "HS2022");
}
