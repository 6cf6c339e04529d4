package org.mineralsetl.usgs;

import org.mineralsetl.support.Names;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numeric cell of a USGS MCS table, parsed into value + qualifier + bounds + estimate flag.
 * <ul>
 * <li>{@code W} withheld (proprietary): no value, never zero;</li>
 * <li>{@code NA} not available, {@code XX} not applicable, {@code E} net exporter (NIR);</li>
 * <li>{@code >50}, {@code >9,100,000}, {@code <1}: a bound, no value;</li>
 * <li>{@code Less than ½ unit}: a bound below 0.5;</li>
 * <li>{@code e20,000}: an estimate; {@code "72,000"}, {@code −84} (Unicode minus), NBSP padding: plain numbers;</li>
 * <li>{@code Included in World total.}, {@code included with ilmenite}: counted elsewhere, no value.</li>
 * <li>{@code 500–14,000}: a range, its ends as bounds, no value;</li>
 * <li>words ({@code Small}, {@code Variable, depending on type of product}, {@code Less than 500 carats.}): no value,
 *     the words kept as the cell's text.</li>
 * </ul>
 * Anything else (digits mixed with other signs) is not a number and the caller rejects it with the reason.
 *
 * @param value      the number, or null when the cell is a marker or a bound
 * @param qualifier  null for a plain number; W, NA, XX, E, &gt;, &lt;, included, range or text
 */
record UsgsCell(BigDecimal value, String qualifier, BigDecimal lowerBound, BigDecimal upperBound,
                       boolean estimate, String text) {

    private static final Pattern NUMBER = Pattern.compile("(e)?([-\u2212\u2013]?)(\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+)");
    private static final Pattern RANGE = Pattern.compile("([\\d,]+(?:\\.\\d+)?)\\s*[-\u2013\u2014]\\s*([\\d,]+(?:\\.\\d+)?)");
    private static final Pattern LESS_THAN_HALF = Pattern.compile("(?i)less than (½|1/2|one-half|a half|half)( a| an)? unit\\.?");

    /** Empty for a blank cell; throws {@link IllegalArgumentException} with the reason for anything unreadable. */
    public static Optional<UsgsCell> parse(String raw) {
        String t = Names.strip(raw == null ? "" : raw).replace('\u00a0', ' ');
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String upper = t.toUpperCase(Locale.ROOT);
        switch (upper) {
            case "W", "NA", "XX", "E" -> {
                return Optional.of(new UsgsCell(null, upper, null, null, false, raw));
            }
            case "N/A" -> {
                return Optional.of(new UsgsCell(null, "NA", null, null, false, raw));
            }
            default -> {
            }
        }
        if (LESS_THAN_HALF.matcher(t).matches()) {
            return Optional.of(new UsgsCell(null, "<", null, new BigDecimal("0.5"), false, raw));
        }
        if (upper.startsWith("INCLUDED")) {
            return Optional.of(new UsgsCell(null, "included", null, null, false, raw));
        }
        if (t.startsWith(">") || t.startsWith("<")) {
            Number n = number(t.substring(1).strip(), raw);
            boolean lower = t.startsWith(">");
            return Optional.of(new UsgsCell(null, t.substring(0, 1), lower ? n.value : null, lower ? null : n.value,
                    n.estimate, raw));
        }
        Matcher range = RANGE.matcher(t);
        if (range.matches()) {
            return Optional.of(new UsgsCell(null, "range", new BigDecimal(range.group(1).replace(",", "")),
                    new BigDecimal(range.group(2).replace(",", "")), false, raw));
        }
        try {
            Number n = number(t, raw);
            return Optional.of(new UsgsCell(n.value, null, null, null, n.estimate, raw));
        } catch (IllegalArgumentException e) {
            if (Character.isLetter(t.charAt(0))) {
                return Optional.of(new UsgsCell(null, "text", null, null, false, raw));
            }
            throw e;
        }
    }

    private record Number(BigDecimal value, boolean estimate) {
    }

    private static Number number(String t, String raw) {
        Matcher m = NUMBER.matcher(t.replace(" ", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a number or a known USGS marker: '" + raw + "'");
        }
        String digits = m.group(3).replace(",", "");
        BigDecimal v = new BigDecimal(digits);
        if (!m.group(2).isEmpty()) {
            v = v.negate();
        }
        return new Number(v, m.group(1) != null);
    }
}
