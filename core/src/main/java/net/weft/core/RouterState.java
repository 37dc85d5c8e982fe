package net.weft.core;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.conn.ConnectionMaker;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.routing.Routes;
import net.weft.core.topology.PeerEntryPool;
import net.weft.core.topology.Peers;
import net.weft.core.trace.TraceEvent;
import net.weft.core.wire.FrameReader;
import net.weft.core.wire.GossipMessage;

/**
 * The state shared by the router's parts (connections, gossip, data plane), and the few operations they
 * all need: sending a message to a neighbour, asking for a route recalculation, a topology update or a GC.
 * The deferred work itself runs from {@link Router}'s timer handling.
 */
final class RouterState {

    final RouterConfig config;
    final Timings timings;
    final DeterministicRandom rng;
    final Outbox out;
    final Peers peers;
    final ConnectionMaker maker;
    final SortedMap<ConnectionId, LocalConnection> connections = new TreeMap<>();
    final SortedMap<PeerName, LocalConnection> byPeer = new TreeMap<>();
    Routes routes;
    long routesDueNs = Long.MAX_VALUE;
    long gcDueNs = Long.MAX_VALUE;
    long nextDialId = 1;

    RouterState(RouterConfig config, DeterministicRandom rng, Outbox out, PeerEntryPool pool) {
        this.config = config;
        this.timings = config.timings();
        this.rng = rng;
        this.out = out;
        this.peers = new Peers(config.name(), config.nickname(), config.uid(), config.shortId(), config.maxPeers(),
                pool);
        this.maker = new ConnectionMaker(config.name(), config.port(), timings, config.discovery(), rng.fork(1));
        this.maker.setConnectionLimit(config.connLimit());
        this.routes = Routes.compute(config.name(), peers.graph());
    }

    PeerName self() {
        return config.name();
    }

    long now() {
        return out.now();
    }

    void trace(TraceEvent e) {
        out.trace(e);
    }

    /** Coalesces route recalculation: the first request arms the 100 ms timer. */
    void routesChanged() {
        routesDueNs = Math.min(routesDueNs, now() + timings.routeRecalcDeferNs());
    }

    /**
     * Recomputes the routes now if a recalculation is pending (Weave's {@code ensureRecalculated}): called before
     * anything chooses gossip targets from the routes, so a pending change (a neighbour just established, a peer
     * just learned) is never routed around by a stale table.
     */
    void ensureRoutesCurrent() {
        if (routesDueNs == Long.MAX_VALUE) {
            return;
        }
        routesDueNs = Long.MAX_VALUE;
        routes = Routes.compute(self(), peers.graph());
        trace(new TraceEvent.RoutesRecomputed(now(), self(), routes.unicastTable().size() - 1,
                routes.reachable().size()));
        MakerInputs.refresh(this);
    }

    /** Coalesces garbage collection after remote updates (1 s). */
    void gcSoon() {
        gcDueNs = Math.min(gcDueNs, now() + timings.gcDeferNs());
    }

    /** The registered connection to a neighbour, if any. */
    Optional<LocalConnection> connectionTo(PeerName peer) {
        return Optional.ofNullable(byPeer.get(peer));
    }

    /**
     * Frames and queues a protocol message on a connection, sealed first when the connection is encrypted
     * (sealing and emitting in one step keeps wire order equal to the nonce counter's order).
     */
    void sendMessage(LocalConnection c, byte[] body) {
        emitFramed(c, FrameReader.frame(c.tcp == null ? body : c.tcp.seal(body)));
    }

    /** Queues one framed message on {@code c}'s stream and counts it. */
    private void emitFramed(LocalConnection c, byte[] framed) {
        out.emit(new Effect.SendBytes(c.id, framed));
        out.count("tcp_messages_sent");
        out.count("tcp_bytes_sent", framed.length);
    }

    /** Sends a gossip message to a neighbour; false when we have no connection to it. */
    boolean sendGossip(PeerName to, GossipMessage msg) {
        LocalConnection c = byPeer.get(to);
        if (c == null) {
            return false;
        }
        sendGossip(to, c, msg, c.tcp == null ? msg.encodeFramed() : null);
        return true;
    }

    /**
     * Sends one gossip message to each of {@code targets} in order (those we have no connection to are skipped),
     * encoding it once: every plaintext connection gets the same framed array (the effects' bytes are never
     * written after emission), so a message fanned out to k neighbours costs one body in memory, not k.
     */
    void sendGossipToEach(List<PeerName> targets, GossipMessage msg) {
        byte[] plainFramed = null;
        for (PeerName to : targets) {
            LocalConnection c = byPeer.get(to);
            if (c == null) {
                continue;
            }
            if (c.tcp == null && plainFramed == null) {
                plainFramed = msg.encodeFramed();
            }
            sendGossip(to, c, msg, plainFramed);
        }
    }

    /** Sends {@code msg} on {@code c}: {@code plainFramed} as it is on a plaintext connection, else sealed anew. */
    private void sendGossip(PeerName to, LocalConnection c, GossipMessage msg, byte[] plainFramed) {
        int bodyLength;
        if (c.tcp == null) {
            bodyLength = plainFramed.length - FrameReader.LENGTH_BYTES;
            emitFramed(c, plainFramed);
        } else {
            byte[] body = msg.encode();
            bodyLength = body.length;
            sendMessage(c, body);
        }
        out.count("gossip_messages_sent");
        out.count("gossip_bytes_sent", bodyLength);
        trace(new TraceEvent.GossipSent(now(), self(), to, msg.channel(), msg.tag(), bodyLength));
    }
}
