package net.weft.viz.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.core.view.RouterView;
import net.weft.sim.Cluster;
import net.weft.sim.HostState;
import net.weft.sim.LinkParams;
import net.weft.sim.NodeFactory;
import net.weft.sim.SimNetwork;
import net.weft.sim.SimObserver;
import net.weft.sim.frame.Container;

/**
 * The simulator (transport-sim's {@link Cluster}) as the viewer's engine: real routers on the modelled
 * network with loss, latency, partitions and containers that ping each other, so data frames move too.
 * Convergence monitoring is left to {@code weft sim}: the viewer samples it rarely.
 */
public final class ClusterEngine implements SimEngine {

    /** The viewer does not check convergence; the monitor samples this rarely. */
    public static final long MONITOR_SAMPLE_NS = 3_600L * Cluster.S;

    private final Cluster cluster;

    /** An empty cluster drawing all randomness from {@code seed}; trace events go to {@code trace}. */
    public ClusterEngine(long seed, LinkParams network, boolean discovery, Consumer<TraceEvent> trace) {
        this.cluster = new Cluster(seed, NodeFactory.routers(), MONITOR_SAMPLE_NS, MONITOR_SAMPLE_NS);
        cluster.setDefaultLink(network);
        cluster.setDiscovery(discovery);
        cluster.observe(new SimObserver() {
            @Override
            public void trace(int host, TraceEvent event) {
                trace.accept(event);
            }
        });
    }

    /** The cluster underneath. */
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public long nowNs() {
        return cluster.nowNs();
    }

    @Override
    public void runUntil(long endNs) {
        cluster.runUntil(endNs);
    }

    @Override
    public List<String> peers() {
        return cluster.peerNames();
    }

    @Override
    public PeerName peerName(String peer) {
        return cluster.network().peerName(cluster.index(peer));
    }

    @Override
    public boolean alive(String peer) {
        HostState s = cluster.network().state(cluster.index(peer));
        return s == HostState.UP || s == HostState.PAUSED;
    }

    @Override
    public RouterView view(String peer) {
        return alive(peer) ? cluster.view(peer) : null;
    }

    @Override
    public List<List<String>> links() {
        SimNetwork net = cluster.network();
        List<List<String>> out = new ArrayList<>();
        for (int a = 0; a < net.hostCount(); a++) {
            for (int b : net.neighbours(a)) {
                if (a < b) {
                    out.add(List.of(net.nickname(a), net.nickname(b)));
                }
            }
        }
        return out;
    }

    @Override
    public boolean isCut(String a, String b) {
        return !cluster.network().canConnect(cluster.index(a), cluster.index(b));
    }

    @Override
    public SortedMap<String, List<String>> containers() {
        SortedMap<String, List<String>> out = new TreeMap<>();
        for (Container c : cluster.containers()) {
            out.computeIfAbsent(cluster.network().nickname(c.hostIndex()), k -> new ArrayList<>()).add(c.name());
        }
        return out;
    }

    @Override
    public void cut(String a, String b) {
        cluster.cut(a, b);
    }

    @Override
    public void heal(String a, String b) {
        cluster.heal(a, b);
    }

    @Override
    public void crash(String peer) {
        cluster.crash(peer);
    }

    @Override
    public void restart(String peer) {
        cluster.restart(peer);
    }

    @Override
    public void join(String peer, List<String> linksTo) {
        cluster.join(peer, linksTo);
    }

    /** Applies the scenario kinds beyond the clickable ones; returns false for a kind it does not know. */
    @SuppressWarnings("unchecked")
    boolean applyOther(String kind, Object value) {
        Map<String, Object> m = value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
        switch (kind) {
            case "pause":
                cluster.pause(String.valueOf(value));
                return true;
            case "resume":
                cluster.resume(String.valueOf(value));
                return true;
            case "leave":
                cluster.leave(String.valueOf(value));
                return true;
            case "heal-all":
                cluster.healAll();
                return true;
            case "partition":
                cluster.partition((List<List<String>>) value);
                return true;
            case "ping":
                Object count = m.getOrDefault("count", 3);
                cluster.ping(String.valueOf(m.get("from")), String.valueOf(m.get("to")),
                        Integer.parseInt(String.valueOf(count)));
                return true;
            default:
                return false;
        }
    }
}
