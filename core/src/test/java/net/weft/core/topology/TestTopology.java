package net.weft.core.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;

/** Builds small topologies for tests: peers named by small numbers, connections as each end reports them. */
public final class TestTopology {

    private final TreeMap<PeerName, TreeMap<PeerName, ConnectionSummary>> reported = new TreeMap<>();

    /** Peer name {@code 00:00:00:00:00:<i>}-style, from a small number. */
    public static PeerName peer(int i) {
        return new PeerName(i);
    }

    /** Declares peers with no connections. */
    public TestTopology peers(int... names) {
        for (int n : names) {
            reported.computeIfAbsent(peer(n), k -> new TreeMap<>());
        }
        return this;
    }

    /** Both ends report an established connection. */
    public TestTopology link(int a, int b) {
        return report(a, b, true).report(b, a, true);
    }

    /** Both ends report a connection that is not yet established. */
    public TestTopology pending(int a, int b) {
        return report(a, b, false).report(b, a, false);
    }

    /** Only {@code from} reports the connection; it says established. */
    public TestTopology oneSided(int from, int to) {
        peers(to);
        return report(from, to, true);
    }

    /** {@code from} reports a connection to {@code to} with the given flag. */
    public TestTopology report(int from, int to, boolean established) {
        peers(from, to);
        reported.get(peer(from)).put(peer(to),
                new ConnectionSummary(peer(to), "10.0.0." + to + ":6783", from < to, established));
        return this;
    }

    /** The topology as version-1 gossip entries with UID = name + 1000. */
    public List<PeerSummary> summaries() {
        List<PeerSummary> out = new ArrayList<>();
        for (Map.Entry<PeerName, TreeMap<PeerName, ConnectionSummary>> e : reported.entrySet()) {
            long n = e.getKey().value();
            out.add(new PeerSummary(e.getKey(), "host" + n, n + 1000, 1, (int) n, true,
                    new ArrayList<>(e.getValue().values())));
        }
        return out;
    }

    /** The topology as a route-computation snapshot. */
    public TopologyGraph graph() {
        return TopologyGraph.fromSummaries(summaries());
    }
}
