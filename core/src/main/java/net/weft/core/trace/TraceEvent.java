package net.weft.core.trace;

import net.weft.core.conn.ConnectionState;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;

/**
 * Things that happened inside a router, for checkers, the viewer, logs and replay. Every event carries
 * the virtual time and the peer that saw it. Events are facts, never commands.
 */
public sealed interface TraceEvent {

    /** When it happened, on the router's clock (nanoseconds). */
    long atNs();

    /** The router that saw it. */
    PeerName self();

    /** A peer entered our topology table (from gossip, a handshake, or as a placeholder). */
    record PeerAdded(long atNs, PeerName self, PeerName peer, String nickname) implements TraceEvent { }

    /** A peer left our table (garbage-collected as unreachable). */
    record PeerRemoved(long atNs, PeerName self, PeerName peer, String reason) implements TraceEvent { }

    /** A connection changed state; {@code remote} is UNKNOWN before the handshake names it. */
    record ConnectionStateChanged(long atNs, PeerName self, ConnectionId id, PeerName remote, Endpoint address,
            boolean outbound, ConnectionState state, String reason) implements TraceEvent { }

    /** Our own topology entry changed (its version went up). */
    record LocalVersionBumped(long atNs, PeerName self, long version, String why) implements TraceEvent { }

    /** Routes were recomputed; counts of data-plane unicast routes and of reachable peers. */
    record RoutesRecomputed(long atNs, PeerName self, int unicastRoutes, int reachablePeers) implements TraceEvent { }

    /** A gossip message left on a connection ({@code tag}: 4 gossip, 5 unicast, 6 broadcast). */
    record GossipSent(long atNs, PeerName self, PeerName to, String channel, int tag, int bytes)
            implements TraceEvent { }

    /** A gossip message arrived; {@code changed} when it taught us something new. */
    record GossipReceived(long atNs, PeerName self, PeerName from, String channel, int tag, int bytes,
            boolean changed) implements TraceEvent { }

    /** A data frame went to a neighbour: captured here or relayed ({@code src != self}). */
    record FrameForwarded(long atNs, PeerName self, PeerName src, PeerName dst, PeerName nextHop, int bytes)
            implements TraceEvent { }

    /** A data frame was injected into the local bridge. */
    record FrameDelivered(long atNs, PeerName self, PeerName src, int bytes) implements TraceEvent { }

    /** A data frame was dropped, with the reason. */
    record FrameDropped(long atNs, PeerName self, String reason, int bytes) implements TraceEvent { }

    /** A peer sent something the protocol does not allow; the connection may be closed. */
    record PeerMisbehaved(long atNs, PeerName self, ConnectionId id, Endpoint from, String reason)
            implements TraceEvent { }

    /** A UDP datagram was dropped (garbage, unknown sender, truncated, ...). */
    record DatagramDropped(long atNs, PeerName self, Endpoint from, String reason) implements TraceEvent { }

    /**
     * A path-MTU search on the connection to {@code peer} ended: frames to it carry IP packets of up to
     * {@code mtu} bytes (Weave's "Effective MTU verified at ...").
     */
    record MtuVerified(long atNs, PeerName self, PeerName peer, int mtu) implements TraceEvent { }

    /** A target was dialled, or will be retried. */
    record TargetChanged(long atNs, PeerName self, String target, String state, String detail)
            implements TraceEvent { }
}
