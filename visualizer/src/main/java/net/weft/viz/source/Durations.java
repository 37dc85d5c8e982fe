package net.weft.viz.source;

import java.util.Locale;

/** Durations as scenario files and the command line write them: {@code 250ms}, {@code 30s}, {@code 2m}. */
public final class Durations {

    private static final long NS_PER_US = 1_000L;
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_S = 1_000_000_000L;
    private static final long NS_PER_MIN = 60 * NS_PER_S;

    private Durations() {
    }

    /** Parses a duration; a bare number means seconds. Throws IllegalArgumentException on bad text. */
    public static long parseNs(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {{"ns", "1"}, {"us", "" + NS_PER_US}, {"ms", "" + NS_PER_MS}, {"s", "" + NS_PER_S},
            {"m", "" + NS_PER_MIN}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                String num = t.substring(0, t.length() - u[0].length());
                if (!num.isEmpty() && Character.isDigit(num.charAt(num.length() - 1))) {
                    return Math.round(Double.parseDouble(num) * Long.parseLong(u[1]));
                }
            }
        }
        try {
            return Math.round(Double.parseDouble(t) * NS_PER_S);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }

    /** The shortest exact form: whole seconds as {@code 12s}, else milliseconds, else nanoseconds. */
    public static String format(long ns) {
        if (ns % NS_PER_S == 0) {
            return ns / NS_PER_S + "s";
        }
        if (ns % NS_PER_MS == 0) {
            return ns / NS_PER_MS + "ms";
        }
        return ns + "ns";
    }
}
