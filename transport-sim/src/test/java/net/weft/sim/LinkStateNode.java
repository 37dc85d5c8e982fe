package net.weft.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.conn.ConnectionState;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.core.input.Input;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.sim.frame.Frames;

/**
 * A small link-state router for testing the simulator and its checkers without the real core: text
 * messages on TCP ({@code H name} hello, {@code L origin version n1,n2} link-state adverts flooded to all),
 * breadth-first routes over links both ends report, frames over UDP hop by hop (unicast by next hop,
 * broadcasts flooded with de-duplication), MAC learning, and dial retries every second for lost targets.
 * Versions are virtual timestamps, so a restarted peer's adverts always supersede its old ones; adverts are
 * never forgotten (a forgotten one could be resurrected by a stale copy), only hidden while unreachable.
 */
public final class LinkStateNode implements SimNode {

    private static final long RETRY_NS = 1_000_000_000L;
    private static final byte UNICAST = 'U';
    private static final byte BROADCAST = 'B';
    private static final int HEADER = 1 + 6 + 6 + 8;

    private record Advert(long version, TreeSet<PeerName> neighbours) { }

    private final RouterConfig config;
    private final PeerName self;
    private final TreeMap<ConnectionId, Endpoint> udpOf = new TreeMap<>();
    private final TreeMap<ConnectionId, PeerName> remoteOf = new TreeMap<>();
    private final TreeMap<ConnectionId, StringBuilder> inbox = new TreeMap<>();
    private final TreeMap<ConnectionId, String> targetOf = new TreeMap<>();
    private final TreeMap<String, Long> retryAt = new TreeMap<>();
    private final Map<PeerName, Advert> adverts = new HashMap<>();
    private final Map<MacAddress, PeerName> macs = new HashMap<>();
    private final Set<String> seenBroadcasts = new HashSet<>();
    private TreeMap<PeerName, PeerName> routes = new TreeMap<>();
    private long nextDial = 1;
    private long lastVersion;
    private long broadcastSeq;
    private long nowNs;
    private long retryNs = RETRY_NS;

    /** Makes link-state nodes for a {@link Cluster}. */
    public static NodeFactory factory() {
        return (config, rng, trace) -> new LinkStateNode(config);
    }

    /** A node whose connection maker never retries a lost target (a deliberately broken router). */
    public static NodeFactory forgetfulFactory() {
        return (config, rng, trace) -> {
            LinkStateNode n = new LinkStateNode(config);
            n.retryNs = Long.MAX_VALUE / 2;
            return n;
        };
    }

    LinkStateNode(RouterConfig config) {
        this.config = config;
        this.self = config.name();
        adverts.put(self, new Advert(0, new TreeSet<>()));
    }

    @Override
    public Step step(long now, Input input) {
        nowNs = now;
        List<Effect> out = new ArrayList<>();
        if (input instanceof Input.ConnectRequested) {
            for (String t : ((Input.ConnectRequested) input).peers()) {
                retryAt.put(t, now);
            }
        } else if (input instanceof Input.DialSucceeded) {
            opened(((Input.DialSucceeded) input).id(), out);
        } else if (input instanceof Input.InboundAccepted) {
            Input.InboundAccepted a = (Input.InboundAccepted) input;
            udpOf.put(a.id(), a.remote().withPort(RouterConfig.DEFAULT_PORT));
            opened(a.id(), out);
        } else if (input instanceof Input.DialFailed) {
            lost(((Input.DialFailed) input).id(), out);
        } else if (input instanceof Input.ConnectionClosed) {
            lost(((Input.ConnectionClosed) input).id(), out);
        } else if (input instanceof Input.BytesReceived) {
            Input.BytesReceived b = (Input.BytesReceived) input;
            StringBuilder sb = inbox.get(b.id());
            if (sb != null) {
                sb.append(new String(b.bytes(), StandardCharsets.US_ASCII));
                readLines(b.id(), sb, out);
            }
        } else if (input instanceof Input.DatagramReceived) {
            datagram(((Input.DatagramReceived) input).payload(), out);
        } else if (input instanceof Input.FrameCaptured) {
            captured(((Input.FrameCaptured) input).frame(), out);
        }
        dialDue(out);
        long next = retryAt.values().stream().min(Long::compare).orElse(Step.NO_DEADLINE);
        return new Step(out, next);
    }

