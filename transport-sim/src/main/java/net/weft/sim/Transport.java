package net.weft.sim;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.MacAddress;
import net.weft.core.input.Input;
import net.weft.core.rng.DeterministicRandom;
import net.weft.sim.frame.Container;
import net.weft.sim.frame.Frames;

/**
 * Carries what routers emit, per the simulator's contract:
 *
 * <ul>
 *   <li>{@code Dial}: when the underlay links both hosts both ways and the target runs a router on that
 *       port, after one link latency the target gets {@code InboundAccepted} and then the dialler
 *       {@code DialSucceeded}; otherwise the dialler gets {@code DialFailed} ("connect: no route to host"
 *       or "connect: connection refused") after one latency.</li>
 *   <li>{@code SendBytes}: an ordered reliable stream; arrival is one latency later but never before the
 *       previous arrival in that direction.</li>
 *   <li>{@code CloseConnection}: the other end gets {@code ConnectionClosed("connection reset by peer")}
 *       after the bytes already in flight.</li>
 *   <li>A link cut, partition, one-way block or crash breaks the connections across it: bytes in flight
 *       are lost and each surviving end gets {@code ConnectionClosed} one link latency later (we model the
 *       break as detected after one latency, rather than after TCP's long retransmission timeout).</li>
 *   <li>{@code SendDatagram}: UDP to the host owning the address, with loss, duplication, reordering
 *       (extra jitter) and the MTU check (payload + 28 bytes above the link MTU is dropped); it arrives
 *       as {@code DatagramReceived} from the sender's router endpoint.</li>
 *   <li>{@code DeliverFrame}: onto the host's bridge, to each container whose MAC matches (all of them
 *       for group addresses).</li>
 * </ul>
 * A paused host's inputs are held (its connections stall) and delivered in order on resume.
 */
final class Transport {

    /** A frame a container put on its bridge. */
    record BridgeFrame(Container from, byte[] frame) { }

    private static final String NO_ROUTE = "connect: no route to host";
    private static final String REFUSED = "connect: connection refused";
    private static final String RESET = "connection reset by peer";
    private static final String BROKEN = "read: connection timed out (underlay path lost)";

    private final SimNetwork net;

    Transport(SimNetwork net) {
        this.net = net;
    }

    /** Executes a router's effects in order. */
    void execute(Host h, List<Effect> effects) {
        for (int i = 0; i < effects.size(); i++) {
            Effect e = effects.get(i);
            if (e instanceof Effect.SendBytes) {
                Effect.SendBytes s = (Effect.SendBytes) e;
                sendBytes(h, s.id(), s.bytes());
            } else if (e instanceof Effect.SendDatagram) {
                Effect.SendDatagram d = (Effect.SendDatagram) e;
                sendDatagram(h, d.to(), d.payload());
            } else if (e instanceof Effect.DeliverFrame) {
                deliverFrame(h, ((Effect.DeliverFrame) e).frame());
            } else if (e instanceof Effect.Dial) {
                Effect.Dial d = (Effect.Dial) e;
                dial(h, d.id(), d.target());
            } else if (e instanceof Effect.CloseConnection) {
                close(h, ((Effect.CloseConnection) e).id());
            }
        }
    }

    private long latencyNs(int a, int b) {
        Underlay.Link l = net.underlay().link(a, b);
        return l == null ? net.defaultLink().latencyNs() : l.params.latencyNs();
    }

    private void dial(Host a, ConnectionId id, Endpoint target) {
        net.count(Counter.DIALS, 1);
        Integer bi = net.hostByIp(target.host());
        long now = net.nowNs();
        if (bi == null || bi == a.index || !net.underlay().canConnect(a.index, bi)) {
            long lat = bi == null || bi == a.index ? net.defaultLink().latencyNs() : latencyNs(a.index, bi);
            failDial(a, id, NO_ROUTE, now + lat);
            return;
        }
        Host b = net.host(bi);
        long lat = latencyNs(a.index, b.index);
        if (!b.alive() || target.port() != b.port) {
            failDial(a, id, REFUSED, now + 2 * lat);
            return;
        }
        net.count(Counter.DIALS_CONNECTED, 1);
        ConnectionId inbound = ConnectionId.inbound(++b.inboundCount);
        SimConnection c = new SimConnection(a.index, id, a.incarnation, b.index, inbound, b.incarnation);
        a.connections.put(id, c);
        b.connections.put(inbound, c);
        Endpoint local = a.ephemeralEndpoint();
        c.lastArrivalNs[0] = now + lat;
        c.lastArrivalNs[1] = now + lat;
        net.push(now + lat, SimNetwork.EV_CONNECTION_INPUT, b.index, 0,
                ConnectionInput.of(c, 1, new Input.InboundAccepted(inbound, local, b.endpoint)));
        net.push(now + lat, SimNetwork.EV_CONNECTION_INPUT, a.index, 0,
                ConnectionInput.of(c, 0, new Input.DialSucceeded(id, local)));
    }

