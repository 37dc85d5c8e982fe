package net.weft.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.view.RouterView;
import net.weft.sim.Cluster;
import net.weft.sim.HostState;
import net.weft.sim.LinkParams;
import net.weft.sim.NodeFactory;
import net.weft.sim.TraceRecorder;
import net.weft.sim.frame.Container;
import net.weft.sim.frame.PingReport;

/**
 * Runs a {@link Scenario} on a {@link Cluster}: builds the underlay, starts every peer at time zero, plays the
 * events at their times, probes reachability with real pings, then judges the expectations.
 */
public final class ScenarioRunner {

    /** Pings per reachability probe; reachable when any is answered. */
    public static final int PROBE_PINGS = 3;
    /** Virtual time a probe needs to finish: its pings one second apart plus the last one's timeout. */
    public static final long PROBE_WINDOW_NS = (PROBE_PINGS + 1) * Cluster.S;
    /** IP bytes of a ping without {@code size}: Linux ping's 56 data bytes plus IPv4 and ICMP headers. */
    static final Long DEFAULT_PING_IP_BYTES = (long) Container.PING_DATA_BYTES + EventParser.MIN_PING_BYTES;
    /** Up to this many peers the monitor samples every 100 ms; above, every 500 ms. */
    public static final int SMALL_NETWORK_PEERS = 20;
    /** Above this many peers the monitor samples less often and skips per-sample safety checks. */
    public static final int LARGE_NETWORK_PEERS = 200;
    /** Above this many peers the monitor samples rarely (convergence checks cost O(n^2)). */
    public static final int HUGE_NETWORK_PEERS = 2000;

    private static final long TOPOLOGY_STREAM = 0x7090L;
    private static final long CHURN_STREAM = 0xC4L;
    private static final int PROGRESS_SLICES = 100;

    /** Hears how far a run has got. */
    @FunctionalInterface
    public interface Progress {
        /** Virtual time {@code nowNs} of {@code endNs} reached after {@code events} events. */
        void at(long nowNs, long endNs, long events);
    }

    private final Scenario scenario;
    private final long seed;
    private NodeFactory nodes = NodeFactory.routers();
    private Appendable traceOut;
    private boolean hashTrace;
    private Progress progress = (now, end, events) -> { };

    /** A runner for {@code scenario} with {@code seed}. */
    public ScenarioRunner(Scenario scenario, long seed) {
        this.scenario = scenario;
        this.seed = seed;
    }

    /** Runs other nodes than the real router (tests of the runner itself). */
    public ScenarioRunner nodes(NodeFactory factory) {
        this.nodes = factory;
        return this;
    }

    /** Writes the event trace to {@code out}. */
    public ScenarioRunner trace(Appendable out) {
        this.traceOut = out;
        this.hashTrace = true;
        return this;
    }

    /** Hashes the event trace without writing it. */
    public ScenarioRunner hashTrace() {
        this.hashTrace = true;
        return this;
    }

    /** Reports progress while running. */
    public ScenarioRunner progress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Runs the scenario to the end and judges it. */
    public ScenarioResult run() {
        int n = scenario.peers().size();
        long sample = n > HUGE_NETWORK_PEERS ? 5 * Cluster.S : n > LARGE_NETWORK_PEERS ? 2 * Cluster.S
                : n > SMALL_NETWORK_PEERS ? 500 * Cluster.MS : Cluster.DEFAULT_SAMPLE_NS;
        Cluster c = new Cluster(seed, withPasswords(nodes), sample, sample * 10);
        c.monitor().setCheckSafety(n <= LARGE_NETWORK_PEERS);
        if (n <= SMALL_NETWORK_PEERS) {
            c.monitor().checkSafetyAtEveryChange(c.network());
        }
        c.setDefaultLink(scenario.network());
        c.setDiscovery(scenario.discovery());
        c.setTimings(TimingsOverride.apply(net.weft.core.Timings.weave(), scenario.timings()));
        build(c);
        Map<PeerName, String> names = new HashMap<>();
        Timeline timeline = new Timeline(i -> c.network().nickname(i), p -> nameOf(c, names, p),
                n <= Timeline.DETAILED_PEERS);
        c.observe(timeline);
        TraceRecorder recorder = null;
        if (hashTrace) {
            recorder = new TraceRecorder(traceOut, i -> c.network().nickname(i));
            c.observe(recorder);
        }
        ScenarioResult result = new ScenarioResult(scenario, seed, c, timeline);
        c.startAll();
        schedule(c, result);
        long end = scheduleExpectations(c, result);
        long wallStart = System.nanoTime();
        for (int k = 1; k <= PROGRESS_SLICES; k++) {
            c.runUntil(end * k / PROGRESS_SLICES);
            progress.at(c.nowNs(), end, c.network().eventsProcessed());
        }
        c.monitor().setCheckSafety(true);
        c.checkNow();
        result.finish(System.nanoTime() - wallStart, recorder == null ? 0 : recorder.hash());
        return result;
    }

