package net.weft.daemon.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.core.wire.ProtocolHeader;
import net.weft.core.wire.VersionRange;

/**
 * The text pages of {@code weft status}, laid out like Weave Net 2.8's {@code weave status} templates: the
 * summary, {@code peers}, {@code connections} and {@code targets}.
 */
public final class StatusText {

    /** Protocol versions the router speaks, as printed on the summary page. */
    public static final String PROTOCOL = ProtocolHeader.PROTOCOL + " " + VersionRange.WEAVE.min() + ".."
            + VersionRange.WEAVE.max();
    /** Width of the right-aligned key column of the summary page. */
    static final int KEY_WIDTH = 15;
    /** Width of the address column. */
    static final int ADDRESS_WIDTH = 21;
    /** Width of the state column of the connection list. */
    static final int STATE_WIDTH = 11;
    /** Width of the peer column of the peer list. */
    static final int PEER_WIDTH = 37;
    /** Connection states in the order Weave counts them. */
    static final List<String> STATE_ORDER = List.of("established", "pending", "retrying", "failed", "connecting");

    private StatusText() {
    }

    /** The summary page ({@code /status}). */
    public static String summary(StatusSnapshot s) {
        RouterView v = s.view();
        List<ConnectionLine> rows = ConnectionLine.all(s);
        StringBuilder sb = new StringBuilder();
        field(sb, "Version", s.version() + " (version check update disabled)");
        sb.append('\n');
        field(sb, "Service", "router");
        field(sb, "Protocol", PROTOCOL);
        field(sb, "Name", Names.withNickname(v.name(), v.nickname()));
        field(sb, "Encryption", enabled(v.encryption()));
        field(sb, "PeerDiscovery", enabled(v.discovery()));
        field(sb, "Targets", Integer.toString(s.directTargets().size()));
        field(sb, "Connections", rows.size() + counts(connectionCounts(rows), ""));
        field(sb, "Peers", v.peers().size() + counts(peerConnectionCounts(v), " connections"));
        field(sb, "TrustedSubnets", s.trustedSubnets().isEmpty() ? "none" : String.join(", ", s.trustedSubnets()));
        return sb.toString();
    }

    /** Every known peer (ourselves first) with the connections it reports ({@code /status/peers}). */
    public static String peers(StatusSnapshot s) {
        StringBuilder sb = new StringBuilder();
        for (PeerView p : selfFirst(s.view())) {
            sb.append(Names.withNickname(p.name(), p.nickname())).append('\n');
            for (PeerConnectionView c : p.connections()) {
                sb.append("   ").append(c.outbound() ? "->" : "<-").append(' ')
                        .append(Pad.right(c.address(), ADDRESS_WIDTH)).append(' ')
                        .append(Pad.right(Names.withNickname(c.to(), c.toNickname()), PEER_WIDTH)).append(' ')
                        .append(c.established() ? "established" : "pending").append('\n');
            }
        }
        return sb.toString();
    }

    /** Our connections and unconnected targets, one per line ({@code /status/connections}). */
    public static String connections(StatusSnapshot s) {
        StringBuilder sb = new StringBuilder();
        for (ConnectionLine row : ConnectionLine.all(s)) {
            StringBuilder line = new StringBuilder();
            line.append(row.outbound() ? "->" : "<-").append(' ')
                    .append(Pad.right(row.address(), ADDRESS_WIDTH)).append(' ')
                    .append(Pad.right(row.state(), STATE_WIDTH)).append(' ')
                    .append(row.info());
            String attrs = row.attrsText();
            if (!attrs.isEmpty()) {
                line.append(' ').append(attrs);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The direct targets exactly as the user gave them, one per line ({@code /status/targets}). */
    public static String targets(StatusSnapshot s) {
        StringBuilder sb = new StringBuilder();
        for (String t : s.directTargets()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    /** Our own entry first, then the others in the view's (name) order, as Weave lists them. */
    static List<PeerView> selfFirst(RouterView v) {
        List<PeerView> out = new ArrayList<>();
        for (PeerView p : v.peers()) {
            if (p.name().equals(v.name())) {
                out.add(p);
            }
        }
        for (PeerView p : v.peers()) {
            if (!p.name().equals(v.name())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Rows per state, in Weave's state order. */
    static Map<String, Integer> connectionCounts(List<ConnectionLine> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : STATE_ORDER) {
            int n = 0;
            for (ConnectionLine row : rows) {
                if (row.state().equals(state)) {
                    n++;
                }
            }
            counts.put(state, n);
        }
        return counts;
    }

    private static Map<String, Integer> peerConnectionCounts(RouterView v) {
        int established = 0;
        int pending = 0;
        for (PeerView p : v.peers()) {
            for (PeerConnectionView c : p.connections()) {
                if (c.established()) {
                    established++;
                } else {
                    pending++;
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("established", established);
        counts.put("pending", pending);
        return counts;
    }

    /** {@code " (2 established, 1 pending<suffix>)"} listing only non-zero counts, or empty when all are zero. */
    private static String counts(Map<String, Integer> counts, String suffix) {
        List<String> parts = new ArrayList<>();
        counts.forEach((state, n) -> {
            if (n > 0) {
                parts.add(n + " " + state);
            }
        });
        if (parts.isEmpty()) {
            return "";
        }
        String inner = String.join(", ", parts) + suffix;
        return suffix.isEmpty() ? " (" + inner + ")" : " (with " + inner + ")";
    }

    private static void field(StringBuilder sb, String key, String value) {
        sb.append(" ".repeat(Math.max(0, KEY_WIDTH - key.length()))).append(key).append(": ").append(value)
                .append('\n');
    }

    private static String enabled(boolean on) {
        return on ? "enabled" : "disabled";
    }
}
