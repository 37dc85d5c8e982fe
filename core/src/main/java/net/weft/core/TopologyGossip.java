package net.weft.core;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.topology.UpdateResult;
import net.weft.core.trace.TraceEvent;
import net.weft.core.wire.GossipMessage;
import net.weft.core.wire.ParseResult;
import net.weft.core.wire.ProtocolTag;
import net.weft.core.wire.TopologyCodec;
import net.weft.core.wire.TopologyScan;

/**
 * The "topology" gossip channel: applies updates from neighbours, relays what improved, coalesces our own
 * changes (at most one update per second after a leading one), and sends the whole table periodically and to new or
 * restarted neighbours.
 */
final class TopologyGossip {

    /** The channel name Weave's mesh registers for the topology. */
    static final String CHANNEL = "topology";

    private final RouterState s;
    private final SortedSet<PeerName> pending = new TreeSet<>();
    private long pendingDueNs = Long.MAX_VALUE;
    /** When our last coalesced update went out; far in the past before the first. */
    private long lastUpdateSentNs = Long.MIN_VALUE / 2;
    private long periodicDueNs;

    TopologyGossip(RouterState state) {
        this.s = state;
        this.periodicDueNs = state.timings.gossipIntervalNs();
    }

    /**
     * Our entry (and those of {@code extra}) changed: gossip it now if no update of ours went out within the
     * coalescing window (one second), else at the end of that window. Leading-edge coalescing: a lone change (a
     * peer restarting, a link coming back) spreads at once, while a burst (a mass restart, where Weave's one-second
     * deferral avoids N^2 updates) still costs at most one update per window after the first.
     */
    void localChange(PeerName... extra) {
        for (PeerName p : extra) {
            pending.add(p);
        }
        if (pendingDueNs == Long.MAX_VALUE) {
            pendingDueNs = Math.max(s.now(), lastUpdateSentNs + s.timings.topologyDeferNs());
        }
    }

    long nextDeadlineNs() {
        return Math.min(pendingDueNs, periodicDueNs);
    }

    void onTimer(long now) {
        if (now >= pendingDueNs) {
            pendingDueNs = Long.MAX_VALUE;
            lastUpdateSentNs = now;
            pending.add(s.self());
            byte[] update = s.peers.payload(pending);
            pending.clear();
            gossipToNeighbours(update, PeerName.UNKNOWN);
        }
        if (now >= periodicDueNs) {
            periodicDueNs = now + s.timings.gossipIntervalNs();
            gossipToNeighbours(s.peers.fullPayload(), PeerName.UNKNOWN);
        }
    }

    /** Sends the whole table down one connection (new or restarted neighbour). */
    void sendAllTo(PeerName neighbour) {
        byte[] payload = s.peers.fullPayload();
        s.sendGossip(neighbour, GossipMessage.gossip(CHANNEL, s.self(), payload));
    }

    /**
     * Handles a message on the topology channel. Returns a rejection reason when the neighbour sent
     * something the protocol forbids (the caller closes the connection, as Weave does).
     */
    ParseResult<Boolean> onMessage(PeerName from, GossipMessage msg) {
        if (msg.tag() == ProtocolTag.GOSSIP_UNICAST.code()) {
            return ParseResult.rejected("unexpected unicast on the topology channel");
        }
        ParseResult<TopologyScan> scanned = TopologyCodec.scan(msg.payload());
        ParseResult<UpdateResult> applied = scanned.isOk() ? s.peers.applyUpdate(scanned.value())
                : ParseResult.rejected(scanned.reason());
        if (!applied.isOk()) {
            return ParseResult.rejected("malformed topology update: " + applied.reason());
        }
        UpdateResult result = applied.value();
        for (PeerName added : result.added()) {
            String nick = s.peers.get(added).map(e -> e.nickname()).orElse("");
            s.trace(new TraceEvent.PeerAdded(s.now(), s.self(), added, nick));
        }
        if (result.ourVersionJumped()) {
            s.trace(new TraceEvent.LocalVersionBumped(s.now(), s.self(), s.peers.version(),
                    "gossip showed an older incarnation of ourselves"));
            localChange();
        }
        if (result.droppedOverLimit() > 0) {
            s.out.count("topology_entries_dropped_over_limit", result.droppedOverLimit());
        }
        boolean changed = !result.improved().isEmpty();
        s.trace(new TraceEvent.GossipReceived(s.now(), s.self(), from, CHANNEL, msg.tag(), msg.payload().length,
                changed));
        if (changed) {
            s.routesChanged();
            s.gcSoon();
        }
        if (msg.tag() == ProtocolTag.GOSSIP_BROADCAST.code()) {
            relayBroadcast(msg.src(), s.peers.payload(result.received()));
        } else if (changed) {
            gossipToNeighbours(s.peers.payload(result.improved()), from);
        }
        return ParseResult.ok(changed);
    }

    private void relayBroadcast(PeerName source, byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        s.ensureRoutesCurrent();
        s.sendGossipToEach(s.routes.broadcastAll(source), GossipMessage.broadcast(CHANNEL, source, payload));
    }

    private void gossipToNeighbours(byte[] payload, PeerName except) {
        if (payload.length == 0) {
            return;
        }
        s.ensureRoutesCurrent();
        List<PeerName> targets = s.routes.randomNeighbours(except, s.rng);
        if (targets.isEmpty()) {
            return;
        }
        s.sendGossipToEach(targets, GossipMessage.gossip(CHANNEL, s.self(), payload));
    }
}
