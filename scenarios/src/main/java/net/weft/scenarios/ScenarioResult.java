package net.weft.scenarios;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import net.weft.sim.Cluster;
import net.weft.sim.ConvergenceMonitor;
import net.weft.sim.frame.PingReport;

/**
 * What a scenario run produced: the expectations' outcomes, convergence per topology event, pings, counters
 * and every peer's final view; printable as a timeline ({@link #render}) or as JSON ({@link #toJson}).
 */
public final class ScenarioResult {

    private static final double NS_PER_MS = 1e6;

    private final Scenario scenario;
    private final long seed;
    private final Cluster cluster;
    private final Timeline timeline;
    private final List<PingReport> pings = new ArrayList<>();
    private final List<Expectation> probed = new ArrayList<>();
    private final List<PingReport> probes = new ArrayList<>();
    private final Map<Expectation, String> hopsSeen = new IdentityHashMap<>();
    private final Map<Expectation, String> mtusSeen = new IdentityHashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private long wallNs;
    private long traceHash;

    ScenarioResult(Scenario scenario, long seed, Cluster cluster, Timeline timeline) {
        this.scenario = scenario;
        this.seed = seed;
        this.cluster = cluster;
        this.timeline = timeline;
    }

    void addPing(PingReport r) {
        pings.add(r);
    }

    void probe(Expectation x, PingReport r) {
        probed.add(x);
        probes.add(r);
    }

    private PingReport probeOf(Expectation x) {
        for (int i = 0; i < probed.size(); i++) {
            if (probed.get(i) == x) {
                return probes.get(i);
            }
        }
        return null;
    }

    void nextHopSeen(Expectation x, String hop) {
        hopsSeen.put(x, hop);
    }

    void mtuSeen(Expectation x, String mtu) {
        mtusSeen.put(x, mtu);
    }

    void finish(long wallNanos, long hash) {
        this.wallNs = wallNanos;
        this.traceHash = hash;
        for (PingReport r : pings) {
            timeline.add(r.startNs(), r.toString());
        }
        for (ConvergenceMonitor.Epoch e : cluster.monitor().epochs()) {
            if (e.converged()) {
                timeline.add(e.convergedAtNs(), "converged after " + e.label() + " ("
                        + String.format("%.1f", e.convergenceNs() / NS_PER_MS) + " ms)");
            }
        }
        for (Expectation x : scenario.expectations()) {
            outcomes.add(judge(x));
        }
    }

    private Outcome judge(Expectation x) {
        Map<String, Object> a = x.args();
        switch (x.kind()) {
            case "converged-within": {
                ConvergenceMonitor.Epoch last = cluster.monitor().lastEpoch();
                long within = (Long) a.get("within");
                if (last == null || !last.converged()) {
                    return new Outcome(x, false, "never converged after " + (last == null ? "start" : last.label())
                            + ": " + cluster.monitor().lastProblem());
                }
                return new Outcome(x, last.convergenceNs() <= within, "converged "
                        + ms(last.convergenceNs()) + " ms after " + last.label());
            }
            case "converged": {
                boolean now = cluster.convergenceProblems().isEmpty();
                boolean want = (Boolean) a.get("value");
                return new Outcome(x, now == want, now ? "converged at the end"
                        : "not converged at the end: " + cluster.monitor().lastProblem());
            }
            case "no-loops": {
                List<String> v = cluster.monitor().safetyViolations();
                boolean want = (Boolean) a.get("value");
                long loops = cluster.monitor().loopsSeen();
                return new Outcome(x, v.isEmpty() == want, v.isEmpty() ? "no violation seen"
                        + (loops == 0 ? "" : " (" + loops + " transient loops, each gone within "
                        + Durations.format(net.weft.sim.ConvergenceMonitor.DEFAULT_LOOP_PERSISTENCE_NS) + ")")
                        : v.get(0));
            }
            case "next-hop": {
                String seen = a.containsKey("time") ? hopsSeen.get(x) : ScenarioRunner.routeOf(cluster, a);
                return new Outcome(x, a.get("via").equals(seen), "next hop is " + seen);
            }
            case "mtu": {
                String seen = a.containsKey("time") ? mtusSeen.get(x) : ScenarioRunner.mtuOf(cluster, a);
                return new Outcome(x, String.valueOf(a.get("is")).equals(seen), "overlay MTU is " + seen);
            }
            default: {
                PingReport r = probeOf(x);
                if (r == null) {
                    return new Outcome(x, false, "probe never ran");
                }
                if (x.kind().equals("fragmentation-needed")) {
                    String reason = PingReport.FRAGMENTATION_NEEDED + a.get("mtu");
                    return new Outcome(x, r.lostByReason().getOrDefault(reason, 0) == r.count(), r.toString());
                }
                boolean reachable = r.delivered() > 0;
                boolean want = x.kind().equals("reachable");
                return new Outcome(x, reachable == want, r.toString());
            }
        }
    }

