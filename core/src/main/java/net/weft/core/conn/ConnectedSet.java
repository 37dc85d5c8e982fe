package net.weft.core.conn;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;

/**
 * What we are connected to right now (step 1 of a check, control-plane notes §2.11), from our registered
 * connections: whom (peer names), where (remote addresses) and from where inbound connections came
 * (source hosts). A connection counts once it is registered with the topology, pending or established;
 * sockets still in their handshake do not.
 *
 * @param peers           names of the peers we have a connection to
 * @param remoteEndpoints remote addresses of all our connections
 * @param inboundHosts    source hosts (IP text) of our inbound connections
 * @param connectionCount how many connections we have, for the connection limit
 */
public record ConnectedSet(SortedSet<PeerName> peers, SortedSet<Endpoint> remoteEndpoints,
        SortedSet<String> inboundHosts, int connectionCount) {

    /** No connections at all. */
    public static final ConnectedSet EMPTY = of(java.util.List.of());

    /** Immutable sorted copies. */
    public ConnectedSet {
        peers = Collections.unmodifiableSortedSet(new TreeSet<>(peers));
        remoteEndpoints = Collections.unmodifiableSortedSet(new TreeSet<>(remoteEndpoints));
        inboundHosts = Collections.unmodifiableSortedSet(new TreeSet<>(inboundHosts));
        if (connectionCount < 0) {
            throw new IllegalArgumentException("negative connection count");
        }
    }

    /** The set for these connections. */
    public static ConnectedSet of(Collection<LiveConnection> connections) {
        SortedSet<PeerName> peers = new TreeSet<>();
        SortedSet<Endpoint> remotes = new TreeSet<>();
        SortedSet<String> inbound = new TreeSet<>();
        for (LiveConnection c : connections) {
            peers.add(c.peer());
            remotes.add(c.remote());
            if (!c.outbound()) {
                inbound.add(c.remote().host());
            }
        }
        return new ConnectedSet(peers, remotes, inbound, connections.size());
    }
}
