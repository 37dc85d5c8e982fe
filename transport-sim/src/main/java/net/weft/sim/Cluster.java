package net.weft.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.Timings;
import net.weft.core.id.PeerName;
import net.weft.core.view.RouterView;
import net.weft.sim.check.RouteCheck;
import net.weft.sim.check.StreamingConvergenceCheck;
import net.weft.sim.check.TopologyCheck;
import net.weft.sim.frame.Container;
import net.weft.sim.frame.Frames;
import net.weft.sim.frame.PingReport;

/**
 * The scenario-level harness over {@link SimNetwork}: peers and containers by name, faults that open
 * convergence epochs, pings, and the checkers. Tests and {@code weft sim} read like scripts:
 *
 * <pre>
 *   Cluster c = new Cluster(7);
 *   c.link("p1", "p2"); c.link("p1", "p3");
 *   c.startAll(); c.runFor(10 * S);
 *   c.cut("p1", "p3"); c.runFor(10 * S);
 *   assert c.converged();
 * </pre>
 */
public final class Cluster {

    /** Nanoseconds per second, for readable scripts. */
    public static final long S = 1_000_000_000L;
    /** Nanoseconds per millisecond. */
    public static final long MS = 1_000_000L;
    /** Default pause between pings of a series, and the time each waits for its reply. */
    public static final long PING_INTERVAL_NS = 1 * S;
    /** Convergence sampling period for small clusters. */
    public static final long DEFAULT_SAMPLE_NS = 100 * MS;
    /** Forced re-check period for small clusters. */
    public static final long DEFAULT_RECHECK_NS = 1 * S;

    private final SimNetwork net;
    private final Map<String, Integer> peers = new HashMap<>();
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final ConvergenceMonitor monitor;
    private boolean monitorStarted;
    private Timings timings = Timings.weave();

    /** A cluster running the real router, all randomness from {@code seed}. */
    public Cluster(long seed) {
        this(seed, NodeFactory.routers());
    }

    /** A cluster running nodes from {@code factory}. */
    public Cluster(long seed, NodeFactory factory) {
        this(seed, factory, DEFAULT_SAMPLE_NS, DEFAULT_RECHECK_NS);
    }

    /** Same, with the convergence monitor's sampling and re-check periods. */
    public Cluster(long seed, NodeFactory factory, long sampleNs, long recheckNs) {
        this.net = new SimNetwork(seed, factory);
        this.monitor = new ConvergenceMonitor(this, sampleNs, recheckNs);
        net.observe(monitor);
    }

    /** The engine underneath. */
    public SimNetwork network() {
        return net;
    }

    /** The convergence monitor. */
    public ConvergenceMonitor monitor() {
        return monitor;
    }

    /** Registers an observer (trace recorder, timeline, ...). */
    public void observe(SimObserver o) {
        net.observe(o);
    }

    /** Default link behaviour for links made from now on. */
    public void setDefaultLink(LinkParams p) {
        net.setDefaultLink(p);
    }

    /** Router timings for routers started from now on. */
    public void setTimings(Timings t) {
        timings = t;
        net.setTimings(t);
    }

    /** Whether routers started from now on dial peers discovered through the topology. */
    public void setDiscovery(boolean on) {
        net.setDiscovery(on);
    }

    /** Virtual time now. */
    public long nowNs() {
        return net.nowNs();
    }

    // ------------------------------------------------------------------------------------------- building

    /** The peer named {@code name}, added (not started) if new. */
    public int peer(String name) {
        Integer i = peers.get(name);
        if (i != null) {
            return i;
        }
        int index = net.addHost(name);
        peers.put(name, index);
        return index;
    }

    /** True when a peer of that name exists. */
    public boolean hasPeer(String name) {
        return peers.containsKey(name);
    }

