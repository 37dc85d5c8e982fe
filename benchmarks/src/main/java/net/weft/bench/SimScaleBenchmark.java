package net.weft.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import net.weft.core.rng.SplitMix64;
import net.weft.core.trace.TraceEvent;
import net.weft.scenarios.LinkSpec;
import net.weft.scenarios.Topologies;
import net.weft.sim.Cluster;
import net.weft.sim.ConvergenceMonitor;
import net.weft.sim.NodeFactory;
import net.weft.sim.SimObserver;

/**
 * Prints how the simulator scales: for random partial meshes (about three links per peer) of each size,
 * the virtual time and wall time to converge, events processed per wall second, peak heap, and the gossip
 * bytes per peer that one topology change (a peer crash) costs. A second table measures the engine alone
 * (nodes that only exchange datagrams) to show its own events/s without the router's cost.
 *
 * <p>Usage: {@code SimScaleBenchmark [--discovery] [--router-only] [--start-window=SECONDS] [sizes...]} (default
 * 100 1000 10000, discovery off: in a partial-mesh underlay every discovered peer but the link neighbours is
 * unreachable, and each failed dial costs the router a scan of the whole topology). Peers start at seeded-random
 * times over the start window (default 10 s, as real hosts boot over a while; those that dial a neighbour not yet
 * up are refused and retry); {@code --start-window=0} starts them all in the same instant. Convergence is measured
 * from the last start. Not a test: figures depend on the machine.
 */
public final class SimScaleBenchmark {

    private static final long S = Cluster.S;
    private static final int DEGREE = 3;
    private static final long SEED = 42;
    private static final long STEP_NS = 1 * S;
    private static final long MAX_VIRTUAL_NS = 300 * S;
    private static final long CHECK_EVERY_NS = 10 * S;
    private static final long ENGINE_ONLY_VIRTUAL_NS = 10 * S;
    /** Peers start at seeded-random times within this window unless {@code --start-window=SECONDS} says otherwise. */
    private static final long DEFAULT_START_WINDOW_NS = 10 * S;
    private static final String START_WINDOW_FLAG = "--start-window=";
    private static final double MB = 1024.0 * 1024.0;
    /** Set -Dsim.progress=true to print each virtual second's progress on stderr (for long runs). */
    private static final boolean PROGRESS = Boolean.getBoolean("sim.progress");

    private SimScaleBenchmark() {
    }

