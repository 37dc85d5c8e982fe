package net.weft.daemon.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.view.RouterView;
import net.weft.daemon.stats.Counter;

/**
 * The Prometheus text exposition ({@code /metrics}, format 0.0.4): Weave Net's {@code weave_connections} and
 * {@code weave_connection_terminations_total}, then Weft's own {@code weft_*} gauges and counters. Every family
 * is always present, so a scrape with zero peers is as well-formed as one with fifty.
 */
public final class MetricsText {

    /** The content type Prometheus expects for this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** The overlay type reported for connections that have none yet (Weave's word). */
    static final String UNKNOWN_TYPE = "unknown";
    /** The overlay every connection of ours uses; listed with zero values before any connection exists. */
    static final String DEFAULT_OVERLAY = "sleeve";

    private MetricsText() {
    }

    /** The whole exposition. */
    public static String render(StatusSnapshot s) {
        StringBuilder sb = new StringBuilder();
        connections(sb, s);
        family(sb, "weave_connection_terminations_total", "counter",
                "Number of peer-to-peer connections terminated.");
        sample(sb, "weave_connection_terminations_total", "", s.view().terminations());
        RouterView v = s.view();
        gauge(sb, "weft_peers", "Peers in the topology, ourselves included.", v.peers().size());
        gauge(sb, "weft_unicast_routes", "Destinations in the data-plane unicast route table.",
                v.unicastRoutes().size());
        gauge(sb, "weft_targets", "Direct targets given by the user.", s.directTargets().size());
        gauge(sb, "weft_mac_cache_entries", "MAC addresses in the MAC cache.", v.macs().size());
        gauge(sb, "weft_topology_version", "Version of our own topology entry.", v.version());
        for (Counter c : Counter.values()) {
            family(sb, c.metricName(), "counter", c.help());
            sample(sb, c.metricName(), "", s.counter(c.key()));
        }
        family(sb, "weft_core_events_total", "counter", "Counters kept by the router core, by name.");
        for (Map.Entry<String, Long> e : v.counters().entrySet()) {
            sample(sb, "weft_core_events_total", "{name=\"" + escape(e.getKey()) + "\"}", e.getValue());
        }
        return sb.toString();
    }

    /** {@code weave_connections{state,type,encryption}}: every state, plus every type seen. */
    private static void connections(StringBuilder sb, StatusSnapshot s) {
        String defaultEncryption = s.view().encryption() ? "yes" : "";
        Map<String, Long> counts = new TreeMap<>();
        for (String state : StatusText.STATE_ORDER) {
            counts.put(labels(state, DEFAULT_OVERLAY, defaultEncryption), 0L);
        }
        List<ConnectionLine> rows = ConnectionLine.all(s);
        for (ConnectionLine row : rows) {
            String type = row.overlay().isEmpty() ? UNKNOWN_TYPE : row.overlay();
            String encryption = row.attrs().containsKey("encrypted") ? "yes" : "";
            counts.merge(labels(row.state(), type, encryption), 1L, Long::sum);
        }
        family(sb, "weave_connections", "gauge", "Number of peer-to-peer connections.");
        counts.forEach((labels, n) -> sample(sb, "weave_connections", labels, n));
    }

    private static String labels(String state, String type, String encryption) {
        return "{state=\"" + escape(state) + "\",type=\"" + escape(type) + "\",encryption=\"" + escape(encryption)
                + "\"}";
    }

    private static void gauge(StringBuilder sb, String name, String help, long value) {
        family(sb, name, "gauge", help);
        sample(sb, name, "", value);
    }

    private static void family(StringBuilder sb, String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder sb, String name, String labels, long value) {
        sb.append(name).append(labels).append(' ').append(value).append('\n');
    }

    /** Escapes a label value: backslash, double quote and newline. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
