package net.weft.viz.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;

/**
 * Decides the edges of the drawing from a snapshot. Each end that has a router view reports its own side of
 * a connection; a peer without a view is represented by what others' topology gossip says it reports.
 * An edge shows the worst state of its ends, so a connection is green only when both sides agree. Underlay
 * links of the simulator are edges too (so they can be clicked to cut and heal), red while cut or while an
 * end is down.
 */
public final class EdgeDerivation {

    private EdgeDerivation() {
    }

    /** Per-pair accumulation of what the ends report. */
    private static final class Ends {
        final Map<PeerName, EdgeState> states = new TreeMap<>();
        String overlay = "";
        boolean encrypted;
    }

    /** The edges of {@code snap}, sorted by pair. */
    public static List<EdgeModel> edges(MeshSnapshot snap) {
        Map<PeerPair, Ends> acc = new TreeMap<>();
        for (PeerState p : snap.peers().values()) {
            if (p.alive() && p.view() != null) {
                ownConnections(p.view(), snap, acc);
            }
        }
        for (PeerState p : snap.peers().values()) {
            if (p.alive() && p.view() != null) {
                gossipedConnections(p.view(), snap, acc);
            }
        }
        List<EdgeModel> out = new ArrayList<>();
        for (PeerPair link : snap.links()) {
            acc.computeIfAbsent(link, k -> new Ends());
        }
        for (Map.Entry<PeerPair, Ends> e : acc.entrySet()) {
            out.add(new EdgeModel(e.getKey(), combine(e.getKey(), e.getValue(), snap), e.getValue().overlay,
                    e.getValue().encrypted));
        }
        return out;
    }

    private static void ownConnections(RouterView v, MeshSnapshot snap, Map<PeerPair, Ends> acc) {
        for (ConnectionView c : v.connections()) {
            EdgeState s = stateOf(c.state());
            if (s == null || c.remote().equals(PeerName.UNKNOWN) || c.remote().equals(v.name())
                    || !snap.peers().containsKey(c.remote())) {
                continue;
            }
            Ends ends = acc.computeIfAbsent(PeerPair.of(v.name(), c.remote()), k -> new Ends());
            ends.states.merge(v.name(), s, EdgeDerivation::worse);
            if (!c.overlay().isEmpty()) {
                ends.overlay = c.overlay();
            }
            ends.encrypted |= c.encrypted();
        }
    }

    private static void gossipedConnections(RouterView v, MeshSnapshot snap, Map<PeerPair, Ends> acc) {
        for (PeerView pv : v.peers()) {
            PeerState reporter = snap.peers().get(pv.name());
            if (reporter == null || (reporter.alive() && reporter.view() != null)) {
                continue;
            }
            for (PeerConnectionView c : pv.connections()) {
                if (!snap.peers().containsKey(c.to()) || c.to().equals(pv.name())) {
                    continue;
                }
                Ends ends = acc.computeIfAbsent(PeerPair.of(pv.name(), c.to()), k -> new Ends());
                ends.states.putIfAbsent(pv.name(), c.established() ? EdgeState.ESTABLISHED : EdgeState.PENDING);
            }
        }
    }

    private static EdgeState combine(PeerPair pair, Ends ends, MeshSnapshot snap) {
        if (snap.cutLinks().contains(pair)) {
            return EdgeState.FAILED;
        }
        EdgeState worst = EdgeState.ESTABLISHED;
        for (PeerName end : new PeerName[] {pair.low(), pair.high()}) {
            PeerState p = snap.peers().get(end);
            EdgeState s = ends.states.get(end);
            if (p != null && !p.alive() && snap.links().contains(pair)) {
                return EdgeState.FAILED;
            }
            if (s == null) {
                boolean silentButKnown = p != null && p.alive() && p.view() != null;
                s = silentButKnown || ends.states.isEmpty() ? EdgeState.CONNECTING : worst;
            }
            worst = worse(worst, s);
        }
        return worst;
    }

    private static EdgeState worse(EdgeState a, EdgeState b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static EdgeState stateOf(ConnectionState s) {
        switch (s) {
            case DIALLING:
            case HANDSHAKING:
                return EdgeState.CONNECTING;
            case PENDING:
                return EdgeState.PENDING;
            case ESTABLISHED:
                return EdgeState.ESTABLISHED;
            default:
                return null;
        }
    }
}
