package net.weft.core.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import net.weft.core.id.PeerName;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;

/**
 * An immutable snapshot of the topology, shaped for fast route computation: peers are numbered 0..N-1 in
 * ascending name order, so that comparing indices compares names, and each peer's edges under each
 * {@link EdgeFilter} are kept as a sorted array of indices. Connections to names outside the snapshot and
 * connections of a peer to itself are left out.
 */
public final class TopologyGraph {

    /** What {@link #indexOf} answers for a name that is not in the graph. */
    public static final int ABSENT = -1;

    private final PeerName[] names;
    private final long[] nameValues;
    private final int[][] allReported;
    private final int[][] symmetricEstablished;

    private TopologyGraph(PeerName[] names, long[] nameValues, int[][] allReported, int[][] symmetricEstablished) {
        this.names = names;
        this.nameValues = nameValues;
        this.allReported = allReported;
        this.symmetricEstablished = symmetricEstablished;
    }

    /** A graph of the given peers and the connections each reports. */
    public static TopologyGraph of(SortedMap<PeerName, ? extends Collection<ConnectionSummary>> reported) {
        return build(reported.keySet().toArray(new PeerName[0]), new ArrayList<>(reported.values()));
    }

    /** A graph of the peers the summaries describe; a later summary of the same name replaces an earlier one. */
    public static TopologyGraph fromSummaries(Collection<PeerSummary> summaries) {
        TreeMap<PeerName, Collection<ConnectionSummary>> reported = new TreeMap<>();
        for (PeerSummary s : summaries) {
            reported.put(s.name(), s.connections());
        }
        return of(reported);
    }

    /** A graph of the table's entries, given in name order. */
    static TopologyGraph ofEntries(Collection<PeerEntry> entriesInNameOrder) {
        PeerName[] names = new PeerName[entriesInNameOrder.size()];
        List<Collection<ConnectionSummary>> reported = new ArrayList<>(names.length);
        int i = 0;
        for (PeerEntry e : entriesInNameOrder) {
            names[i++] = e.name();
            reported.add(e.connections().values());
        }
        return build(names, reported);
    }

    private static TopologyGraph build(PeerName[] names, List<? extends Collection<ConnectionSummary>> reported) {
        long[] values = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = names[i].value();
        }
        int[][] all = new int[names.length][];
        int[][] established = new int[names.length][];
        for (int i = 0; i < names.length; i++) {
            all[i] = targets(values, i, reported.get(i), false);
            established[i] = targets(values, i, reported.get(i), true);
        }
        return new TopologyGraph(names, values, all, symmetric(established));
    }

    /**
     * The same peers with the connections of some changed: rows of the peers in {@code changed} (indices,
     * ascending) are rebuilt from {@code connectionsOf}, and symmetric rows wherever a changed row can alter
     * them. Equal to building the whole graph afresh from the same connections; costs the changed rows and a
     * copy of the row index, not a pass over every connection.
     *
     * @param connectionsOf the current connections of any peer, by index
     */
    TopologyGraph withChangedRows(int[] changed, IntFunction<Collection<ConnectionSummary>> connectionsOf) {
        int[][] all = allReported.clone();
        int[][] symmetric = symmetricEstablished.clone();
        Map<Integer, int[]> established = new HashMap<>();
        IntFunction<int[]> establishedOf = i -> established.computeIfAbsent(i,
                k -> targets(nameValues, k, connectionsOf.apply(k), true));
        TreeSet<Integer> affected = new TreeSet<>();
        for (int p : changed) {
            all[p] = targets(nameValues, p, connectionsOf.apply(p), false);
            affected.add(p);
            for (int r : symmetricEstablished[p]) {
                affected.add(r);
            }
            for (int r : establishedOf.apply(p)) {
                affected.add(r);
            }
        }
        for (int q : affected) {
            int[] mine = establishedOf.apply(q);
            int[] kept = new int[mine.length];
            int n = 0;
            for (int r : mine) {
                if (Arrays.binarySearch(establishedOf.apply(r), q) >= 0) {
                    kept[n++] = r;
                }
            }
            symmetric[q] = Arrays.copyOf(kept, n);
        }
        return new TopologyGraph(names, nameValues, all, symmetric);
    }

    /** Number of peers. */
    public int size() {
        return names.length;
    }

    /** The peer with index {@code index}. */
    public PeerName name(int index) {
        return names[index];
    }

    /** The index of {@code name}, or {@link #ABSENT}. */
    public int indexOf(PeerName name) {
        int i = Arrays.binarySearch(nameValues, name.value());
        return i >= 0 ? i : ABSENT;
    }

    /** How many edges leave peer {@code index} under {@code filter}. */
    public int degree(EdgeFilter filter, int index) {
        return adjacency(filter)[index].length;
    }

    /** The {@code k}-th neighbour of peer {@code index} under {@code filter}; neighbours come in ascending order. */
    public int neighbour(EdgeFilter filter, int index, int k) {
        return adjacency(filter)[index][k];
    }

    /** Total number of directed edges under {@code filter}. */
    public long edgeCount(EdgeFilter filter) {
        long total = 0;
        for (int[] targets : adjacency(filter)) {
            total += targets.length;
        }
        return total;
    }

    /** Indices of the peers reachable from {@code source} (itself included) over edges kept by {@code filter}. */
    public BitSet reachableFrom(int source, EdgeFilter filter) {
        int[][] adjacency = adjacency(filter);
        BitSet seen = new BitSet(names.length);
        int[] queue = new int[names.length];
        int head = 0;
        int tail = 0;
        seen.set(source);
        queue[tail++] = source;
        while (head < tail) {
            for (int r : adjacency[queue[head++]]) {
                if (!seen.get(r)) {
                    seen.set(r);
                    queue[tail++] = r;
                }
            }
        }
        return seen;
    }

    private int[][] adjacency(EdgeFilter filter) {
        return filter == EdgeFilter.SYMMETRIC_ESTABLISHED ? symmetricEstablished : allReported;
    }

    private static int[] targets(long[] values, int from, Collection<ConnectionSummary> connections,
            boolean establishedOnly) {
        int[] out = new int[connections.size()];
        int n = 0;
        for (ConnectionSummary c : connections) {
            if (establishedOnly && !c.established()) {
                continue;
            }
            int to = Arrays.binarySearch(values, c.to().value());
            if (to >= 0 && to != from) {
                out[n++] = to;
            }
        }
        Arrays.sort(out, 0, n);
        return distinct(out, n);
    }

    private static int[] distinct(int[] sorted, int length) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            if (n == 0 || sorted[n - 1] != sorted[i]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    private static int[][] symmetric(int[][] established) {
        int[][] out = new int[established.length][];
        for (int p = 0; p < established.length; p++) {
            int[] mine = established[p];
            int[] kept = new int[mine.length];
            int n = 0;
            for (int r : mine) {
                if (Arrays.binarySearch(established[r], p) >= 0) {
                    kept[n++] = r;
                }
            }
            out[p] = Arrays.copyOf(kept, n);
        }
        return out;
    }
}