    /** Runs the benchmark for the given peer counts; {@code --discovery} lets routers dial discovered peers. */
    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        boolean discovery = false;
        boolean engine = true;
        long windowNs = DEFAULT_START_WINDOW_NS;
        for (String a : args) {
            if (a.startsWith(START_WINDOW_FLAG)) {
                windowNs = (long) (Double.parseDouble(a.substring(START_WINDOW_FLAG.length())) * S);
            } else if (a.equals("--discovery")) {
                discovery = true;
            } else if (a.equals("--router-only")) {
                engine = false;
            } else {
                sizes.add(Integer.parseInt(a));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1000, 10000);
        }
        if (engine) {
            System.out.println("engine alone (datagram ping every 10 ms per link):");
            System.out.printf("%8s %12s %10s %14s%n", "peers", "events", "wall s", "events/s");
            for (int n : sizes) {
                engineOnly(n);
            }
        }
        System.out.println("real router, random partial mesh (degree " + DEGREE + "), discovery "
                + (discovery ? "on" : "off (peers dial their link neighbours only; discovered peers are unreachable)")
                + ", start " + (windowNs == 0 ? "simultaneous" : "over " + windowNs / 1e9 + " s") + ":");
        System.out.printf("%8s %10s %9s %12s %12s %9s %8s %7s %14s %12s%n", "peers", "converged", "virtual s",
                "events", "events/s", "wall s", "cpu s", "gc s", "peak heap MB", "gossip B/peer/change");
        for (int n : sizes) {
            realRouter(n, discovery, windowNs);
        }
    }

    private static Cluster mesh(int n, NodeFactory nodes) {
        Cluster c = new Cluster(SEED, nodes, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4);
        c.monitor().setCheckSafety(false);
        List<String> peers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            peers.add("p" + i);
            c.peer("p" + i);
        }
        for (String[] pair : Topologies.pairs(new LinkSpec.Random(DEGREE), peers, new SplitMix64(SEED).fork(1))) {
            c.link(pair[0], pair[1]);
        }
        return c;
    }

    private static void engineOnly(int n) {
        Cluster c = mesh(n, (config, rng, trace) -> new NullTrafficNode(config));
        c.startAll();
        long t0 = System.nanoTime();
        c.runFor(ENGINE_ONLY_VIRTUAL_NS);
        double wall = (System.nanoTime() - t0) / 1e9;
        long events = c.network().eventsProcessed();
        System.out.printf("%8d %12d %10.2f %14.0f%n", n, events, wall, events / wall);
    }

    /** Counts gossip bytes from trace events. */
    private static final class GossipBytes implements SimObserver {
        long bytes;
        long changes;

        @Override
        public void trace(int host, TraceEvent e) {
            if (e instanceof TraceEvent.GossipSent) {
                bytes += ((TraceEvent.GossipSent) e).bytes();
            } else if (ConvergenceMonitor.isTopologyChange(e)) {
                changes++;
            }
        }
    }

    private static void realRouter(int n, boolean discovery, long windowNs) {
        resetPeaks();
        Cluster c = mesh(n, NodeFactory.routers());
        c.setDiscovery(discovery);
        GossipBytes gossip = new GossipBytes();
        c.observe(gossip);
        long lastStartNs = c.startAllWithin(windowNs);
        long t0 = System.nanoTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long gc0 = gcMillis();
        c.runUntil(lastStartNs);
        long convergedAt = runToConvergence(c, gossip);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        double gc = (gcMillis() - gc0) / 1e3;
        long events = c.network().eventsProcessed();
        String perChange = "-";
        if (convergedAt >= 0) {
            long before = gossip.bytes;
            c.crash("p" + (n / 2));
            long after = runToConvergence(c, gossip);
            perChange = after < 0 ? "no convergence" : String.format("%.0f", (gossip.bytes - before) / (double) n);
        }
        System.out.printf("%8d %10s %9s %12d %12.0f %9.2f %8.2f %7.2f %14.1f %12s%n", n,
                convergedAt >= 0 ? "yes" : "no", convergedAt >= 0 ? String.format("%.1f", convergedAt / 1e9) : "-",
                events, events / wall, wall, cpu, gc, peakHeapBytes() / MB, perChange);
    }

    /**
     * Runs in one-second steps; once a step saw no topology change, checks convergence (an O(n^2) check,
     * so only when quiet). Returns the virtual time of the last change before convergence, or -1.
     */
    private static long runToConvergence(Cluster c, GossipBytes g) {
        long start = c.nowNs();
        long lastChangeNs = start;
        long lastChanges = g.changes;
        long lastCheckNs = Long.MIN_VALUE / 2;
        List<String> problems = List.of("never quiet");
        long wall0 = System.nanoTime();
        while (c.nowNs() - start < MAX_VIRTUAL_NS) {
            c.runFor(STEP_NS);
            if (PROGRESS) {
                System.err.printf("  progress: virtual %.0f s, %d events, wall %.0f s, heap %.0f MB, changes %d%n",
                        (c.nowNs() - start) / 1e9, c.network().eventsProcessed(), (System.nanoTime() - wall0) / 1e9,
                        usedHeapBytes() / MB, g.changes);
            }
            if (g.changes != lastChanges) {
                lastChanges = g.changes;
                lastChangeNs = c.nowNs();
                continue;
            }
            if (c.nowNs() - lastCheckNs < CHECK_EVERY_NS && lastCheckNs > lastChangeNs) {
                continue;
            }
            lastCheckNs = c.nowNs();
            problems = c.convergenceProblems();
            if (problems.isEmpty()) {
                return lastChangeNs - start;
            }
        }
        System.out.println("  not converged after " + MAX_VIRTUAL_NS / S + " s: " + problems.get(0));
        return -1;
    }

    /** Total time the JVM's collectors report, all threads (the run itself is single-threaded). */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, b.getCollectionTime());
        }
        return total;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long usedHeapBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
