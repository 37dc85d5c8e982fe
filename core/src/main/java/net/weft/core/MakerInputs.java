package net.weft.core;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.conn.ConnectedSet;
import net.weft.core.conn.DiscoveredPeer;
import net.weft.core.conn.LiveConnection;
import net.weft.core.topology.PeerEntry;

/**
 * Tells the connection maker what we are connected to and which peers the topology shows, so it can
 * suspend direct targets that are already satisfied, count connections against the limit, and add
 * discovered targets.
 */
final class MakerInputs {

    private MakerInputs() {
    }

    static void refresh(RouterState s) {
        List<LiveConnection> live = new ArrayList<>();
        for (LocalConnection c : s.connections.values()) {
            if (c.registered) {
                live.add(new LiveConnection(c.remote(), c.remoteAddress, c.outbound));
            }
        }
        List<DiscoveredPeer> discovered = new ArrayList<>();
        if (s.config.discovery()) {
            for (PeerEntry e : s.peers.entries()) {
                if (!e.name().equals(s.self()) && !e.connections().isEmpty()) {
                    discovered.add(new DiscoveredPeer(e.name(), new ArrayList<>(e.connections().values())));
                }
            }
        }
        s.maker.refresh(s.now(), ConnectedSet.of(live), discovered);
    }
}