    private static String ms(long ns) {
        return String.format("%.1f", ns / NS_PER_MS);
    }

    /** True when every expectation held. */
    public boolean passed() {
        return outcomes.stream().allMatch(Outcome::passed);
    }

    /** The outcomes, in file order. */
    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The cluster as the run left it. */
    public Cluster cluster() {
        return cluster;
    }

    /** Pings the scenario's events sent. */
    public List<PingReport> pings() {
        return List.copyOf(pings);
    }

    /** Hash of the event trace (0 unless the runner was asked to trace or hash). */
    public long traceHash() {
        return traceHash;
    }

    /** Wall time the run took. */
    public long wallNs() {
        return wallNs;
    }

    /** Total gossip bytes sent by all routers. */
    public long gossipBytes() {
        return timeline.gossipBytes();
    }

    /** The human-readable report: timeline, totals, expectations. */
    public List<String> render() {
        List<String> out = new ArrayList<>();
        out.add("scenario " + scenario.name() + " (seed " + seed + ", " + scenario.peers().size() + " peers, "
                + cluster.network().linkCount() + " links, " + Durations.format(scenario.runForNs()) + ")");
        out.addAll(timeline.render());
        out.add("gossip: " + timeline.gossipMessages() + " messages, " + timeline.gossipBytes() + " bytes"
                + gossipChannels());
        out.add("frames: " + timeline.framesForwarded() + " forwarded, " + timeline.framesDelivered()
                + " delivered to bridges"
                + (timeline.frameDrops().isEmpty() ? "" : ", dropped " + timeline.frameDrops()));
        TreeMap<String, Long> drops = cluster.network().dropReasons();
        out.add("datagrams: " + cluster.network().counters().get("datagrams_sent") + " sent, "
                + cluster.network().counters().get("datagrams_delivered") + " delivered"
                + (drops.isEmpty() ? "" : ", lost in the network " + drops));
        out.add(String.format("events: %d in %.2f s wall", cluster.network().eventsProcessed(), wallNs / 1e9));
        for (Outcome o : outcomes) {
            out.add((o.passed() ? "PASS " : "FAIL ") + scenario.file() + ":" + o.expectation().line() + " "
                    + o.expectation().describe() + " -- " + o.detail());
        }
        if (!passed()) {
            out.add("replay with: weft sim " + scenario.file() + " --seed " + seed);
        }
        return out;
    }

