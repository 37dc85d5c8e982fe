package net.weft.viz.source;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event of a scenario's timeline, in the scenario file's own words ({@code {at: 20s, cut: [p1, p3]}}).
 *
 * @param atNs  when it happens
 * @param kind  the action: cut, heal, crash, restart, join, or one this viewer only passes through
 * @param value the action's argument as YAML data (a pair of peers, a peer, a {peer, links} map, ...)
 */
public record ScenarioAction(long atNs, String kind, Object value) {

    /** Cutting a link. */
    public static ScenarioAction cut(long atNs, String a, String b) {
        return new ScenarioAction(atNs, "cut", List.of(a, b));
    }

    /** Healing a link. */
    public static ScenarioAction heal(long atNs, String a, String b) {
        return new ScenarioAction(atNs, "heal", List.of(a, b));
    }

    /** Crashing a peer. */
    public static ScenarioAction crash(long atNs, String peer) {
        return new ScenarioAction(atNs, "crash", peer);
    }

    /** Restarting a peer. */
    public static ScenarioAction restart(long atNs, String peer) {
        return new ScenarioAction(atNs, "restart", peer);
    }

    /** A new peer joining, linked to others. */
    public static ScenarioAction join(long atNs, String peer, List<String> links) {
        Map<String, Object> v = new TreeMap<>();
        v.put("peer", peer);
        v.put("links", List.copyOf(links));
        return new ScenarioAction(atNs, "join", v);
    }

    /** Applies this action to {@code engine}; returns false for kinds this viewer does not drive. */
    public boolean applyTo(SimEngine engine) {
        switch (kind) {
            case "cut":
                engine.cut(pair().get(0), pair().get(1));
                return true;
            case "heal":
                engine.heal(pair().get(0), pair().get(1));
                return true;
            case "crash":
                engine.crash(String.valueOf(value));
                return true;
            case "restart":
                engine.restart(String.valueOf(value));
                return true;
            case "join":
                Map<?, ?> m = (Map<?, ?>) value;
                List<String> links = ((List<?>) m.get("links")).stream().map(String::valueOf).toList();
                engine.join(String.valueOf(m.get("peer")), links);
                return true;
            default:
                return engine instanceof ClusterEngine c && c.applyOther(kind, value);
        }
    }

    private List<String> pair() {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
