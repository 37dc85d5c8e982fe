package net.weft.scenarios;

import java.math.BigDecimal;
import java.util.Locale;

/** Parses and prints durations as scenario files write them: {@code 250ms}, {@code 10s}, {@code 1.5m}. */
public final class Durations {

    private static final long NS = 1L;
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;

    private Durations() {
    }

    /** Nanoseconds in {@code text}, or throws {@link IllegalArgumentException} with a readable message. */
    public static long parseNs(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
            split++;
        }
        if (split == 0) {
            throw new IllegalArgumentException("bad duration '" + text + "' (expected e.g. 250ms, 10s, 2m)");
        }
        long unit = unitNs(t.substring(split).trim(), text);
        try {
            return new BigDecimal(t.substring(0, split)).multiply(BigDecimal.valueOf(unit)).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("bad duration '" + text + "'");
        }
    }

    private static long unitNs(String unit, String text) {
        switch (unit) {
            case "ns":
                return NS;
            case "us":
                return US;
            case "ms":
                return MS;
            case "s":
                return S;
            case "m":
            case "min":
                return MIN;
            case "h":
                return H;
            default:
                throw new IllegalArgumentException("bad duration '" + text + "': unit must be ns, us, ms, s, m or h");
        }
    }

    /** Shortest exact text for {@code ns}, e.g. {@code 1500ms}, {@code 10s}. */
    public static String format(long ns) {
        if (ns % S == 0) {
            return ns / S + "s";
        } else if (ns % MS == 0) {
            return ns / MS + "ms";
        } else if (ns % US == 0) {
            return ns / US + "us";
        }
        return ns + "ns";
    }
}