    private void dialDue(List<Effect> out) {
        for (Map.Entry<String, Long> e : new ArrayList<>(retryAt.entrySet())) {
            if (e.getValue() <= nowNs) {
                retryAt.remove(e.getKey());
                ConnectionId id = new ConnectionId(nextDial++);
                Endpoint target = Endpoint.parse(e.getKey(), RouterConfig.DEFAULT_PORT).orElseThrow();
                targetOf.put(id, e.getKey());
                udpOf.put(id, target);
                out.add(new Effect.Dial(id, target));
            }
        }
    }

    private void opened(ConnectionId id, List<Effect> out) {
        inbox.put(id, new StringBuilder());
        send(id, "H " + hex(self) + "\n", out);
    }

    private void lost(ConnectionId id, List<Effect> out) {
        inbox.remove(id);
        udpOf.remove(id);
        String target = targetOf.remove(id);
        if (target != null) {
            retryAt.put(target, nowNs + retryNs);
        }
        if (remoteOf.remove(id) != null) {
            neighboursChanged(out);
        }
    }

    private void readLines(ConnectionId id, StringBuilder sb, List<Effect> out) {
        int nl;
        while ((nl = sb.indexOf("\n")) >= 0) {
            String line = sb.substring(0, nl);
            sb.delete(0, nl + 1);
            String[] f = line.split(" ", -1);
            if (f[0].equals("H")) {
                remoteOf.put(id, name(f[1]));
                for (Map.Entry<PeerName, Advert> a : new TreeMap<>(adverts).entrySet()) {
                    send(id, advertLine(a.getKey(), a.getValue()), out);
                }
                neighboursChanged(out);
            } else if (f[0].equals("L")) {
                advert(id, name(f[1]), Long.parseLong(f[2]), f.length > 3 ? f[3] : "", out);
            }
        }
    }

    private void advert(ConnectionId from, PeerName origin, long version, String list, List<Effect> out) {
        Advert known = adverts.get(origin);
        if (origin.equals(self) || (known != null && known.version() >= version)) {
            return;
        }
        TreeSet<PeerName> ns = new TreeSet<>();
        for (String s : list.split(",")) {
            if (!s.isEmpty()) {
                ns.add(name(s));
            }
        }
        Advert a = new Advert(version, ns);
        adverts.put(origin, a);
        for (ConnectionId id : remoteOf.keySet()) {
            if (!id.equals(from)) {
                send(id, advertLine(origin, a), out);
            }
        }
        recompute();
    }

    private void neighboursChanged(List<Effect> out) {
        TreeSet<PeerName> ns = new TreeSet<>(remoteOf.values());
        if (ns.equals(adverts.get(self).neighbours())) {
            return;
        }
        lastVersion = Math.max(nowNs, lastVersion + 1);
        Advert a = new Advert(lastVersion, ns);
        adverts.put(self, a);
        for (ConnectionId id : remoteOf.keySet()) {
            send(id, advertLine(self, a), out);
        }
        recompute();
    }

    private void recompute() {
        TreeMap<PeerName, PeerName> r = new TreeMap<>();
        List<PeerName> level = List.of(self);
        Set<PeerName> seen = new HashSet<>(level);
        while (!level.isEmpty()) {
            TreeSet<PeerName> next = new TreeSet<>();
            for (PeerName p : level) {
                for (PeerName q : symmetricNeighbours(p)) {
                    if (seen.add(q)) {
                        next.add(q);
                        r.put(q, p.equals(self) ? q : r.get(p));
                    }
                }
            }
            level = new ArrayList<>(next);
        }
        routes = r;
    }

    private List<PeerName> symmetricNeighbours(PeerName p) {
        List<PeerName> out = new ArrayList<>();
        Advert a = adverts.get(p);
        if (a == null) {
            return out;
        }
        for (PeerName q : a.neighbours()) {
            Advert b = adverts.get(q);
            if (b != null && b.neighbours().contains(p)) {
                out.add(q);
            }
        }
        return out;
    }

