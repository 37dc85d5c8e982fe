package net.weft.scenarios;

import java.util.Map;

/** One thing a scenario expects ({@code converged-within}, {@code reachable}, ...), with its line. */
public record Expectation(String kind, Map<String, Object> args, int line) {

    /** Defensive copy. */
    public Expectation {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    /** Readable text, e.g. {@code reachable c1 -> c5 at 30s}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(kind);
        for (Map.Entry<String, Object> e : args.entrySet()) {
            Object v = e.getValue();
            String text = v instanceof Long && e.getKey().matches("at|time|within") ? Durations.format((Long) v)
                    : String.valueOf(v);
            sb.append(' ').append(e.getKey()).append('=').append(text);
        }
        return sb.toString();
    }
}