    private String gossipChannels() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, long[]> e : timeline.gossip().entrySet()) {
            sb.append(sb.length() == 0 ? " (" : ", ").append(e.getKey()).append(": ").append(e.getValue()[0])
                    .append(" msgs/").append(e.getValue()[1]).append(" B");
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }

    /** The JSON report (see docs/scenarios.md). */
    public Map<String, Object> toJson() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("scenario", scenario.name());
        j.put("seed", seed);
        j.put("passed", passed());
        ConvergenceMonitor.Epoch last = cluster.monitor().lastEpoch();
        j.put("converged", cluster.convergenceProblems().isEmpty());
        List<Object> epochs = new ArrayList<>();
        List<Object> convergence = new ArrayList<>();
        for (ConvergenceMonitor.Epoch e : cluster.monitor().epochs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", e.label());
            m.put("at_ms", e.startNs() / NS_PER_MS);
            m.put("convergence_ms", e.converged() ? e.convergenceNs() / NS_PER_MS : null);
            epochs.add(m);
            convergence.add(m.get("convergence_ms"));
        }
        j.put("topology_events", epochs);
        j.put("convergence_ms", convergence);
        j.put("last_convergence_ms", last != null && last.converged() ? last.convergenceNs() / NS_PER_MS : null);
        j.put("expectations", outcomesJson());
        j.put("pings", pingsJson());
        j.put("counters", countersJson());
        j.put("peers", peersJson());
        j.put("trace_hash", Long.toHexString(traceHash));
        return j;
    }

    private List<Object> outcomesJson() {
        List<Object> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("expect", o.expectation().describe());
            m.put("line", o.expectation().line());
            m.put("passed", o.passed());
            m.put("detail", o.detail());
            out.add(m);
        }
        return out;
    }

    private List<Object> pingsJson() {
        List<Object> out = new ArrayList<>();
        List<PingReport> all = new ArrayList<>(pings);
        all.addAll(probes);
        all.sort((x, y) -> Long.compare(x.startNs(), y.startNs()));
        for (PingReport r : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", r.from());
            m.put("to", r.to());
            m.put("at_ms", r.startNs() / NS_PER_MS);
            m.put("count", r.count());
            m.put("delivered", r.delivered());
            m.put("lost", new TreeMap<>(r.lostByReason()));
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> countersJson() {
        Map<String, Object> m = new LinkedHashMap<>(cluster.network().counters());
        m.put("events", cluster.network().eventsProcessed());
        m.put("network_drops", cluster.network().dropReasons());
        m.put("gossip_messages", timeline.gossipMessages());
        m.put("gossip_bytes", timeline.gossipBytes());
        Map<String, Object> channels = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : timeline.gossip().entrySet()) {
            channels.put(e.getKey(), Map.of("messages", e.getValue()[0], "bytes", e.getValue()[1]));
        }
        m.put("gossip_by_channel", channels);
        m.put("transient_loops_seen", cluster.monitor().loopsSeen());
        m.put("frames_forwarded", timeline.framesForwarded());
        m.put("frames_delivered", timeline.framesDelivered());
        m.put("frame_drops", timeline.frameDrops());
        m.put("router_datagram_drops", timeline.datagramDrops());
        m.put("wall_ms", wallNs / NS_PER_MS);
        return m;
    }

    private Map<String, Object> peersJson() {
        Map<PeerName, String> names = new TreeMap<>();
        for (int i = 0; i < cluster.network().hostCount(); i++) {
            names.put(cluster.network().peerName(i), cluster.network().nickname(i));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < cluster.network().hostCount(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", cluster.network().peerName(i).toString());
            p.put("ip", cluster.network().ip(i));
            p.put("state", cluster.network().state(i).name().toLowerCase(java.util.Locale.ROOT));
            RouterView v = cluster.network().view(i);
            if (v != null) {
                viewJson(v, names, p);
            }
            out.put(cluster.network().nickname(i), p);
        }
        return out;
    }

    private static void viewJson(RouterView v, Map<PeerName, String> names, Map<String, Object> p) {
        p.put("uid", Long.toUnsignedString(v.uid().value()));
        List<String> peers = new ArrayList<>();
        for (PeerView pv : v.peers()) {
            peers.add(names.getOrDefault(pv.name(), pv.name().toString()));
        }
        p.put("peers", peers);
        List<String> conns = new ArrayList<>();
        for (ConnectionView c : v.connections()) {
            if (c.state() == ConnectionState.ESTABLISHED) {
                conns.add(names.getOrDefault(c.remote(), c.remote().toString()));
            }
        }
        p.put("connections", conns);
        Map<String, Object> mtus = new LinkedHashMap<>();
        for (ConnectionView c : v.connections()) {
            if (c.state() == ConnectionState.ESTABLISHED) {
                mtus.put(names.getOrDefault(c.remote(), c.remote().toString()), c.mtu());
            }
        }
        p.put("mtus", mtus);
        Map<String, Object> routes = new LinkedHashMap<>();
        for (Map.Entry<PeerName, PeerName> r : v.unicastRoutes().entrySet()) {
            routes.put(names.getOrDefault(r.getKey(), r.getKey().toString()),
                    names.getOrDefault(r.getValue(), r.getValue().toString()));
        }
        p.put("routes", routes);
        p.put("counters", v.counters());
    }
}
