package net.weft.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.sim.check.RouteCheck;

/**
 * Measures how long the network takes to converge after each topology event (a fault, a heal, a start),
 * and samples data-plane safety.
 *
 * <p>Routers report topology-relevant changes as trace events; the monitor remembers the last one. Every
 * {@code sampleNs} of virtual time it checks convergence (through the {@link Cluster}) when something changed
 * since the last check, or when {@code recheckNs} passed. When a check succeeds, the network has been
 * converged since the later of the last change and the last failed check (or, when neither happened since the
 * epoch began, since this check: an upper bound); that instant minus the epoch start is the convergence
 * time. A later failed check in the same epoch clears it.
 *
 * <p>Safety ({@link net.weft.sim.check.RouteCheck}) is checked at the same samples (and, when asked, after
 * every event that recomputed routes or changed a connection): a next hop that is not an
 * established neighbour is a violation unless its connection was lost less than the route-recalculation delay
 * ago, and a forwarding loop is a violation once the same loop has been seen for longer than the loop
 * persistence bound (shorter, transient loops are counted in {@link #loopsSeen}).
 */
public final class ConvergenceMonitor implements SimObserver {

    /** One topology event and when the network converged after it. */
    public static final class Epoch {
        private final String label;
        private final long startNs;
        private long convergedAtNs = -1;

        Epoch(String label, long startNs) {
            this.label = label;
            this.startNs = startNs;
        }

        /** What happened ("start", "cut p1 p3", ...). */
        public String label() {
            return label;
        }

        /** When it happened. */
        public long startNs() {
            return startNs;
        }

        /** True once converged (and not disturbed since). */
        public boolean converged() {
            return convergedAtNs >= 0;
        }

        /** When the network converged, or -1. */
        public long convergedAtNs() {
            return convergedAtNs;
        }

        /** Convergence time, or -1 when it has not converged. */
        public long convergenceNs() {
            return convergedAtNs < 0 ? -1 : convergedAtNs - startNs;
        }
    }

    /** A loop seen at samples spanning longer than this is a violation; shorter ones are only counted. */
    public static final long DEFAULT_LOOP_PERSISTENCE_NS = 5_000_000_000L;
    private static final int MAX_VIOLATIONS_KEPT = 100;

    private final Cluster cluster;
    private final long sampleNs;
    private final long recheckNs;
    private final List<Epoch> epochs = new ArrayList<>();
    private final List<String> safetyViolations = new ArrayList<>();
    private final Map<PeerName, Map<PeerName, Long>> lostAtNs = new HashMap<>();
    private final Map<String, Long> loopsSinceNs = new HashMap<>();
    private final java.util.Set<String> reportedLoops = new java.util.HashSet<>();
    private long loopPersistenceNs = DEFAULT_LOOP_PERSISTENCE_NS;
    private long transientLoops;
    private boolean routesTouched;
    private long lastChangeNs;
    private long lastFailedCheckNs;
    private long lastCheckNs = Long.MIN_VALUE / 2;
    private boolean dirty = true;
    private boolean checkSafety = true;
    private long checks;
    private String lastProblem = "not checked yet";

    ConvergenceMonitor(Cluster cluster, long sampleNs, long recheckNs) {
        this.cluster = cluster;
        this.sampleNs = sampleNs;
        this.recheckNs = recheckNs;
    }

    /** Turns the safety check at every sample on or off (it costs O(n^2) for n routers). */
    public void setCheckSafety(boolean on) {
        checkSafety = on;
    }

    /**
     * Also checks safety after every event in which a router recomputed its routes or a connection changed
     * state (the only events that can break it), not just at samples. Costs O(n^2) per such event.
     */
    public void checkSafetyAtEveryChange(SimNetwork net) {
        net.setAfterEvent(() -> {
            if (routesTouched && checkSafety) {
                routesTouched = false;
                checkSafety(net.nowNs(), cluster.liveViews());
            }
        });
    }

    @Override
    public void trace(int host, TraceEvent e) {
        if (e instanceof TraceEvent.RoutesRecomputed || e instanceof TraceEvent.ConnectionStateChanged) {
            routesTouched = true;
        }
        if (e instanceof TraceEvent.ConnectionStateChanged) {
            TraceEvent.ConnectionStateChanged c = (TraceEvent.ConnectionStateChanged) e;
            if (c.state() == ConnectionState.CLOSED && !c.remote().equals(PeerName.UNKNOWN)) {
                lostAtNs.computeIfAbsent(c.self(), k -> new HashMap<>()).put(c.remote(), c.atNs());
            }
        }
        if (isTopologyChange(e)) {
            lastChangeNs = Math.max(lastChangeNs, e.atNs());
            dirty = true;
        }
    }