    private void captured(byte[] frame, List<Effect> out) {
        PeerName dst = macs.get(Frames.destination(frame));
        if (dst != null && !Frames.destination(frame).isGroup()) {
            forward(self, dst, 0, frame, out);
            return;
        }
        long seq = ++broadcastSeq;
        seenBroadcasts.add(hex(self) + "/" + seq);
        flood(null, self, seq, frame, out);
    }

    private void datagram(byte[] p, List<Effect> out) {
        if (p.length < HEADER) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(p);
        byte kind = b.get();
        PeerName src = PeerName.fromBytes(p, 1);
        PeerName dst = PeerName.fromBytes(p, 7);
        long seq = b.getLong(13);
        byte[] frame = java.util.Arrays.copyOfRange(p, HEADER, p.length);
        macs.put(Frames.source(frame), src);
        if (kind == BROADCAST) {
            if (seenBroadcasts.add(hex(src) + "/" + seq)) {
                out.add(new Effect.DeliverFrame(frame));
                flood(dst, src, seq, frame, out);
            }
        } else if (dst.equals(self)) {
            out.add(new Effect.DeliverFrame(frame));
        } else {
            forward(src, dst, seq, frame, out);
        }
    }

    private void forward(PeerName src, PeerName dst, long seq, byte[] frame, List<Effect> out) {
        PeerName hop = routes.get(dst);
        Endpoint e = hop == null ? null : endpointOf(hop);
        if (e != null) {
            out.add(new Effect.SendDatagram(e, packet(UNICAST, src, dst, seq, frame)));
        }
    }

    private void flood(PeerName cameFrom, PeerName src, long seq, byte[] frame, List<Effect> out) {
        for (PeerName n : new TreeSet<>(remoteOf.values())) {
            Endpoint e = endpointOf(n);
            if (e != null) {
                out.add(new Effect.SendDatagram(e, packet(BROADCAST, src, self, seq, frame)));
            }
        }
    }

    private Endpoint endpointOf(PeerName peer) {
        for (Map.Entry<ConnectionId, PeerName> e : remoteOf.entrySet()) {
            if (e.getValue().equals(peer)) {
                return udpOf.get(e.getKey());
            }
        }
        return null;
    }

    private static byte[] packet(byte kind, PeerName src, PeerName dst, long seq, byte[] frame) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + frame.length);
        b.put(kind).put(src.toBytes()).put(dst.toBytes()).putLong(seq).put(frame);
        return b.array();
    }

    private static String advertLine(PeerName origin, Advert a) {
        StringBuilder sb = new StringBuilder("L ").append(hex(origin)).append(' ').append(a.version()).append(' ');
        for (PeerName n : a.neighbours()) {
            sb.append(hex(n)).append(',');
        }
        return sb.append('\n').toString();
    }

    private static void send(ConnectionId id, String text, List<Effect> out) {
        out.add(new Effect.SendBytes(id, text.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String hex(PeerName p) {
        return Long.toHexString(p.value());
    }

    private static PeerName name(String hex) {
        return new PeerName(Long.parseLong(hex, 16));
    }

    @Override
    public RouterView view() {
        List<PeerView> peers = new ArrayList<>();
        for (PeerName p : new TreeSet<>(adverts.keySet())) {
            if (!p.equals(self) && !routes.containsKey(p)) {
                continue;
            }
            List<PeerConnectionView> conns = new ArrayList<>();
            for (PeerName n : adverts.get(p).neighbours()) {
                if (!n.equals(self) && !routes.containsKey(n)) {
                    continue;
                }
                conns.add(new PeerConnectionView(n, "", "", false, true));
            }
            peers.add(new PeerView(p, "", net.weft.core.id.PeerUid.NONE, 0, false, adverts.get(p).version(), conns));
        }
        List<ConnectionView> conns = new ArrayList<>();
        for (Map.Entry<ConnectionId, PeerName> e : remoteOf.entrySet()) {
            conns.add(new ConnectionView(e.getKey(), udpOf.get(e.getKey()), e.getKey().isDialled(),
                    ConnectionState.ESTABLISHED, e.getValue(), "", "", "sleeve", 1400, false));
        }
        return new RouterView(self, config.nickname(), config.uid(), config.shortId(), lastVersion, nowNs,
                config.port(), false, true, peers, conns, List.of(), routes, new TreeMap<>(), List.of(), 0,
                new TreeMap<>());
    }
}
