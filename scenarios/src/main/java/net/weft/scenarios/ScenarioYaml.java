package net.weft.scenarios;

import java.util.List;
import java.util.Map;
import net.weft.sim.LinkParams;

/**
 * Writes a {@link Scenario} back as a scenario file that {@code weft sim} runs: used to print generated
 * and shrunk fault scripts so a failure found by a property test can be replayed from the command line.
 */
public final class ScenarioYaml {

    private ScenarioYaml() {
    }

    /** The scenario as YAML text. */
    public static String write(Scenario s) {
        StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(s.name()).append('\n');
        if (s.seed() != null) {
            sb.append("seed: ").append(s.seed()).append('\n');
        }
        sb.append("peers: ").append(flow(s.peers())).append('\n');
        sb.append("links: ").append(links(s.links())).append('\n');
        LinkParams n = s.network();
        sb.append("network: {latency: ").append(Durations.format(n.latencyNs())).append(", jitter: ")
                .append(Durations.format(n.jitterNs())).append(", loss: ").append(n.loss()).append(", duplicate: ")
                .append(n.duplicate()).append(", reorder: ").append(n.reorder()).append(", mtu: ").append(n.mtu())
                .append("}\n");
        if (!s.timings().isEmpty()) {
            sb.append("timings: {");
            String sep = "";
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(s.timings()).entrySet()) {
                sb.append(sep).append(e.getKey()).append(": ").append(Durations.format(e.getValue()));
                sep = ", ";
            }
            sb.append("}\n");
        }
        if (!s.discovery()) {
            sb.append("discovery: false\n");
        }
        if (!s.password().isEmpty()) {
            sb.append("password: ").append(quoted(s.password())).append('\n');
        }
        if (!s.passwords().isEmpty()) {
            sb.append("passwords: {");
            String sep = "";
            for (Map.Entry<String, String> e : s.passwords().entrySet()) {
                sb.append(sep).append(e.getKey()).append(": ").append(quoted(e.getValue()));
                sep = ", ";
            }
            sb.append("}\n");
        }
        if (!s.containers().isEmpty()) {
            sb.append("containers: {");
            String sep = "";
            for (Map.Entry<String, List<String>> e : s.containers().entrySet()) {
                sb.append(sep).append(e.getKey()).append(": ").append(flow(e.getValue()));
                sep = ", ";
            }
            sb.append("}\n");
        }
        sb.append("events:").append(s.events().isEmpty() ? " []\n" : "\n");
        for (ScenarioEvent e : s.events()) {
            sb.append("  - {at: ").append(Durations.format(e.atNs())).append(", ").append(event(e)).append("}\n");
        }
        sb.append("run-for: ").append(Durations.format(s.runForNs())).append('\n');
        sb.append("expect:").append(s.expectations().isEmpty() ? " []\n" : "\n");
        for (Expectation x : s.expectations()) {
            sb.append("  - {").append(x.kind()).append(": ").append(expectation(x)).append("}\n");
        }
        return sb.toString();
    }

    /** A YAML double-quoted scalar, so any password reads back as the same string. */
    private static String quoted(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20 || ch == 0x7F) {
                sb.append(String.format("\\x%02X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    private static String links(LinkSpec spec) {
        if (spec instanceof LinkSpec.Explicit) {
            return flow(((LinkSpec.Explicit) spec).pairs());
        } else if (spec instanceof LinkSpec.Random) {
            return "{random: {degree: " + ((LinkSpec.Random) spec).degree() + "}}";
        }
        String kind = spec.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return "{" + kind + ": true}";
    }

    private static String event(ScenarioEvent e) {
        Map<String, Object> a = e.args();
        switch (e.kind()) {
            case "cut":
            case "heal":
                return e.kind() + ": " + flow(a.get("peers"));
            case "partition":
                return "partition: " + flow(a.get("groups"));
            case "heal-all":
                return "heal-all: true";
            case "crash":
            case "restart":
            case "pause":
            case "resume":
            case "leave":
                return e.kind() + ": " + a.get("peer");
            default:
                return e.kind() + ": " + mapping(a);
        }
    }

    private static String expectation(Expectation x) {
        Map<String, Object> a = x.args();
        if (a.containsKey("value")) {
            return String.valueOf(a.get("value"));
        } else if (a.containsKey("within")) {
            return Durations.format((Long) a.get("within"));
        }
        return mapping(a);
    }

    private static String mapping(Map<String, Object> a) {
        StringBuilder sb = new StringBuilder("{");
        String sep = "";
        for (Map.Entry<String, Object> e : a.entrySet()) {
            Object v = e.getValue();
            boolean duration = v instanceof Long && e.getKey().matches("at|time|within|latency|down-for");
            sb.append(sep).append(e.getKey()).append(": ").append(duration ? Durations.format((Long) v) : flow(v));
            sep = ", ";
        }
        return sb.append('}').toString();
    }

    private static String flow(Object v) {
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            String sep = "";
            for (Object o : (List<?>) v) {
                sb.append(sep).append(flow(o));
                sep = ", ";
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
