package net.weft.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.conn.ConnectionState;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.input.Input;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;

/**
 * A tiny stand-in router for engine tests: it dials its targets, says hello on every connection (its name
 * as 12 hex digits), counts the bytes it gets in order, pings each neighbour's UDP port every second, and
 * floods captured frames to its neighbours in datagrams which they deliver to their bridge.
 */
final class EchoNode implements SimNode {

    private static final long PING_PERIOD_NS = 1_000_000_000L;
    private static final int NAME_HEX = 12;

    final RouterConfig config;
    final TreeMap<ConnectionId, Endpoint> open = new TreeMap<>();
    final TreeMap<ConnectionId, PeerName> remotes = new TreeMap<>();
    final TreeMap<ConnectionId, StringBuilder> streams = new TreeMap<>();
    final List<String> closedReasons = new ArrayList<>();
    final List<String> dialFailures = new ArrayList<>();
    final List<byte[]> datagrams = new ArrayList<>();
    private final TreeMap<ConnectionId, Endpoint> dialTargets = new TreeMap<>();
    private long nextDialId = 1;
    private long nowNs;
    private long nextPingNs;

    EchoNode(RouterConfig config) {
        this.config = config;
    }

    @Override
    public Step step(long now, Input input) {
        nowNs = now;
        List<Effect> out = new ArrayList<>();
        if (input instanceof Input.ConnectRequested) {
            for (String t : ((Input.ConnectRequested) input).peers()) {
                ConnectionId id = new ConnectionId(nextDialId++);
                Endpoint target = Endpoint.parse(t, 6783).orElseThrow();
                dialTargets.put(id, target);
                out.add(new Effect.Dial(id, target));
            }
        } else if (input instanceof Input.DialSucceeded) {
            ConnectionId id = ((Input.DialSucceeded) input).id();
            opened(id, dialTargets.get(id), out);
        } else if (input instanceof Input.InboundAccepted) {
            Input.InboundAccepted a = (Input.InboundAccepted) input;
            opened(a.id(), a.remote(), out);
        } else if (input instanceof Input.DialFailed) {
            dialFailures.add(((Input.DialFailed) input).reason());
        } else if (input instanceof Input.BytesReceived) {
            received((Input.BytesReceived) input);
        } else if (input instanceof Input.ConnectionClosed) {
            Input.ConnectionClosed c = (Input.ConnectionClosed) input;
            closedReasons.add(c.reason());
            forget(c.id());
        } else if (input instanceof Input.DatagramReceived) {
            byte[] p = ((Input.DatagramReceived) input).payload();
            datagrams.add(p);
            if (p.length > 0 && p[0] == 'F') {
                out.add(new Effect.DeliverFrame(java.util.Arrays.copyOfRange(p, 1, p.length)));
            }
        } else if (input instanceof Input.FrameCaptured) {
            flood(((Input.FrameCaptured) input).frame(), out);
        }
        if (now >= nextPingNs) {
            nextPingNs = now + PING_PERIOD_NS;
            for (Endpoint e : open.values()) {
                if (e != null) {
                    out.add(new Effect.SendDatagram(e.withPort(6783), new byte[] {'P'}));
                }
            }
        }
        return new Step(out, nextPingNs);
    }

    private void opened(ConnectionId id, Endpoint remote, List<Effect> out) {
        open.put(id, remote);
        streams.put(id, new StringBuilder());
        out.add(new Effect.SendBytes(id, String.format("%012x", config.name().value())
                .getBytes(StandardCharsets.US_ASCII)));
    }

    private void received(Input.BytesReceived b) {
        StringBuilder s = streams.get(b.id());
        s.append(new String(b.bytes(), StandardCharsets.US_ASCII));
        if (!remotes.containsKey(b.id()) && s.length() >= NAME_HEX) {
            remotes.put(b.id(), new PeerName(Long.parseLong(s.substring(0, NAME_HEX), 16)));
        }
    }

    void forget(ConnectionId id) {
        open.remove(id);
        remotes.remove(id);
    }

    /** Sends {@code text} on every open connection (the test drives this through a custom step). */
    List<Effect> sendAll(String text) {
        List<Effect> out = new ArrayList<>();
        for (ConnectionId id : open.keySet()) {
            out.add(new Effect.SendBytes(id, text.getBytes(StandardCharsets.US_ASCII)));
        }
        return out;
    }

    private void flood(byte[] frame, List<Effect> out) {
        byte[] p = new byte[frame.length + 1];
        p[0] = 'F';
        System.arraycopy(frame, 0, p, 1, frame.length);
        for (ConnectionId id : open.keySet()) {
            Endpoint e = open.get(id);
            if (e != null) {
                out.add(new Effect.SendDatagram(e.withPort(6783), p));
            }
        }
    }

    @Override
    public RouterView view() {
        List<ConnectionView> conns = new ArrayList<>();
        List<PeerConnectionView> mine = new ArrayList<>();
        TreeMap<PeerName, PeerName> routes = new TreeMap<>();
        for (var e : remotes.entrySet()) {
            conns.add(new ConnectionView(e.getKey(), new Endpoint("0.0.0.0", 1), e.getKey().isDialled(),
                    ConnectionState.ESTABLISHED, e.getValue(), "", "", "sleeve", 1400, false));
            mine.add(new PeerConnectionView(e.getValue(), "", "", e.getKey().isDialled(), true));
            routes.put(e.getValue(), e.getValue());
        }
        List<PeerView> peers = List.of(new PeerView(config.name(), config.nickname(), config.uid(),
                config.shortId(), true, 1, mine));
        return new RouterView(config.name(), config.nickname(), config.uid(), config.shortId(), 1, nowNs,
                config.port(), false, true, peers, conns, List.of(), routes, new TreeMap<>(), List.of(), 0,
                new TreeMap<>());
    }
}