    private void failDial(Host a, ConnectionId id, String reason, long atNs) {
        net.count(Counter.DIALS_FAILED, 1);
        net.push(atNs, SimNetwork.EV_INPUT, a.index, a.incarnation, new Input.DialFailed(id, reason));
    }

    private void sendBytes(Host a, ConnectionId id, byte[] bytes) {
        SimConnection c = a.connections.get(id);
        if (c == null || c.broken) {
            return;
        }
        int side = c.sideOf(a.index);
        int other = 1 - side;
        if (!c.open[other]) {
            return;
        }
        net.count(Counter.TCP_WRITES, 1);
        net.count(Counter.TCP_BYTES, bytes.length);
        long at = Math.max(net.nowNs() + latencyNs(c.host[0], c.host[1]), c.lastArrivalNs[other]);
        c.lastArrivalNs[other] = at;
        net.push(at, SimNetwork.EV_CONNECTION_INPUT, c.host[other], 0,
                ConnectionInput.bytes(c, other, bytes));
    }

    private void close(Host a, ConnectionId id) {
        SimConnection c = a.connections.remove(id);
        if (c == null) {
            return;
        }
        int side = c.sideOf(a.index);
        c.open[side] = false;
        int other = 1 - side;
        if (c.open[other] && !c.broken) {
            net.count(Counter.CONNECTIONS_CLOSED, 1);
            long at = Math.max(net.nowNs() + latencyNs(c.host[0], c.host[1]), c.lastArrivalNs[other]);
            c.lastArrivalNs[other] = at;
            net.push(at, SimNetwork.EV_CONNECTION_INPUT, c.host[other], 0,
                    ConnectionInput.of(c, other, new Input.ConnectionClosed(c.id[other], RESET)));
        }
    }

    /** Breaks every connection of {@code h} (it crashed or left); the other ends hear {@code reason}. */
    void breakAll(Host h, String reason) {
        for (SimConnection c : new ArrayList<>(h.connections.values())) {
            int side = c.sideOf(h.index);
            c.open[side] = false;
            breakConnection(c, reason);
        }
        h.connections.clear();
    }

    /** Breaks every connection whose hosts can no longer reach each other both ways. */
    void breakUnreachable() {
        for (int i = 0; i < net.hostCount(); i++) {
            Host h = net.host(i);
            for (SimConnection c : new ArrayList<>(h.connections.values())) {
                if (!c.broken && c.host[0] == i && !net.underlay().canConnect(c.host[0], c.host[1])) {
                    breakConnection(c, BROKEN);
                }
            }
        }
    }

    private void breakConnection(SimConnection c, String reason) {
        if (c.broken) {
            return;
        }
        c.broken = true;
        net.count(Counter.CONNECTIONS_BROKEN, 1);
        long at = net.nowNs() + latencyNs(c.host[0], c.host[1]);
        for (int side = 0; side < 2; side++) {
            if (c.open[side]) {
                net.push(at, SimNetwork.EV_CONNECTION_INPUT, c.host[side], 0,
                        ConnectionInput.of(c, side, new Input.ConnectionClosed(c.id[side], reason)));
            }
        }
    }

