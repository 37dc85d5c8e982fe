package net.weft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.weft.core.conn.ConnectionMaker;
import net.weft.core.conn.ConnectionState;
import net.weft.core.conn.DuplicateConnections;
import net.weft.core.conn.EndCause;
import net.weft.core.conn.Handshake;
import net.weft.core.conn.HandshakeFailure;
import net.weft.core.conn.RemoteIntro;
import net.weft.core.crypto.X25519;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.overlay.OverlayAction;
import net.weft.core.overlay.OverlayForwarder;
import net.weft.core.overlay.SleeveChannel;
import net.weft.core.topology.Registration;
import net.weft.core.trace.TraceEvent;
import net.weft.core.wire.GossipMessage;
import net.weft.core.wire.ParseResult;
import net.weft.core.wire.ProtocolTag;

/**
 * The life of each TCP connection: dialling, the handshake, registration with the topology (duplicate
 * tie-break, connection limit), message dispatch, TCP heartbeats and read timeouts, the overlay forwarder,
 * and teardown. Every exit goes through {@link #close} so the topology, the routes and the connection maker
 * always hear about it.
 */
final class ConnectionLifecycle {

    private static final byte[] HEARTBEAT = {(byte) ProtocolTag.HEARTBEAT.code()};
    /** The overlay we run; peers that advertise no overlays get it as Weave's compat overlay. */
    static final String SLEEVE = "sleeve";

    private final RouterState s;
    private TopologyGossip topology;
    private SurrogateGossip surrogate;
    private DataPlane dataPlane;

    ConnectionLifecycle(RouterState state) {
        this.s = state;
    }

    void wire(TopologyGossip topologyGossip, SurrogateGossip surrogateGossip, DataPlane data) {
        this.topology = topologyGossip;
        this.surrogate = surrogateGossip;
        this.dataPlane = data;
    }

    void dial(Endpoint target, boolean direct) {
        ConnectionId id = new ConnectionId(s.nextDialId++);
        LocalConnection c = new LocalConnection(id, true, target, ConnectionState.DIALLING, s.now());
        c.direct = direct;
        s.connections.put(id, c);
        s.out.emit(new Effect.Dial(id, target));
        stateChanged(s.connections.get(id), "dialling " + target);
    }

    void onDialSucceeded(ConnectionId id, Endpoint local) {
        LocalConnection c = s.connections.get(id);
        if (c == null || c.state != ConnectionState.DIALLING) {
            s.out.count("inputs_for_unknown_connections");
            return;
        }
        c.localAddress = local;
        startHandshake(c);
    }

    void onDialFailed(ConnectionId id, String reason) {
        LocalConnection c = s.connections.remove(id);
        if (c == null) {
            s.out.count("inputs_for_unknown_connections");
            return;
        }
        c.state = ConnectionState.CLOSED;
        s.maker.dialFailed(c.remoteAddress, reason, s.now());
        stateChanged(c, reason);
    }

    void onInboundAccepted(ConnectionId id, Endpoint remote, Endpoint local) {
        if (id.isDialled() || s.connections.containsKey(id)) {
            throw new IllegalArgumentException("host reused or mis-allocated connection id " + id);
        }
        LocalConnection c = new LocalConnection(id, false, remote, ConnectionState.HANDSHAKING, s.now());
        c.localAddress = local;
        s.connections.put(id, c);
        startHandshake(c);
    }

    void onBytes(ConnectionId id, byte[] bytes) {
        LocalConnection c = s.connections.get(id);
        if (c == null) {
            s.out.count("inputs_for_unknown_connections");
            return;
        }
        c.lastReceivedNs = s.now();
        if (c.state == ConnectionState.HANDSHAKING) {
            Handshake.Progress p = c.handshake.onBytes(bytes);
            p.toSend().forEach(b -> s.out.emit(new Effect.SendBytes(c.id, b)));
            if (p.failed().isPresent()) {
                HandshakeFailure f = p.failed().get();
                misbehaved(c, f.reason());
                close(c, f.reason(), f.cause());
            } else if (p.done().isPresent()) {
                c.reader = c.handshake.reader();
                c.tcp = c.handshake.session().orElse(null);
                c.handshakeDeadlineNs = Long.MAX_VALUE;
                register(c, p.done().get());
                readFrames(c);
            } else if (c.handshake.phase() != Handshake.Phase.HEADER) {
                c.handshakeDeadlineNs = c.openedNs + s.timings.readTimeoutNs();
            }
        } else if (c.live()) {
            c.reader.feed(bytes, 0, bytes.length);
            readFrames(c);
        }
    }