    /**
     * True for trace events that can change what the convergence check compares: peers added or removed,
     * version bumps, route recomputations, news from gossip, and state changes of connections to a named
     * peer. Dials that fail before a handshake (discovery aimed at peers the underlay cannot reach) are not.
     */
    public static boolean isTopologyChange(TraceEvent e) {
        if (e instanceof TraceEvent.ConnectionStateChanged) {
            return !((TraceEvent.ConnectionStateChanged) e).remote().equals(PeerName.UNKNOWN);
        }
        return e instanceof TraceEvent.PeerAdded || e instanceof TraceEvent.PeerRemoved
                || e instanceof TraceEvent.LocalVersionBumped
                || e instanceof TraceEvent.RoutesRecomputed
                || (e instanceof TraceEvent.GossipReceived && ((TraceEvent.GossipReceived) e).changed());
    }

    /**
     * True when {@code self} lost a connection to {@code peer} at most {@code graceNs} before {@code nowNs}:
     * its routes may still name that peer until the coalesced recalculation runs.
     */
    boolean recentlyLost(PeerName self, PeerName peer, long nowNs, long graceNs) {
        Map<PeerName, Long> lost = lostAtNs.get(self);
        Long at = lost == null ? null : lost.get(peer);
        return at != null && nowNs - at <= graceNs;
    }

    /** Starts a new epoch now. */
    void epoch(String label, long nowNs) {
        epochs.add(new Epoch(label, nowNs));
        dirty = true;
    }

    /** Schedules the first sample. */
    void start(SimNetwork net) {
        net.at(net.nowNs() + sampleNs, () -> sample(net));
    }

    private void sample(SimNetwork net) {
        long now = net.nowNs();
        if (dirty || now - lastCheckNs >= recheckNs) {
            checkNow(now);
        }
        net.at(now + sampleNs, () -> sample(net));
    }

    /** Checks convergence (and safety) at {@code nowNs}. */
    void checkNow(long nowNs) {
        checks++;
        lastCheckNs = nowNs;
        dirty = false;
        Map<PeerName, net.weft.core.view.RouterView> views = cluster.liveViews();
        if (checkSafety) {
            checkSafety(nowNs, views);
        }
        List<String> problems = cluster.convergenceProblems(views);
        Epoch current = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
        if (!problems.isEmpty()) {
            lastProblem = problems.get(0);
            lastFailedCheckNs = nowNs;
            if (current != null) {
                current.convergedAtNs = -1;
            }
            return;
        }
        lastProblem = "";
        if (current != null && current.convergedAtNs < 0) {
            boolean changeSeen = lastChangeNs > current.startNs || lastFailedCheckNs > current.startNs;
            current.convergedAtNs = changeSeen ? Math.max(lastChangeNs, lastFailedCheckNs) : nowNs;
        }
    }

    private void checkSafety(long nowNs, Map<PeerName, net.weft.core.view.RouterView> views) {
        Map<String, Long> stillLooping = new HashMap<>();
        for (String v : cluster.safetyViolations(views)) {
            if (!v.startsWith(RouteCheck.LOOP_PREFIX)) {
                record(nowNs, v);
                continue;
            }
            long since = loopsSinceNs.getOrDefault(v, nowNs);
            if (since == nowNs) {
                transientLoops++;
            }
            stillLooping.put(v, since);
            if (nowNs - since > loopPersistenceNs && reportedLoops.add(v)) {
                record(nowNs, v + " (for " + TraceFormat.time(nowNs - since) + " s)");
            }
        }
        loopsSinceNs.clear();
        loopsSinceNs.putAll(stillLooping);
    }

    private void record(long nowNs, String violation) {
        if (safetyViolations.size() < MAX_VIOLATIONS_KEPT) {
            safetyViolations.add(TraceFormat.time(nowNs) + " " + violation);
        }
    }

    /**
     * Sets how long a forwarding loop may last before it is a violation. Weave-style routing has transient
     * loops by design: a router that loses a link reroutes after 100 ms but tells the others only after its
     * 1 s topology-update delay, so a neighbour may bounce frames back meanwhile.
     */
    public void setLoopPersistenceNs(long ns) {
        loopPersistenceNs = ns;
    }

    /** Distinct forwarding loops seen at samples (transient ones included). */
    public long loopsSeen() {
        return transientLoops;
    }

    /** Every epoch so far. */
    public List<Epoch> epochs() {
        return List.copyOf(epochs);
    }

    /** The latest epoch, or null before any. */
    public Epoch lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /** Safety violations seen at samples (the first hundred), each with its time. */
    public List<String> safetyViolations() {
        return List.copyOf(safetyViolations);
    }

    /** Why the last check failed, or empty when it passed. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Checks made. */
    public long checks() {
        return checks;
    }
}