    /**
     * Starts every router with its scenario password ({@code password:}, overridden per peer by
     * {@code passwords:}); the simulator knows each peer by its scenario name, the config's nickname.
     */
    private NodeFactory withPasswords(NodeFactory factory) {
        if (scenario.password().isEmpty() && scenario.passwords().isEmpty()) {
            return factory;
        }
        return (config, rng, trace) -> factory.create(config.withPassword(scenario.passwordOf(config.nickname())),
                rng, trace);
    }

    private void build(Cluster c) {
        for (String p : scenario.peers()) {
            c.peer(p);
        }
        DeterministicRandom rng = new SplitMix64(seed).fork(TOPOLOGY_STREAM);
        for (String[] pair : Topologies.pairs(scenario.links(), scenario.peers(), rng)) {
            c.link(pair[0], pair[1]);
        }
        for (Map.Entry<String, List<String>> e : scenario.containers().entrySet()) {
            for (String name : e.getValue()) {
                c.container(e.getKey(), name);
            }
        }
    }

    private static String nameOf(Cluster c, Map<PeerName, String> cache, PeerName p) {
        if (cache.size() != c.network().hostCount()) {
            for (int i = 0; i < c.network().hostCount(); i++) {
                cache.put(c.network().peerName(i), c.network().nickname(i));
            }
        }
        return cache.getOrDefault(p, p.toString());
    }

    private void schedule(Cluster c, ScenarioResult result) {
        List<ScenarioEvent> events = scenario.events();
        for (int k = 0; k < events.size(); k++) {
            ScenarioEvent e = events.get(k);
            int index = k;
            c.at(e.atNs(), () -> apply(c, e, index, result));
        }
    }

    @SuppressWarnings("unchecked")
    private void apply(Cluster c, ScenarioEvent e, int index, ScenarioResult result) {
        Map<String, Object> a = e.args();
        switch (e.kind()) {
            case "cut":
                c.cut(peers(a).get(0), peers(a).get(1));
                break;
            case "heal":
                c.heal(peers(a).get(0), peers(a).get(1));
                break;
            case "partition":
                c.partition((List<List<String>>) a.get("groups"));
                break;
            case "block":
                c.blockOneWay((List<String>) a.get("from"), (List<String>) a.get("to"));
                break;
            case "heal-all":
                c.healAll();
                break;
            case "crash":
            case "restart":
                crashOrRestart(c, e.kind(), (String) a.get("peer"));
                break;
            case "pause":
                c.pause((String) a.get("peer"));
                break;
            case "resume":
                c.resume((String) a.get("peer"));
                break;
            case "join":
                c.join((String) a.get("peer"), (List<String>) a.get("links"));
                break;
            case "leave":
                c.leave((String) a.get("peer"));
                break;
            default:
                applyOther(c, e, index, result);
        }
    }

    private void applyOther(Cluster c, ScenarioEvent e, int index, ScenarioResult result) {
        Map<String, Object> a = e.args();
        if (e.kind().equals("network")) {
            LinkParams p = c.network().defaultLink();
            if (a.containsKey("latency")) {
                p = p.withLatencyNs((Long) a.get("latency"));
            }
            if (a.containsKey("loss")) {
                p = p.withLoss((Double) a.get("loss"));
            }
            c.setAllLinks(p);
        } else if (e.kind().equals("ping")) {
            result.addPing(ping(c, a, ((Long) a.get("count")).intValue(), false));
        } else {
            churn(c, e, index);
        }
    }

