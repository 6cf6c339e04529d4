package org.mineralsetl.usgs;

import org.mineralsetl.support.Names;
import org.mineralsetl.reference.CountryResolver;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporting unit of a MCS row, from the Country cell as printed: a country (footnote digits and the
 * estimate letter glued to names removed: "New Caledonia11", "Japane", "Korea, Republic ofe"; a trailing
 * qualifier kept as detail: "Kazakhstan, concentrate", "Spain (includes pegmatites)", "Denmark (processed)5"), a world total ("World total (rounded)10") or the
 * residual ("Other countries6", "Other"). Empty when the name is unknown.
 */
record UsgsEntity(String kind, String iso3, String label, String detail, boolean estimateMarked) {

    private static final Pattern FOOTNOTE = Pattern.compile("^(.*?\\D)\\s*\\d+$");
    private static final Pattern PARENTHESIS = Pattern.compile("^(.+?)\\s*\\((.+)\\)$");

    static Optional<UsgsEntity> resolve(String printed, CountryResolver countries) {
        String name = Names.strip(printed == null ? "" : printed).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        Matcher m = FOOTNOTE.matcher(name);
        if (m.matches()) {
            name = m.group(1).strip();
        }
        String key = Names.key(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (key.startsWith("world total") || key.equals("world")) {
            return Optional.of(new UsgsEntity("world_total", null, name, null, false));
        }
        if (key.equals("other") || key.startsWith("other countries")) {
            return Optional.of(new UsgsEntity("residual", null, name, null, false));
        }
        Optional<UsgsEntity> direct = country(name, name, null, false, countries);
        if (direct.isPresent()) {
            return direct;
        }
        if (name.endsWith("e")) {
            Optional<UsgsEntity> estimated = country(name.substring(0, name.length() - 1), name, null, true, countries);
            if (estimated.isPresent()) {
                return estimated;
            }
        }
        Matcher p = PARENTHESIS.matcher(name);
        if (p.matches()) {
            Optional<UsgsEntity> qualified = country(p.group(1).strip(), name, p.group(2).strip(), false, countries);
            if (qualified.isPresent()) {
                return qualified;
            }
        }
        int comma = name.lastIndexOf(", ");
        if (comma > 0) {
            return country(name.substring(0, comma), name, name.substring(comma + 2).strip(), false, countries);
        }
        return Optional.empty();
    }

    private static Optional<UsgsEntity> country(String lookup, String label, String detail, boolean estimate,
                                                CountryResolver countries) {
        return countries.byName(lookup).map(t -> t.isCountry()
                ? new UsgsEntity("country", t.iso3(), label, detail, estimate)
                : new UsgsEntity(t.areaKind().equals("world") ? "world_total" : "residual", null, label, detail, estimate));
    }
}
