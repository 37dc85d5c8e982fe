package net.weft.daemon.log;

import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.core.trace.TraceSink;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs and counts the router's trace events. Runs inside {@code step} on the router thread, so it only formats
 * a line and bumps a counter; per-frame and per-gossip events are logged at trace level only.
 */
public final class TraceLogger implements TraceSink {

    private static final Logger CONN = LoggerFactory.getLogger("weft.connection");
    private static final Logger PEER = LoggerFactory.getLogger("weft.peer");
    private static final Logger ROUTE = LoggerFactory.getLogger("weft.route");
    private static final Logger DATA = LoggerFactory.getLogger("weft.data");

    private final DaemonCounters counters;

    /** Counts into {@code counters}. */
    public TraceLogger(DaemonCounters counters) {
        this.counters = counters;
    }

    @Override
    public void accept(TraceEvent event) {
        if (event instanceof TraceEvent.ConnectionStateChanged) {
            connection((TraceEvent.ConnectionStateChanged) event);
        } else if (event instanceof TraceEvent.PeerAdded) {
            TraceEvent.PeerAdded e = (TraceEvent.PeerAdded) event;
            PEER.info("->[{}] peer discovered: {}", e.self(), named(e.peer(), e.nickname()));
        } else if (event instanceof TraceEvent.PeerRemoved) {
            TraceEvent.PeerRemoved e = (TraceEvent.PeerRemoved) event;
            PEER.info("->[{}] peer removed: {} ({})", e.self(), e.peer(), e.reason());
        } else if (event instanceof TraceEvent.PeerMisbehaved) {
            TraceEvent.PeerMisbehaved e = (TraceEvent.PeerMisbehaved) event;
            counters.increment(Counter.PEER_MISBEHAVIOURS);
            CONN.warn("->[{}|{}] protocol violation: {}", e.from(), e.id(), e.reason());
        } else if (event instanceof TraceEvent.TargetChanged) {
            TraceEvent.TargetChanged e = (TraceEvent.TargetChanged) event;
            CONN.debug("target {} {}{}", e.target(), e.state(), e.detail().isEmpty() ? "" : ": " + e.detail());
        } else if (event instanceof TraceEvent.RoutesRecomputed) {
            TraceEvent.RoutesRecomputed e = (TraceEvent.RoutesRecomputed) event;
            counters.increment(Counter.ROUTE_RECALCULATIONS);
            ROUTE.debug("routes recomputed: {} unicast routes, {} reachable peers", e.unicastRoutes(),
                    e.reachablePeers());
        } else if (event instanceof TraceEvent.LocalVersionBumped) {
            TraceEvent.LocalVersionBumped e = (TraceEvent.LocalVersionBumped) event;
            ROUTE.debug("topology version {} ({})", e.version(), e.why());
        } else {
            dataPlane(event);
        }
    }

    private void connection(TraceEvent.ConnectionStateChanged e) {
        String who = e.remote().equals(PeerName.UNKNOWN) ? "" : e.remote() + " ";
        String where = "->[" + e.address() + (who.isEmpty() ? "" : "|" + e.remote()) + "]";
        String dir = e.outbound() ? "outbound" : "inbound";
        ConnectionState s = e.state();
        String why = e.reason().isEmpty() ? "" : ": " + e.reason();
        switch (s) {
            case DIALLING:
            case HANDSHAKING:
                CONN.debug("{} {} connection {} {}{}", where, dir, e.id(),
                        s.name().toLowerCase(java.util.Locale.ROOT), why);
                break;
            case PENDING:
                CONN.info("{} connection added ({}){}", where, dir, why);
                break;
            case ESTABLISHED:
                CONN.info("{} connection fully established", where);
                break;
            default:
                if (e.remote().equals(PeerName.UNKNOWN) && e.outbound()) {
                    CONN.info("{} error during connection attempt{}", where, why);
                } else {
                    CONN.info("{} connection shutting down due to error{}", where, why.isEmpty() ? ": closed" : why);
                }
        }
    }

    private void dataPlane(TraceEvent event) {
        if (event instanceof TraceEvent.GossipSent) {
            TraceEvent.GossipSent e = (TraceEvent.GossipSent) event;
            counters.increment(Counter.GOSSIP_SENT_MESSAGES);
            counters.add(Counter.GOSSIP_SENT_BYTES, e.bytes());
        } else if (event instanceof TraceEvent.GossipReceived) {
            TraceEvent.GossipReceived e = (TraceEvent.GossipReceived) event;
            counters.increment(Counter.GOSSIP_RECEIVED_MESSAGES);
            counters.add(Counter.GOSSIP_RECEIVED_BYTES, e.bytes());
        } else if (event instanceof TraceEvent.FrameForwarded) {
            counters.increment(Counter.FRAMES_FORWARDED);
        } else if (event instanceof TraceEvent.FrameDropped) {
            counters.increment(Counter.FRAMES_DROPPED);
        } else if (event instanceof TraceEvent.MtuVerified) {
            TraceEvent.MtuVerified e = (TraceEvent.MtuVerified) event;
            DATA.info("->[{}] Effective MTU verified at {}", e.peer(), e.mtu());
        } else if (event instanceof TraceEvent.DatagramDropped) {
            TraceEvent.DatagramDropped e = (TraceEvent.DatagramDropped) event;
            counters.increment(Counter.DATAGRAMS_DROPPED);
            DATA.debug("datagram from {} dropped: {}", e.from(), e.reason());
        }
        if (DATA.isTraceEnabled()) {
            DATA.trace("{}", event);
        }
    }

    private static String named(PeerName name, String nickname) {
        return name + "(" + nickname + ")";
    }
}
