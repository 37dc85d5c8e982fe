package net.weft.core.view;

import java.util.List;
import java.util.SortedMap;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;

/**
 * An immutable snapshot of one router, for status pages, reports, the viewer and checkers. Lists are
 * sorted (peers by name, connections by address) so snapshots compare and print deterministically.
 *
 * @param unicastRoutes   data-plane table: destination peer to first hop (established, symmetric links)
 * @param broadcastRoutes data-plane broadcast next hops for broadcasts that we originate, by source
 */
public record RouterView(
        PeerName name,
        String nickname,
        PeerUid uid,
        int shortId,
        long version,
        long nowNs,
        int port,
        boolean encryption,
        boolean discovery,
        List<PeerView> peers,
        List<ConnectionView> connections,
        List<TargetView> targets,
        SortedMap<PeerName, PeerName> unicastRoutes,
        SortedMap<PeerName, List<PeerName>> broadcastRoutes,
        List<MacView> macs,
        long terminations,
        SortedMap<String, Long> counters) {

    /** Defensive copies. */
    public RouterView {
        peers = List.copyOf(peers);
        connections = List.copyOf(connections);
        targets = List.copyOf(targets);
        unicastRoutes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unicastRoutes));
        broadcastRoutes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(broadcastRoutes));
        macs = List.copyOf(macs);
        counters = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(counters));
    }
}
