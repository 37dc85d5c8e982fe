package net.weft.viz.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import net.weft.core.Router;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.input.Input;
import net.weft.core.rng.SplitMix64;
import net.weft.core.trace.TraceEvent;
import net.weft.core.view.RouterView;

/**
 * A minimal in-process network of core routers for the viewer: hosts joined by links with a fixed latency,
 * ordered reliable streams, datagrams only across working links, cuts, crashes and restarts. It exists so the
 * viewer works on its own; the full simulator (transport-sim) offers far more (loss, jitter, containers,
 * partitions). Deterministic: identities and router randomness derive from the seed and the host index.
 */
public final class RouterMesh implements SimEngine {

    /** Base of the peer names given to hosts. */
    public static final long NAME_BASE = 0xaa0000000000L;

    private record Event(long atNs, long seq, String host, int incarnation, Input input) { }

    private record StreamEnd(String host, ConnectionId id) { }

    private static final class Host {
        final int index;
        final PeerName name;
        final Endpoint address;
        Router router;
        int incarnation;
        long deadlineNs = Long.MAX_VALUE;
        long inbound;

        Host(int index) {
            this.index = index;
            this.name = new PeerName(NAME_BASE + index);
            this.address = new Endpoint("10.0." + (index / 250) + "." + (index % 250 + 1), RouterConfig.DEFAULT_PORT);
        }
    }