    void onClosed(ConnectionId id, String reason) {
        LocalConnection c = s.connections.get(id);
        if (c != null) {
            close(c, reason, EndCause.ERROR);
        }
    }

    long nextDeadlineNs() {
        long d = Long.MAX_VALUE;
        for (LocalConnection c : s.connections.values()) {
            d = Math.min(d, c.nextDeadlineNs(s.timings.readTimeoutNs()));
        }
        return d;
    }

    void onTimer(long now) {
        for (LocalConnection c : new ArrayList<>(s.connections.values())) {
            if (now >= c.handshakeDeadlineNs) {
                misbehaved(c, "handshake timed out");
                close(c, "handshake timed out", EndCause.ERROR);
            } else if (c.live() && now >= c.lastReceivedNs + s.timings.readTimeoutNs()) {
                close(c, "read timed out: no message for " + s.timings.readTimeoutNs() / 1_000_000_000L + "s",
                        EndCause.ERROR);
            } else if (c.live()) {
                if (now >= c.nextHeartbeatNs) {
                    s.sendMessage(c, HEARTBEAT);
                    c.nextHeartbeatNs = now + s.timings.tcpHeartbeatNs();
                }
                if (c.forwarder != null && now >= c.forwarder.nextDeadlineNs()) {
                    runForwarder(c, c.forwarder.onTimer(now));
                }
            }
        }
    }

    /**
     * The host could not send a datagram to {@code to}: the route's MTU is {@code routeMtu}. Every overlay
     * sending there (in peer order) lowers its MTU to what fits and verifies it.
     */
    void onSendTooBig(Endpoint to, int routeMtu) {
        for (LocalConnection c : new ArrayList<>(s.byPeer.values())) {
            if (c.forwarder != null && c.forwarder.remote().filter(to::equals).isPresent()) {
                runForwarder(c, c.forwarder.onSendTooBig(c.sleeve.overlayMtuOn(routeMtu), s.now()));
            }
        }
    }

    /** Executes what a forwarder asked for; it may establish or close the connection. */
    void runForwarder(LocalConnection c, List<OverlayAction> actions) {
        for (OverlayAction a : actions) {
            if (!s.connections.containsKey(c.id)) {
                return;
            }
            if (a instanceof OverlayAction.SendDatagram d) {
                s.out.emit(new Effect.SendDatagram(d.to(), c.sleeve.wrap(d.datagram())));
            } else if (a instanceof OverlayAction.SendControl ctl) {
                byte[] body = new byte[ctl.tag7Body().length + 1];
                body[0] = (byte) ProtocolTag.OVERLAY_CONTROL.code();
                System.arraycopy(ctl.tag7Body(), 0, body, 1, ctl.tag7Body().length);
                s.sendMessage(c, body);
            } else if (a instanceof OverlayAction.BecameEstablished) {
                established(c);
            } else if (a instanceof OverlayAction.Failed f) {
                close(c, f.reason(), EndCause.ERROR);
            } else if (a instanceof OverlayAction.MtuVerified v) {
                s.trace(new TraceEvent.MtuVerified(s.now(), s.self(), c.remote(), v.mtu()));
            } else if (a instanceof OverlayAction.Ignored ignored) {
                s.out.count("overlay_inputs_ignored");
            }
        }
    }

    /** Tears a connection down and tells everyone who keeps state about it. */
    void close(LocalConnection c, String reason, EndCause cause) {
        if (s.connections.remove(c.id) == null) {
            return;
        }
        boolean wasEstablished = c.state == ConnectionState.ESTABLISHED;
        c.state = ConnectionState.CLOSED;
        s.out.emit(new Effect.CloseConnection(c.id, reason));
        if (c.registered) {
            s.byPeer.remove(c.remote());
            s.peers.removeLocalConnection(c.remote());
            s.peers.release(c.remote());
            for (PeerName gone : s.peers.garbageCollect()) {
                peerRemoved(gone);
            }
            s.routesChanged();
            topology.localChange();
            versionBumped("connection to " + c.remote() + " lost");
        }
        s.maker.connectionEnded(c.remoteAddress, c.outbound, reason, cause, wasEstablished, s.now());
        MakerInputs.refresh(s);
        stateChanged(c, reason);
    }

