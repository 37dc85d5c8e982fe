package net.weft.core.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.Router;
import net.weft.core.RouterConfig;
import net.weft.core.Step;
import net.weft.core.Timings;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.input.Input;
import net.weft.core.rng.SplitMix64;
import net.weft.core.trace.TraceEvent;

/**
 * A tiny deterministic network for router tests: hosts with one router each, links that say who can reach
 * whom, 1 ms latency, ordered streams. It carries exactly the bytes routers emit. The full simulator lives in
 * transport-sim; this one only exists so core can test itself without depending on it.
 */
final class TestNet {

    static final long MS = 1_000_000L;
    static final long LATENCY_NS = MS;

    private record Event(long atNs, long seq, String host, Input input) { }

    /** A datagram a router sent, whether or not a link carried it. */
    record SentDatagram(String from, String to, byte[] payload) { }

    /** A chunk of TCP bytes a router wrote on one of its connections. */
    record SentBytes(String from, ConnectionId id, byte[] bytes) { }

    private record StreamEnd(String host, ConnectionId id) { }

    final Map<String, Router> routers = new TreeMap<>();
    final Map<String, List<byte[]>> delivered = new TreeMap<>();
    final List<TraceEvent> trace = new ArrayList<>();
    final List<SentDatagram> datagrams = new ArrayList<>();
    final List<SentBytes> tcpWrites = new ArrayList<>();
    /** The last fast-path table each router installed (after {@code Input.FastPathStarted}). */
    final Map<String, net.weft.core.fastpath.FastPathTable> fastPathTables = new TreeMap<>();
    /** Every effect executed, as text with full bytes, in order: two equal logs mean two equal runs. */
    final List<String> effectLog = new ArrayList<>();
    private final Map<String, java.util.function.UnaryOperator<byte[]>> tamperNextWrite = new TreeMap<>();
    private final Map<String, java.util.function.UnaryOperator<byte[]>> tamperNextDatagram = new TreeMap<>();
    private final Map<String, Endpoint> addresses = new TreeMap<>();
    private final TreeSet<String> links = new TreeSet<>();
    private final Map<StreamEnd, StreamEnd> streams = new HashMap<>();
    private final Map<String, Long> deadlines = new TreeMap<>();
    private final Map<String, Long> inboundCounters = new TreeMap<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.atNs != b.atNs ? Long.compare(a.atNs, b.atNs) : Long.compare(a.seq, b.seq));
    private long seq;
    long nowNs;

    /** Adds a host named {@code host} at 10.0.0.{index} with Weave's timings. */
    Router add(String host, int index) {
        return add(host, index, Timings.weave(), "");
    }

    Router add(String host, int index, Timings timings, String password) {
        return add(host, index, cfg -> cfg.withTimings(timings).withPassword(password));
    }

    /** Adds a host whose default configuration {@code settings} adjusts (password, trusted subnets, ...). */
    Router add(String host, int index, java.util.function.UnaryOperator<RouterConfig> settings) {
        PeerName name = new PeerName(0xaa0000000000L + index);
        RouterConfig cfg = settings.apply(RouterConfig.defaults(name, host, new PeerUid(1000 + index + nowNs),
                index % 4096));
        Router r = new Router(cfg, new SplitMix64(index * 7919L + nowNs), trace::add);
        routers.put(host, r);
        addresses.put(host, new Endpoint("10.0.0." + index, RouterConfig.DEFAULT_PORT));
        delivered.put(host, new ArrayList<>());
        return r;
    }

    void link(String a, String b) {
        links.add(key(a, b));
    }

    void cut(String a, String b) {
        links.remove(key(a, b));
        for (Map.Entry<StreamEnd, StreamEnd> e : new ArrayList<>(streams.entrySet())) {
            if (key(e.getKey().host(), e.getValue().host()).equals(key(a, b))) {
                schedule(LATENCY_NS, e.getKey().host(), new Input.ConnectionClosed(e.getKey().id(), "link cut"));
                streams.remove(e.getKey());
            }
        }
    }

    /** The next TCP write of {@code host} passes through {@code tamper} on its way (a man in the middle). */
    void tamperNextWrite(String host, java.util.function.UnaryOperator<byte[]> tamper) {
        tamperNextWrite.put(host, tamper);
    }

    /** The next datagram {@code host} sends passes through {@code tamper} on its way. */
    void tamperNextDatagram(String host, java.util.function.UnaryOperator<byte[]> tamper) {
        tamperNextDatagram.put(host, tamper);
    }

    Endpoint address(String host) {
        return addresses.get(host);
    }

    void input(String host, Input input) {
        schedule(0, host, input);
    }

    void runFor(long durationNs) {
        long end = nowNs + durationNs;
        for (String h : routers.keySet()) {
            if (!deadlines.containsKey(h)) {
                deadlines.put(h, nowNs);
                schedule(0, h, Input.Tick.INSTANCE);
            }
        }
        while (!queue.isEmpty() && queue.peek().atNs <= end) {
            Event e = queue.poll();
            nowNs = e.atNs;
            if (e.input instanceof Input.Tick && deadlines.get(e.host) > e.atNs) {
                continue;
            }
            Step step = routers.get(e.host).step(nowNs, e.input);
            execute(e.host, step);
        }
        nowNs = end;
    }

    private void execute(String host, Step step) {
        for (Effect eff : step.effects()) {
            log(host, eff);
            if (eff instanceof Effect.Dial d) {
                dial(host, d);
            } else if (eff instanceof Effect.SendBytes b) {
                tcpWrites.add(new SentBytes(host, b.id(), b.bytes()));
                StreamEnd peer = streams.get(new StreamEnd(host, b.id()));
                java.util.function.UnaryOperator<byte[]> tamper = tamperNextWrite.remove(host);
                byte[] bytes = tamper == null ? b.bytes() : tamper.apply(b.bytes().clone());
                if (peer != null) {
                    schedule(LATENCY_NS, peer.host(), new Input.BytesReceived(peer.id(), bytes));
                }
            } else if (eff instanceof Effect.CloseConnection c) {
                StreamEnd peer = streams.remove(new StreamEnd(host, c.id()));
                if (peer != null) {
                    streams.remove(peer);
                    schedule(LATENCY_NS, peer.host(), new Input.ConnectionClosed(peer.id(), "connection reset"));
                }
            } else if (eff instanceof Effect.SendDatagram d) {
                String to = hostAt(d.to().host());
                datagrams.add(new SentDatagram(host, to, d.payload()));
                java.util.function.UnaryOperator<byte[]> tamper = tamperNextDatagram.remove(host);
                byte[] payload = tamper == null ? d.payload() : tamper.apply(d.payload().clone());
                if (to != null && links.contains(key(host, to))) {
                    schedule(LATENCY_NS, to, new Input.DatagramReceived(addresses.get(host), payload));
                }
            } else if (eff instanceof Effect.DeliverFrame f) {
                delivered.get(host).add(f.frame());
            } else if (eff instanceof Effect.InstallFastPath t) {
                fastPathTables.put(host, t.table());
            }
        }
        deadlines.put(host, step.nextDeadlineNs());
        if (step.nextDeadlineNs() != Step.NO_DEADLINE) {
            schedule(Math.max(0, step.nextDeadlineNs() - nowNs), host, Input.Tick.INSTANCE);
        }
    }

    private void log(String host, Effect eff) {
        String bytes = "";
        if (eff instanceof Effect.SendBytes b) {
            bytes = java.util.HexFormat.of().formatHex(b.bytes());
        } else if (eff instanceof Effect.SendDatagram d) {
            bytes = java.util.HexFormat.of().formatHex(d.payload());
        } else if (eff instanceof Effect.DeliverFrame f) {
            bytes = java.util.HexFormat.of().formatHex(f.frame());
        }
        effectLog.add(nowNs + " " + host + " " + eff.getClass().getSimpleName() + " " + bytes
                + (bytes.isEmpty() ? eff.toString() : ""));
    }

    private void dial(String host, Effect.Dial d) {
        String to = hostAt(d.target().host());
        if (to == null || !links.contains(key(host, to)) || d.target().port() != RouterConfig.DEFAULT_PORT) {
            schedule(LATENCY_NS, host, new Input.DialFailed(d.id(), "connect: connection refused"));
            return;
        }
        long n = inboundCounters.merge(to, 1L, Long::sum);
        ConnectionId inbound = ConnectionId.inbound(n);
        Endpoint local = new Endpoint(addresses.get(host).host(), 40000 + (int) n);
        streams.put(new StreamEnd(host, d.id()), new StreamEnd(to, inbound));
        streams.put(new StreamEnd(to, inbound), new StreamEnd(host, d.id()));
        schedule(LATENCY_NS, host, new Input.DialSucceeded(d.id(), local));
        schedule(LATENCY_NS, to, new Input.InboundAccepted(inbound, local, addresses.get(to)));
    }

    private String hostAt(String ip) {
        for (Map.Entry<String, Endpoint> e : addresses.entrySet()) {
            if (e.getValue().host().equals(ip)) {
                return e.getKey();
            }
        }
        return null;
    }

    private void schedule(long delayNs, String host, Input input) {
        queue.add(new Event(nowNs + delayNs, seq++, host, input));
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
