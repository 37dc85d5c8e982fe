package net.weft.daemon.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text format (0.0.4) for tests: every sample must belong to a family
 * declared just before with HELP and TYPE, names and labels must be well-formed, values numeric, and no series
 * may repeat. Returns samples keyed by {@code name{labels}}.
 */
public final class Exposition {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*\\})? "
                    + "(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|NaN|[+-]Inf)");

    private Exposition() {
    }

    public static Map<String, Double> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition must end with a newline");
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new TreeMap<>();
        String family = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                family = line.substring(7).split(" ", 2)[0];
                if (!NAME.matcher(family).matches() || types.containsKey(family)) {
                    throw new IllegalArgumentException("bad or repeated family " + family);
                }
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2 || !parts[0].equals(family)
                        || !parts[1].matches("counter|gauge|histogram|summary|untyped")) {
                    throw new IllegalArgumentException("bad TYPE line: " + line);
                }
                types.put(family, parts[1]);
            } else {
                Matcher m = SAMPLE.matcher(line);
                if (!m.matches()) {
                    throw new IllegalArgumentException("bad sample line: " + line);
                }
                if (!m.group(1).equals(family) || !types.containsKey(family)) {
                    throw new IllegalArgumentException("sample outside its family: " + line);
                }
                String series = m.group(1) + (m.group(2) == null ? "" : m.group(2));
                if (samples.put(series, Double.parseDouble(m.group(3))) != null) {
                    throw new IllegalArgumentException("repeated series " + series);
                }
            }
        }
        return samples;
    }
}
