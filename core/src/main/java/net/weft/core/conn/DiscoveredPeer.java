package net.weft.core.conn;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;

/**
 * A peer of the topology and the connections it reports, the raw material of discovery (step 3 of a
 * check, control-plane notes §2.11). Its connections' addresses come from gossip, so they are text that
 * may be garbage; the connection maker skips what it cannot parse.
 *
 * @param name        the peer
 * @param connections what it reports: remote peer, remote address as it sees it, outbound flag
 */
public record DiscoveredPeer(PeerName name, List<ConnectionSummary> connections) {

    /** Defensive copy. */
    public DiscoveredPeer {
        connections = List.copyOf(connections);
    }

    /** The discovery view of a topology entry. */
    public static DiscoveredPeer from(PeerSummary summary) {
        return new DiscoveredPeer(summary.name(), summary.connections());
    }
}