    void peerRemoved(PeerName gone) {
        dataPlane.onPeerRemoved(gone);
        s.trace(new TraceEvent.PeerRemoved(s.now(), s.self(), gone, "unreachable"));
    }

    private void startHandshake(LocalConnection c) {
        c.state = ConnectionState.HANDSHAKING;
        c.openedNs = s.now();
        long connId = s.rng.nextLong();
        byte[] ephemeralPrivate = s.config.encrypted() ? randomBytes(X25519.KEY_BYTES) : new byte[0];
        c.handshake = new Handshake(s.config, c.outbound, connId, TrustedSubnets.contains(
                s.config.trustedSubnets(), c.remoteAddress.host()),
                s.peers.get(s.self()).map(e -> e.shortId()).orElse(s.config.shortId()), ephemeralPrivate);
        c.handshakeDeadlineNs = s.now() + s.timings.headerTimeoutNs();
        s.out.emit(new Effect.SendBytes(c.id, c.handshake.start()));
        stateChanged(c, "handshake started");
    }

    private void register(LocalConnection c, RemoteIntro intro) {
        c.intro = intro;
        ParseResult<Registration> reg = s.peers.reference(intro.name(), intro.nickname(), intro.uid(),
                intro.shortId(), intro.hasShortId(), !c.outbound || c.direct);
        if (!reg.isOk()) {
            close(c, reg.reason(), EndCause.ERROR);
            return;
        }
        LocalConnection existing = s.byPeer.get(intro.name());
        if (existing != null && !resolveDuplicate(existing, c)) {
            s.peers.release(intro.name());
            return;
        }
        if (s.config.connLimit() > 0 && s.byPeer.size() >= s.config.connLimit()) {
            s.peers.release(intro.name());
            close(c, ConnectionMaker.connectionLimitError(s.config.connLimit()), EndCause.ERROR);
            return;
        }
        boolean knownRoute = s.routes.unicast(intro.name()).isPresent();
        c.registered = true;
        c.registeredNs = s.now();
        c.state = ConnectionState.PENDING;
        c.nextHeartbeatNs = s.now() + s.timings.tcpHeartbeatNs();
        s.byPeer.put(intro.name(), c);
        String address = c.remoteAddress.toString();
        s.peers.addLocalConnection(intro.name(), address, c.outbound, false);
        if (reg.value().created()) {
            s.trace(new TraceEvent.PeerAdded(s.now(), s.self(), intro.name(), intro.nickname()));
        }
        versionBumped("connection to " + intro.name() + " added");
        if (reg.value().restarted() || !knownRoute) {
            topology.sendAllTo(intro.name());
        }
        s.routesChanged();
        topology.localChange(intro.name());
        if (c.outbound) {
            s.maker.connected(c.remoteAddress);
        }
        MakerInputs.refresh(s);
        stateChanged(c, "");
        startOverlay(c, intro);
    }

    private boolean resolveDuplicate(LocalConnection existing, LocalConnection fresh) {
        DuplicateConnections.Decision o = DuplicateConnections.decide(existing.intro.connUid(),
                fresh.intro.connUid());
        String msg = DuplicateConnections.message(fresh.remote(), fresh.remoteNickname(), s.self(),
                s.config.nickname());
        if (o == DuplicateConnections.Decision.KEEP_NEW_DROP_OLD) {
            close(existing, msg, EndCause.ERROR);
            return true;
        }
        close(fresh, msg, EndCause.ERROR);
        if (o == DuplicateConnections.Decision.DROP_BOTH) {
            close(existing, msg, EndCause.ERROR);
        }
        return false;
    }