    private final long seed;
    private final long latencyNs;
    private final Consumer<TraceEvent> trace;
    private final Map<String, Host> hosts = new TreeMap<>();
    private final List<String> order = new ArrayList<>();
    private final Map<String, Host> byIp = new HashMap<>();
    private final TreeSet<String> links = new TreeSet<>();
    private final TreeSet<String> cuts = new TreeSet<>();
    private final SortedMap<String, List<String>> containers = new TreeMap<>();
    private final Map<StreamEnd, StreamEnd> streams = new HashMap<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.atNs != b.atNs ? Long.compare(a.atNs, b.atNs) : Long.compare(a.seq, b.seq));
    private long seq;
    private long nowNs;

    /** An empty network; every router reports its trace events to {@code trace}. */
    public RouterMesh(long seed, long latencyNs, Consumer<TraceEvent> trace) {
        this.seed = seed;
        this.latencyNs = latencyNs;
        this.trace = trace;
    }

    /** Adds a host (not started). */
    public void addPeer(String peer) {
        if (!hosts.containsKey(peer)) {
            Host h = new Host(order.size() + 1);
            hosts.put(peer, h);
            order.add(peer);
            byIp.put(h.address.host(), h);
        }
    }

    /** Links two hosts in the underlay (adding them if new). */
    public void link(String a, String b) {
        addPeer(a);
        addPeer(b);
        links.add(key(a, b));
    }

    /** Puts a container on a peer (drawn beside it; this driver carries no container traffic). */
    public void addContainer(String peer, String container) {
        containers.computeIfAbsent(peer, k -> new ArrayList<>()).add(container);
    }

    /** Starts every host that is not running, each asking to connect to its link neighbours. */
    public void startAll() {
        for (String p : order) {
            if (hosts.get(p).router == null) {
                start(p);
            }
        }
    }

    @Override
    public long nowNs() {
        return nowNs;
    }

    @Override
    public void runUntil(long endNs) {
        while (!queue.isEmpty() && queue.peek().atNs <= endNs) {
            Event e = queue.poll();
            nowNs = Math.max(nowNs, e.atNs);
            Host h = hosts.get(e.host);
            if (h.router == null || h.incarnation != e.incarnation
                    || (e.input instanceof Input.Tick && h.deadlineNs > e.atNs)) {
                continue;
            }
            execute(e.host, h.router.step(nowNs, e.input));
        }
        nowNs = Math.max(nowNs, endNs);
    }

    @Override
    public List<String> peers() {
        return List.copyOf(order);
    }

    @Override
    public PeerName peerName(String peer) {
        return hosts.get(peer).name;
    }

    @Override
    public boolean alive(String peer) {
        return hosts.get(peer).router != null;
    }

    @Override
    public RouterView view(String peer) {
        Router r = hosts.get(peer).router;
        return r == null ? null : r.view();
    }

    @Override
    public List<List<String>> links() {
        List<List<String>> out = new ArrayList<>();
        for (String k : links) {
            out.add(List.of(k.split("\\|")));
        }
        return out;
    }

    @Override
    public boolean isCut(String a, String b) {
        return cuts.contains(key(a, b));
    }

    @Override
    public SortedMap<String, List<String>> containers() {
        return new TreeMap<>(containers);
    }

    @Override
    public void cut(String a, String b) {
        cuts.add(key(a, b));
        for (Map.Entry<StreamEnd, StreamEnd> e : new ArrayList<>(streams.entrySet())) {
            if (key(e.getKey().host(), e.getValue().host()).equals(key(a, b))) {
                schedule(latencyNs, e.getKey().host(), new Input.ConnectionClosed(e.getKey().id(), "link cut"));
                streams.remove(e.getKey());
            }
        }
    }

    @Override
    public void heal(String a, String b) {
        cuts.remove(key(a, b));
    }

    @Override
    public void crash(String peer) {
        Host h = hosts.get(peer);
        h.router = null;
        h.incarnation++;
        for (Map.Entry<StreamEnd, StreamEnd> e : new ArrayList<>(streams.entrySet())) {
            if (e.getKey().host().equals(peer)) {
                streams.remove(e.getKey());
                StreamEnd other = e.getValue();
                streams.remove(other);
                schedule(latencyNs, other.host(), new Input.ConnectionClosed(other.id(), "connection reset"));
            }
        }
    }

    @Override
    public void restart(String peer) {
        if (alive(peer)) {
            crash(peer);
        }
        start(peer);
    }

    @Override
    public void join(String peer, List<String> linksTo) {
        addPeer(peer);
        for (String n : linksTo) {
            link(peer, n);
        }
        start(peer);
    }

    private void start(String peer) {
        Host h = hosts.get(peer);
        h.incarnation++;
        long uid = new SplitMix64(seed * 31 + h.index * 1_000_003L + h.incarnation).nextLong() | 1;
        RouterConfig cfg = RouterConfig.defaults(h.name, peer, new PeerUid(uid), h.index % 4096);
        h.router = new Router(cfg, new SplitMix64(seed ^ (h.index * 0x9E3779B97F4A7C15L) ^ h.incarnation),
                trace::accept);
        h.deadlineNs = nowNs;
        List<String> targets = new ArrayList<>();
        for (String k : links) {
            String[] ab = k.split("\\|");
            if (ab[0].equals(peer) || ab[1].equals(peer)) {
                targets.add(hosts.get(ab[0].equals(peer) ? ab[1] : ab[0]).address.host());
            }
        }
        schedule(0, peer, new Input.ConnectRequested(targets, false));
    }

    private void execute(String host, Step step) {
        Host h = hosts.get(host);
        for (Effect eff : step.effects()) {
            if (eff instanceof Effect.Dial d) {
                dial(host, d);
            } else if (eff instanceof Effect.SendBytes b) {
                StreamEnd peer = streams.get(new StreamEnd(host, b.id()));
                if (peer != null) {
                    schedule(latencyNs, peer.host(), new Input.BytesReceived(peer.id(), b.bytes()));
                }
            } else if (eff instanceof Effect.CloseConnection c) {
                StreamEnd peer = streams.remove(new StreamEnd(host, c.id()));
                if (peer != null) {
                    streams.remove(peer);
                    schedule(latencyNs, peer.host(), new Input.ConnectionClosed(peer.id(), "connection reset"));
                }
            } else if (eff instanceof Effect.SendDatagram d) {
                Host to = byIp.get(d.to().host());
                String toName = to == null ? null : order.get(to.index - 1);
                if (toName != null && working(host, toName)) {
                    schedule(latencyNs, toName, new Input.DatagramReceived(h.address, d.payload()));
                }
            }
        }
        h.deadlineNs = step.nextDeadlineNs();
        if (step.nextDeadlineNs() != Step.NO_DEADLINE) {
            schedule(Math.max(0, step.nextDeadlineNs() - nowNs), host, Input.Tick.INSTANCE);
        }
    }

    private void dial(String host, Effect.Dial d) {
        Host to = byIp.get(d.target().host());
        String toName = to == null ? null : order.get(to.index - 1);
        if (toName == null || to.router == null || !working(host, toName)
                || d.target().port() != RouterConfig.DEFAULT_PORT) {
            schedule(latencyNs, host, new Input.DialFailed(d.id(), "connect: connection refused"));
            return;
        }
        ConnectionId inbound = ConnectionId.inbound(++to.inbound);
        Endpoint local = new Endpoint(hosts.get(host).address.host(), 40000 + (int) (to.inbound % 20000));
        streams.put(new StreamEnd(host, d.id()), new StreamEnd(toName, inbound));
        streams.put(new StreamEnd(toName, inbound), new StreamEnd(host, d.id()));
        schedule(latencyNs, host, new Input.DialSucceeded(d.id(), local));
        schedule(latencyNs, toName, new Input.InboundAccepted(inbound, local, to.address));
    }

    private boolean working(String a, String b) {
        String k = key(a, b);
        return links.contains(k) && !cuts.contains(k);
    }

    private void schedule(long delayNs, String host, Input input) {
        queue.add(new Event(nowNs + delayNs, seq++, host, hosts.get(host).incarnation, input));
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