    /** Index of an existing peer. */
    public int index(String name) {
        Integer i = peers.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown peer " + name);
        }
        return i;
    }

    /** Peer names in index order. */
    public List<String> peerNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < net.hostCount(); i++) {
            out.add(net.nickname(i));
        }
        return out;
    }

    /** Links two peers (adding them if new) in the underlay. */
    public void link(String a, String b) {
        net.link(peer(a), peer(b));
    }

    /** Links two peers with specific link behaviour. */
    public void link(String a, String b, LinkParams p) {
        net.link(peer(a), peer(b), p);
    }

    /** Puts a container on a peer's bridge. */
    public Container container(String peerName, String name) {
        if (containers.containsKey(name)) {
            throw new IllegalArgumentException("container " + name + " already exists");
        }
        Container c = net.addContainer(index(peerName), name);
        containers.put(name, c);
        return c;
    }

    /** The container named {@code name}. */
    public Container containerNamed(String name) {
        Container c = containers.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown container " + name);
        }
        return c;
    }

    /** All containers, in creation order. */
    public List<Container> containers() {
        return new ArrayList<>(containers.values());
    }

    // ------------------------------------------------------------------------------------------------ run

    /** Starts every peer that has not started yet. */
    public void startAll() {
        net.startAllNew();
        epoch("start");
    }

    /**
     * Starts every peer not started yet at seeded-random times within {@code windowNs} from now (see
     * {@link SimNetwork#startAllNewWithin}); the convergence monitor's "start" epoch opens at the last start.
     *
     * @return the virtual time of the last start
     */
    public long startAllWithin(long windowNs) {
        if (windowNs == 0) {
            startAll();
            return net.nowNs();
        }
        long lastNs = net.startAllNewWithin(windowNs);
        net.at(lastNs, () -> epoch("start (last of a " + windowNs / MS + " ms window)"));
        return lastNs;
    }

    /** Runs for {@code ns} of virtual time. */
    public void runFor(long ns) {
        runUntil(net.nowNs() + ns);
    }

    /** Runs until virtual time {@code endNs}. */
    public void runUntil(long endNs) {
        startMonitor();
        net.runUntil(endNs);
    }

    /** Runs {@code action} at virtual time {@code atNs}. */
    public void at(long atNs, Runnable action) {
        net.at(atNs, action);
    }

    private void startMonitor() {
        if (!monitorStarted) {
            monitorStarted = true;
            monitor.start(net);
        }
    }

    private void epoch(String label) {
        monitor.epoch(label, net.nowNs());
    }

    // --------------------------------------------------------------------------------------------- faults

    /** Cuts the underlay link between two peers. */
    public void cut(String a, String b) {
        net.cut(index(a), index(b));
        epoch("cut " + a + " " + b);
    }

    /** Heals a cut link. */
    public void heal(String a, String b) {
        net.heal(index(a), index(b));
        epoch("heal " + a + " " + b);
    }

    /** Partitions peers into groups (unlisted peers form one more group). */
    public void partition(List<List<String>> groups) {
        net.partition(indices(groups));
        epoch("partition " + groups);
    }

    /** Blocks everything sent from {@code from} to {@code to}, one way. */
    public void blockOneWay(List<String> from, List<String> to) {
        net.blockOneWay(indices(List.of(from)).get(0), indices(List.of(to)).get(0));
        epoch("block " + from + " -> " + to);
    }

    /** Heals every cut, partition and block. */
    public void healAll() {
        net.healAll();
        epoch("heal-all");
    }

    /** Crashes a peer (state lost). */
    public void crash(String p) {
        net.crash(index(p));
        epoch("crash " + p);
    }

    /** Restarts a crashed peer with a new UID. */
    public void restart(String p) {
        int i = index(p);
        if (net.state(i).equals(HostState.UP) || net.state(i).equals(HostState.PAUSED)) {
            net.crash(i);
        }
        net.start(i);
        epoch("restart " + p);
    }

    /** Pauses a peer. */
    public void pause(String p) {
        net.pause(index(p));
        epoch("pause " + p);
    }

    /** Resumes a paused peer. */
    public void resume(String p) {
        net.resume(index(p));
        epoch("resume " + p);
    }

    /** A new peer joins, linked to {@code linksTo}, and starts now. */
    public void join(String p, List<String> linksTo) {
        if (peers.containsKey(p) && net.state(index(p)) != HostState.NEW) {
            throw new IllegalStateException("peer " + p + " already joined");
        }
        int i = peer(p);
        for (String n : linksTo) {
            net.link(i, index(n));
        }
        net.start(i);
        epoch("join " + p);
    }

    /** A peer leaves for good. */
    public void leave(String p) {
        net.leave(index(p));
        epoch("leave " + p);
    }

    /** Changes every link's behaviour. */
    public void setAllLinks(LinkParams p) {
        net.setAllLinks(p);
        epoch("network " + p);
    }

    private List<int[]> indices(List<List<String>> groups) {
        List<int[]> out = new ArrayList<>();
        for (List<String> g : groups) {
            out.add(g.stream().mapToInt(this::index).toArray());
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- pings

    /** Pings {@code to} from {@code from}, {@code count} times one second apart, each waiting one second. */
    public PingReport ping(String from, String to, int count) {
        Container target = containerNamed(to);
        return containerNamed(from).ping(to, target.ip(), count, PING_INTERVAL_NS, PING_INTERVAL_NS);
    }

    /**
     * The same with echoes of {@code ipBytes} bytes (IP header included) and the DF flag as given, like
     * {@code ping -s (ipBytes - 28) -M do|dont}.
     */
    public PingReport ping(String from, String to, int count, int ipBytes, boolean dontFragment) {
        Container target = containerNamed(to);
        int dataBytes = ipBytes - Frames.IPV4_HEADER_BYTES - Frames.ICMP_HEADER_BYTES;
        if (dataBytes < 0) {
            throw new IllegalArgumentException("an echo needs at least 28 bytes: " + ipBytes);
        }
        return containerNamed(from).ping(to, target.ip(), count, PING_INTERVAL_NS, PING_INTERVAL_NS, dataBytes,
                dontFragment);
    }

    // --------------------------------------------------------------------------------------------- checks

    /** A snapshot of a peer's router, or null when it runs none. */
    public RouterView view(String p) {
        return net.view(index(p));
    }

    /** Snapshots of every running (not paused) router, by peer name. */
    public Map<PeerName, RouterView> liveViews() {
        Map<PeerName, RouterView> out = new TreeMap<>();
        for (int i = 0; i < net.hostCount(); i++) {
            RouterView v = net.state(i) == HostState.UP ? net.view(i) : null;
            if (v != null) {
                out.put(net.peerName(i), v);
            }
        }
        return out;
    }

    /**
     * Data-plane safety violations now (bad next hops, loops). A next hop whose connection the router lost
     * within its route-recalculation delay ({@link Timings#routeRecalcDeferNs}) is not yet a violation.
     */
    public List<String> safetyViolations() {
        return safetyViolations(liveViews());
    }

    /** Same, on snapshots already taken now. */
    public List<String> safetyViolations(Map<PeerName, RouterView> views) {
        long now = net.nowNs();
        long grace = timings.routeRecalcDeferNs();
        return RouteCheck.violations(views, (self, hop) -> monitor.recentlyLost(self, hop, now, grace));
    }

    /**
     * Why the network is not converged now; empty when it is. Running peers are grouped into the components
     * of the working underlay; within each component every router must hold the same topology, know every
     * peer of its component, list nobody outside it (paused peers excepted), and route to all of them.
     */
    public List<String> convergenceProblems() {
        List<String> out = new ArrayList<>();
        for (List<Integer> component : liveComponents()) {
            TreeMap<PeerName, Integer> routers = new TreeMap<>();
            for (int i : component) {
                if (net.alive(i)) {
                    routers.put(net.peerName(i), i);
                }
            }
            Set<PeerName> absent = new TreeSet<>();
            for (int i = 0; i < net.hostCount(); i++) {
                if (net.state(i) != HostState.PAUSED && !routers.containsKey(net.peerName(i))) {
                    absent.add(net.peerName(i));
                }
            }
            out.addAll(StreamingConvergenceCheck.problems(new ArrayList<>(routers.keySet()),
                    name -> net.view(routers.get(name)), absent));
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    /** Same, on snapshots already taken now. */
    public List<String> convergenceProblems(Map<PeerName, RouterView> all) {
        List<String> out = new ArrayList<>();
        for (List<Integer> component : liveComponents()) {
            Map<PeerName, RouterView> views = new TreeMap<>();
            for (int i : component) {
                RouterView v = all.get(net.peerName(i));
                if (v != null) {
                    views.put(net.peerName(i), v);
                }
            }
            Set<PeerName> absent = new TreeSet<>();
            for (int i = 0; i < net.hostCount(); i++) {
                if (net.state(i) != HostState.PAUSED && !views.containsKey(net.peerName(i))) {
                    absent.add(net.peerName(i));
                }
            }
            out.addAll(TopologyCheck.problems(views, absent, views.keySet()));
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    /** Runs the convergence monitor's check now (e.g. at the end of a run). */
    public void checkNow() {
        monitor.checkNow(net.nowNs());
    }

    /** True when the network is converged now. */
    public boolean converged() {
        return convergenceProblems().isEmpty();
    }

    /** True when every running peer can reach every other through working underlay links. */
    public boolean liveUnderlayConnected() {
        return liveComponents().size() <= 1;
    }

    /** Running peers grouped by the working underlay (links up, not cut, both ways open), in index order. */
    public List<List<Integer>> liveComponents() {
        boolean[] seen = new boolean[net.hostCount()];
        List<List<Integer>> out = new ArrayList<>();
        for (int first = 0; first < net.hostCount(); first++) {
            if (seen[first] || net.state(first) != HostState.UP) {
                continue;
            }
            List<Integer> component = new ArrayList<>();
            ArrayDeque<Integer> todo = new ArrayDeque<>();
            todo.add(first);
            seen[first] = true;
            while (!todo.isEmpty()) {
                int a = todo.poll();
                component.add(a);
                for (int b : net.neighbours(a)) {
                    if (!seen[b] && net.state(b) == HostState.UP && net.canConnect(a, b)) {
                        seen[b] = true;
                        todo.add(b);
                    }
                }
            }
            out.add(component);
        }
        return out;
    }
}
