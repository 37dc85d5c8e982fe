package net.weft.viz.model;

import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;

/**
 * One message that left a peer for a neighbour: the compact form of a trace event the viewer animates.
 *
 * @param atNs  when it left
 * @param from  the sender
 * @param to    the neighbour it went to
 * @param kind  gossip or data frame
 * @param bytes its size
 */
public record Pulse(long atNs, PeerName from, PeerName to, Kind kind, int bytes) {

    /** What travels. */
    public enum Kind {
        /** A gossip message on a control connection. */
        GOSSIP,
        /** A data frame on the overlay. */
        FRAME
    }

    /** The pulse a trace event describes, or null when it is not a message to a neighbour. */
    public static Pulse of(TraceEvent e) {
        if (e instanceof TraceEvent.GossipSent g && !g.to().equals(PeerName.UNKNOWN)) {
            return new Pulse(g.atNs(), g.self(), g.to(), Kind.GOSSIP, g.bytes());
        }
        if (e instanceof TraceEvent.FrameForwarded f && !f.nextHop().equals(PeerName.UNKNOWN)) {
            return new Pulse(f.atNs(), f.self(), f.nextHop(), Kind.FRAME, f.bytes());
        }
        return null;
    }
}