    private void crashOrRestart(Cluster c, String kind, String target) {
        List<String> who = target.equals(EventParser.ALL) ? c.peerNames() : List.of(target);
        for (String p : who) {
            HostState s = c.network().state(c.index(p));
            if (kind.equals("crash") && (s == HostState.UP || s == HostState.PAUSED)) {
                c.crash(p);
            } else if (kind.equals("restart") && s != HostState.GONE && s != HostState.NEW) {
                c.restart(p);
            }
        }
    }

    private void churn(Cluster c, ScenarioEvent e, int index) {
        DeterministicRandom rng = new SplitMix64(seed).fork(CHURN_STREAM).fork(index);
        List<String> up = new ArrayList<>();
        for (String p : c.peerNames()) {
            if (c.network().state(c.index(p)) == HostState.UP) {
                up.add(p);
            }
        }
        long count = Math.min((Long) e.args().get("peers"), up.size());
        long downFor = (Long) e.args().get("down-for");
        for (int k = 0; k < count; k++) {
            String p = up.remove(rng.nextInt(up.size()));
            if (downFor == 0) {
                c.restart(p);
            } else {
                c.crash(p);
                c.at(c.nowNs() + downFor, () -> c.restart(p));
            }
        }
    }

    private long scheduleExpectations(Cluster c, ScenarioResult result) {
        long end = scenario.runForNs();
        for (Expectation x : scenario.expectations()) {
            Map<String, Object> a = x.args();
            if (x.kind().equals("reachable") || x.kind().equals("unreachable")
                    || x.kind().equals("fragmentation-needed")) {
                long at = a.containsKey("at") ? (Long) a.get("at") : scenario.runForNs();
                boolean df = x.kind().equals("fragmentation-needed");
                c.at(at, () -> result.probe(x, ping(c, a, PROBE_PINGS, df)));
                end = Math.max(end, at + PROBE_WINDOW_NS);
            } else if (x.kind().equals("next-hop") && a.containsKey("time")) {
                c.at((Long) a.get("time"), () -> result.nextHopSeen(x, routeOf(c, a)));
            } else if (x.kind().equals("mtu") && a.containsKey("time")) {
                c.at((Long) a.get("time"), () -> result.mtuSeen(x, mtuOf(c, a)));
            }
        }
        return end;
    }

    /** Pings as {@code a} says: from, to, and the optional size (IP bytes) and DF flag (forced by {@code df}). */
    private static PingReport ping(Cluster c, Map<String, Object> a, int count, boolean df) {
        String from = (String) a.get("from");
        String to = (String) a.get("to");
        if (!a.containsKey("size") && !a.containsKey("df") && !df) {
            return c.ping(from, to, count);
        }
        int size = ((Long) a.getOrDefault("size", DEFAULT_PING_IP_BYTES)).intValue();
        return c.ping(from, to, count, size, df || (Boolean) a.getOrDefault("df", false));
    }

    /** The overlay MTU of {@code at}'s connection to {@code to}, as text, or a reason why there is none. */
    static String mtuOf(Cluster c, Map<String, Object> a) {
        RouterView v = c.view((String) a.get("at"));
        if (v == null) {
            return "(" + a.get("at") + " is not running)";
        }
        PeerName to = c.network().peerName(c.index((String) a.get("to")));
        for (net.weft.core.view.ConnectionView conn : v.connections()) {
            if (to.equals(conn.remote())) {
                return String.valueOf(conn.mtu());
            }
        }
        return "(no connection)";
    }

    /** The next hop {@code at} uses towards {@code to}, as a scenario name, or a reason why there is none. */
    static String routeOf(Cluster c, Map<String, Object> a) {
        RouterView v = c.view((String) a.get("at"));
        if (v == null) {
            return "(" + a.get("at") + " is not running)";
        }
        PeerName hop = v.unicastRoutes().get(c.network().peerName(c.index((String) a.get("to"))));
        if (hop == null) {
            return "(no route)";
        }
        for (String p : c.peerNames()) {
            if (c.network().peerName(c.index(p)).equals(hop)) {
                return p;
            }
        }
        return hop.toString();
    }

    private static List<String> peers(Map<String, Object> a) {
        @SuppressWarnings("unchecked")
        List<String> p = (List<String>) a.get("peers");
        return p;
    }
}
