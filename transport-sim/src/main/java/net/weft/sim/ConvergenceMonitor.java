package net.weft.sim;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.trace.TraceEvent;

/**
 * Measures how long the network takes to converge after each topology event (a fault, a heal, a start).
 *
 * <p>Routers report topology-relevant changes as trace events; the monitor remembers the last one. Every
 * {@code sampleNs} of virtual time it checks convergence (through the {@link Cluster}) when something changed
 * since the last check, or when {@code recheckNs} passed. When a check succeeds, the network has been
 * converged since the later of the last change and the last failed check (or, when neither happened since the
 * epoch began, since this check: an upper bound): that instant minus the epoch start is the convergence time. A later failed check in the same epoch clears it. Safety
 * ({@link net.weft.sim.check.RouteCheck}) is checked at every sample too.
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

    private final Cluster cluster;
    private final long sampleNs;
    private final long recheckNs;
    private final List<Epoch> epochs = new ArrayList<>();
    private final List<String> safetyViolations = new ArrayList<>();
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

    @Override
    public void trace(int host, TraceEvent e) {
        if (e instanceof TraceEvent.PeerAdded || e instanceof TraceEvent.PeerRemoved
                || e instanceof TraceEvent.ConnectionStateChanged || e instanceof TraceEvent.LocalVersionBumped
                || e instanceof TraceEvent.RoutesRecomputed
                || (e instanceof TraceEvent.GossipReceived && ((TraceEvent.GossipReceived) e).changed())) {
            lastChangeNs = Math.max(lastChangeNs, e.atNs());
            dirty = true;
        }
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
        if (checkSafety) {
            for (String v : cluster.safetyViolations()) {
                if (safetyViolations.size() < 100) {
                    safetyViolations.add(TraceFormat.time(nowNs) + " " + v);
                }
            }
        }
        List<String> problems = cluster.convergenceProblems();
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