    private void sendDatagram(Host a, Endpoint to, byte[] payload) {
        net.count(Counter.DATAGRAMS_SENT, 1);
        net.count(Counter.DATAGRAM_BYTES, payload.length);
        Integer bi = net.hostByIp(to.host());
        if (bi == null || bi == a.index) {
            net.drop("no such host");
            return;
        }
        Underlay.Link link = net.underlay().link(a.index, bi);
        if (link == null || !net.underlay().canSend(a.index, bi)) {
            net.drop(link == null ? "no underlay link" : "link down");
            return;
        }
        if (to.port() != net.host(bi).port) {
            net.drop("port unreachable");
            return;
        }
        LinkParams p = link.params;
        if (!p.fits(payload.length)) {
            net.drop("exceeds MTU");
            return;
        }
        long at = net.nowNs() + p.latencyNs();
        if (p.loss() > 0 || p.duplicate() > 0 || p.reorder() > 0) {
            DeterministicRandom rng = link.rng(a.index, net);
            if (p.loss() > 0 && rng.chance(p.loss())) {
                net.drop("loss");
                return;
            }
            if (p.reorder() > 0 && p.jitterNs() > 0 && rng.chance(p.reorder())) {
                at += (long) (rng.nextDouble() * p.jitterNs());
            }
            if (p.duplicate() > 0 && rng.chance(p.duplicate())) {
                pushDatagram(bi, a, to, payload, at + (long) (rng.nextDouble() * Math.max(1, p.jitterNs())));
            }
        }
        pushDatagram(bi, a, to, payload, at);
    }

    private void pushDatagram(int target, Host from, Endpoint to, byte[] payload, long atNs) {
        net.push(atNs, SimNetwork.EV_INPUT, target, SimNetwork.ANY_INCARNATION,
                new Input.DatagramReceived(from.endpoint, payload));
    }

    /** A plain input (datagram, dial failure, held frame) reaches host {@code h}. */
    void deliverInput(Host h, int incarnation, Input input) {
        if (!h.alive() || (incarnation != SimNetwork.ANY_INCARNATION && incarnation != h.incarnation)) {
            if (input instanceof Input.DatagramReceived) {
                net.drop("host down");
            }
            return;
        }
        if (h.state == HostState.PAUSED) {
            h.held.add(input);
            return;
        }
        if (input instanceof Input.DatagramReceived) {
            net.count(Counter.DATAGRAMS_DELIVERED, 1);
        }
        net.feed(h, input);
    }

    /** An input for one side of a connection arrives; dropped when that side is gone. */
    void deliverConnectionInput(ConnectionInput ci) {
        SimConnection c = ci.connection();
        int side = ci.side();
        Host h = net.host(c.host[side]);
        if (!h.alive() || h.incarnation != c.incarnation[side] || !c.open[side]) {
            return;
        }
        boolean closed = ci.carried() instanceof Input.ConnectionClosed;
        if (c.broken && !closed) {
            return;
        }
        if (h.state == HostState.PAUSED) {
            h.held.add(ci);
            return;
        }
        Input input = ci.input();
        if (closed) {
            c.open[side] = false;
            h.connections.remove(c.id[side]);
        }
        net.feed(h, input);
    }

    /** A container's frame on its bridge: to matching local containers, and to the router unless local. */
    void bridgeFrame(Host h, BridgeFrame bf) {
        byte[] frame = bf.frame();
        MacAddress dst = Frames.destination(frame);
        boolean group = dst.isGroup();
        boolean local = false;
        for (Container c : h.containers) {
            if (c != bf.from() && (group || c.mac().equals(dst))) {
                local = true;
                c.receive(frame);
            }
        }
        if (local && !group) {
            return;
        }
        if (!h.alive()) {
            return;
        }
        net.count(Counter.FRAMES_CAPTURED, 1);
        Input captured = new Input.FrameCaptured(frame);
        if (h.state == HostState.PAUSED) {
            h.held.add(captured);
        } else {
            net.feed(h, captured);
        }
    }

    private void deliverFrame(Host h, byte[] frame) {
        net.count(Counter.FRAMES_INJECTED, 1);
        MacAddress dst = Frames.destination(frame);
        boolean group = dst.isGroup();
        MacAddress src = Frames.source(frame);
        for (Container c : h.containers) {
            if ((group && !c.mac().equals(src)) || c.mac().equals(dst)) {
                net.count(Counter.FRAMES_TO_CONTAINERS, 1);
                c.receive(frame);
            }
        }
    }
}