    private void startOverlay(LocalConnection c, RemoteIntro intro) {
        if (!intro.overlays().isEmpty() && !intro.overlays().contains(SLEEVE)) {
            close(c, "no overlays in common with peer", EndCause.ERROR);
            return;
        }
        Optional<Endpoint> udp = c.outbound ? Optional.of(c.remoteAddress) : Optional.empty();
        boolean untrusted = !c.handshake.trustRemote() || !intro.trustedByRemote();
        c.sleeve = intro.encrypted() && untrusted
                ? SleeveChannel.encrypted(s.self(), intro.sessionKey(), c.outbound, s.config.secretBoxes())
                : SleeveChannel.plain();
        c.forwarder = new OverlayForwarder(s.self(), intro.name(), intro.connUid(), c.outbound, udp, s.timings,
                c.sleeve.overlayMtuOn(s.config.underlayMtu()));
        runForwarder(c, c.forwarder.onConfirm(s.now()));
    }

    private void established(LocalConnection c) {
        if (c.state != ConnectionState.PENDING) {
            return;
        }
        c.state = ConnectionState.ESTABLISHED;
        s.peers.setLocalEstablished(c.remote());
        versionBumped("connection to " + c.remote() + " established");
        s.routesChanged();
        topology.localChange();
        stateChanged(c, "");
    }

    private void readFrames(LocalConnection c) {
        while (s.connections.containsKey(c.id)) {
            Optional<byte[]> next = c.reader.next();
            if (c.reader.failed()) {
                String reason = c.reader.failure().orElse("bad frame");
                misbehaved(c, reason);
                close(c, reason, EndCause.ERROR);
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            byte[] body = next.get();
            if (c.tcp != null) {
                ParseResult<byte[]> opened = c.tcp.open(body);
                if (!opened.isOk()) {
                    misbehaved(c, opened.reason());
                    close(c, opened.reason(), EndCause.ERROR);
                    return;
                }
                body = opened.value();
            }
            onMessage(c, body);
        }
    }

    /** Random bytes from the router's deterministic stream (the daemon seeds it from a secure source). */
    private byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i += Long.BYTES) {
            long v = s.rng.nextLong();
            for (int j = 0; j < Long.BYTES && i + j < n; j++) {
                out[i + j] = (byte) (v >>> (8 * j));
            }
        }
        return out;
    }

    private void onMessage(LocalConnection c, byte[] body) {
        s.out.count("tcp_messages_received");
        if (body.length == 0) {
            return;
        }
        int tag = body[0] & 0xFF;
        if (tag == ProtocolTag.HEARTBEAT.code()) {
            return;
        }
        if (tag == ProtocolTag.GOSSIP.code() || tag == ProtocolTag.GOSSIP_UNICAST.code()
                || tag == ProtocolTag.GOSSIP_BROADCAST.code()) {
            onGossip(c, body);
        } else if (tag == ProtocolTag.OVERLAY_CONTROL.code() && c.forwarder != null) {
            runForwarder(c, c.forwarder.onControl(java.util.Arrays.copyOfRange(body, 1, body.length), s.now()));
        } else {
            s.out.count("tcp_messages_ignored");
        }
    }

    private void onGossip(LocalConnection c, byte[] body) {
        ParseResult<GossipMessage> msg = GossipMessage.decode(body);
        if (!msg.isOk()) {
            misbehaved(c, "malformed gossip: " + msg.reason());
            close(c, "malformed gossip: " + msg.reason(), EndCause.ERROR);
            return;
        }
        GossipMessage m = msg.value();
        if (TopologyGossip.CHANNEL.equals(m.channel())) {
            ParseResult<Boolean> r = topology.onMessage(c.remote(), m);
            if (!r.isOk()) {
                misbehaved(c, r.reason());
                close(c, r.reason(), EndCause.ERROR);
            }
        } else {
            surrogate.onMessage(c.remote(), m);
        }
    }

    private void versionBumped(String why) {
        s.trace(new TraceEvent.LocalVersionBumped(s.now(), s.self(), s.peers.version(), why));
    }

    private void misbehaved(LocalConnection c, String reason) {
        s.out.count("peer_protocol_errors");
        s.trace(new TraceEvent.PeerMisbehaved(s.now(), s.self(), c.id, c.remoteAddress, reason));
    }

    private void stateChanged(LocalConnection c, String reason) {
        s.trace(new TraceEvent.ConnectionStateChanged(s.now(), s.self(), c.id, c.remote(), c.remoteAddress,
                c.outbound, c.state, reason));
    }
}
