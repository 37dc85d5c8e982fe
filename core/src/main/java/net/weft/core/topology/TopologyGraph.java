package net.weft.core.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
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

    private static final long[] NO_TARGETS = new long[0];

    private final PeerName[] names;
    private final long[] nameValues;
    private final Adjacency allReported;
    private final Adjacency symmetricEstablished;
    /**
     * Per peer: every name its connections lead to is in the graph and none is itself, so its row holds all its
     * targets, and a graph with more names has the same row renamed (no target can be among the new names).
     */
    private final boolean[] complete;

    private TopologyGraph(PeerName[] names, long[] nameValues, Adjacency allReported, Adjacency symmetricEstablished,
            boolean[] complete) {
        this.names = names;
        this.nameValues = nameValues;
        this.allReported = allReported;
        this.symmetricEstablished = symmetricEstablished;
        this.complete = complete;
    }

    /** A graph of the given peers and the connections each reports. */
    public static TopologyGraph of(SortedMap<PeerName, ? extends Collection<ConnectionSummary>> reported) {
        List<long[]> all = new ArrayList<>(reported.size());
        List<long[]> established = new ArrayList<>(reported.size());
        for (Collection<ConnectionSummary> connections : reported.values()) {
            all.add(targetValues(connections, false));
            established.add(targetValues(connections, true));
        }
        return build(reported.keySet().toArray(new PeerName[0]), all::get, established::get);
    }

    /** A graph of the peers the summaries describe; a later summary of the same name replaces an earlier one. */
    public static TopologyGraph fromSummaries(Collection<PeerSummary> summaries) {
        TreeMap<PeerName, Collection<ConnectionSummary>> reported = new TreeMap<>();
        for (PeerSummary s : summaries) {
            reported.put(s.name(), s.connections());
        }
        return of(reported);
    }

    /** A graph of the table's entries, given in name order; rows come from each entry's cached target names. */
    static TopologyGraph ofEntries(Collection<PeerEntry> entriesInNameOrder) {
        PeerEntry[] entries = entriesInNameOrder.toArray(new PeerEntry[0]);
        PeerName[] names = new PeerName[entries.length];
        for (int i = 0; i < entries.length; i++) {
            names[i] = entries[i].name();
        }
        return build(names, i -> entries[i].targetValues(false), i -> entries[i].targetValues(true));
    }

    /**
     * The names {@code connections} lead to, as ascending distinct name values (only the established connections'
     * when {@code establishedOnly}): a row of the graph before the names are turned into indices. Ascending values
     * become ascending indices, since indices follow name order.
     */
    static long[] targetValues(Collection<ConnectionSummary> connections, boolean establishedOnly) {
        if (connections.isEmpty()) {
            return NO_TARGETS;
        }
        long[] out = new long[connections.size()];
        int n = 0;
        for (ConnectionSummary c : connections) {
            if (!establishedOnly || c.established()) {
                out[n++] = c.to().value();
            }
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[distinct - 1] != out[i]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : Arrays.copyOf(out, distinct);
    }

    private static TopologyGraph build(PeerName[] names, IntFunction<long[]> allOf, IntFunction<long[]> establishedOf) {
        long[] values = valuesOf(names);
        int n = names.length;
        Adjacency.Builder all = new Adjacency.Builder(n, 0);
        Adjacency.Builder established = new Adjacency.Builder(n, 0);
        boolean[] complete = new boolean[n];
        for (int i = 0; i < n; i++) {
            long[] targets = allOf.apply(i);
            int[] row = row(values, i, targets);
            all.add(row);
            complete[i] = row.length == targets.length;
            established.add(row(values, i, establishedOf.apply(i)));
        }
        return new TopologyGraph(names, values, all.build(), symmetric(established.build()), complete);
    }

    /**
     * The graph of the names {@code values} (ascending; kept, not copied, so the caller must never write to it),
     * where the peers in {@code dirty} (names, any order; names not in {@code values} are ignored) may report
     * other connections than here, and every other peer of both graphs reports the same. Equal to building the
     * new graph afresh (property tests), but a peer that kept its name and connections keeps its rows, renamed to
     * the new indices, without looking at its entry: rebuilt are only the rows of dirty and new peers and of peers
     * with a target outside this graph, and the symmetric rows wherever a rebuilt row can alter them. When
     * {@code values} is this graph's own array (the names did not change), kept rows are copied in blocks.
     *
     * @param entryOf the current entry of any peer, by index in the new graph
     */
    TopologyGraph updated(long[] values, Collection<PeerName> dirty, IntFunction<PeerEntry> entryOf) {
        boolean sameNames = values == nameValues;
        int n = values.length;
        int[] oldToNew = new int[names.length];
        int[] newToOld = new int[n];
        matchIndices(values, oldToNew, newToOld);
        PeerName[] newNames = sameNames ? names : new PeerName[n];
        boolean[] rebuilt = new boolean[n];
        for (int j = 0; j < n; j++) {
            if (newToOld[j] < 0) {
                rebuilt[j] = true;
                newNames[j] = entryOf.apply(j).name();
            } else if (!sameNames) {
                newNames[j] = names[newToOld[j]];
            }
        }
        for (PeerName d : dirty) {
            int j = Arrays.binarySearch(values, d.value());
            if (j >= 0) {
                rebuilt[j] = true;
            }
        }
        Adjacency.Builder all = new Adjacency.Builder(n, allReported.edgeCount());
        boolean[] nowComplete = new boolean[n];
        int run = 0;
        for (int j = 0; j < n; j++) {
            int i = newToOld[j];
            if (!rebuilt[j] && complete[i]) {
                nowComplete[j] = sameNames || all.addRemapped(allReported, i, oldToNew);
                continue;
            }
            if (sameNames) {
                all.addRows(allReported, run, j);
                run = j + 1;
            }
            long[] targets = entryOf.apply(j).targetValues(false);
            int[] row = row(values, j, targets);
            all.add(row);
            nowComplete[j] = row.length == targets.length;
            rebuilt[j] = true;
        }
        if (sameNames) {
            all.addRows(allReported, run, n);
        }
        Adjacency symmetric = updatedSymmetric(values, rebuilt, oldToNew, newToOld, entryOf);
        return new TopologyGraph(newNames, values, all.build(), symmetric, nowComplete);
    }

    /** Symmetric rows for {@link #updated}: renamed where no rebuilt row can reach them, recomputed elsewhere. */
    private Adjacency updatedSymmetric(long[] values, boolean[] rebuilt, int[] oldToNew, int[] newToOld,
            IntFunction<PeerEntry> entryOf) {
        boolean sameNames = values == nameValues;
        int n = values.length;
        int[][] established = new int[n][];
        IntFunction<int[]> establishedOf = j -> {
            if (established[j] == null) {
                established[j] = row(values, j, entryOf.apply(j).targetValues(true));
            }
            return established[j];
        };
        boolean[] affected = affectedSymmetricRows(rebuilt, oldToNew, newToOld, establishedOf);
        Adjacency.Builder out = new Adjacency.Builder(n, symmetricEstablished.edgeCount());
        int run = 0;
        for (int q = 0; q < n; q++) {
            if (!affected[q]) {
                if (!sameNames) {
                    out.addRemapped(symmetricEstablished, newToOld[q], oldToNew);
                }
                continue;
            }
            if (sameNames) {
                out.addRows(symmetricEstablished, run, q);
                run = q + 1;
            }
            int[] mine = establishedOf.apply(q);
            int[] kept = new int[mine.length];
            int m = 0;
            for (int r : mine) {
                if (Arrays.binarySearch(establishedOf.apply(r), q) >= 0) {
                    kept[m++] = r;
                }
            }
            out.add(kept, m);
        }
        if (sameNames) {
            out.addRows(symmetricEstablished, run, n);
        }
        return out.build();
    }

    /**
     * The symmetric rows a rebuilt row can alter: its own, those of its old symmetric neighbours (which may lose
     * it) and those of its new established targets (which may gain it).
     */
    private boolean[] affectedSymmetricRows(boolean[] rebuilt, int[] oldToNew, int[] newToOld,
            IntFunction<int[]> establishedOf) {
        boolean[] affected = new boolean[rebuilt.length];
        for (int j = 0; j < rebuilt.length; j++) {
            if (!rebuilt[j]) {
                continue;
            }
            affected[j] = true;
            int i = newToOld[j];
            if (i >= 0) {
                for (int k = 0; k < symmetricEstablished.degree(i); k++) {
                    int r = oldToNew[symmetricEstablished.neighbour(i, k)];
                    if (r >= 0) {
                        affected[r] = true;
                    }
                }
            }
            for (int r : establishedOf.apply(j)) {
                affected[r] = true;
            }
        }
        return affected;
    }

    /** Pairs equal names of this graph and {@code values} (both ascending); -1 where a name is only on one side. */
    private void matchIndices(long[] values, int[] oldToNew, int[] newToOld) {
        if (values == nameValues) {
            for (int i = 0; i < values.length; i++) {
                oldToNew[i] = i;
                newToOld[i] = i;
            }
            return;
        }
        Arrays.fill(newToOld, -1);
        int j = 0;
        for (int i = 0; i < nameValues.length; i++) {
            while (j < values.length && values[j] < nameValues[i]) {
                j++;
            }
            if (j < values.length && values[j] == nameValues[i]) {
                oldToNew[i] = j;
                newToOld[j] = i;
            } else {
                oldToNew[i] = -1;
            }
        }
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
        return adjacency(filter).degree(index);
    }

    /** The {@code k}-th neighbour of peer {@code index} under {@code filter}; neighbours come in ascending order. */
    public int neighbour(EdgeFilter filter, int index, int k) {
        return adjacency(filter).neighbour(index, k);
    }

    /** Total number of directed edges under {@code filter}. */
    public long edgeCount(EdgeFilter filter) {
        return adjacency(filter).edgeCount();
    }

    /** Indices of the peers reachable from {@code source} (itself included) over edges kept by {@code filter}. */
    public BitSet reachableFrom(int source, EdgeFilter filter) {
        Adjacency adjacency = adjacency(filter);
        BitSet seen = new BitSet(names.length);
        int[] queue = new int[names.length];
        int head = 0;
        int tail = 0;
        seen.set(source);
        queue[tail++] = source;
        while (head < tail) {
            int p = queue[head++];
            for (int k = 0; k < adjacency.degree(p); k++) {
                int r = adjacency.neighbour(p, k);
                if (!seen.get(r)) {
                    seen.set(r);
                    queue[tail++] = r;
                }
            }
        }
        return seen;
    }

    private Adjacency adjacency(EdgeFilter filter) {
        return filter == EdgeFilter.SYMMETRIC_ESTABLISHED ? symmetricEstablished : allReported;
    }

    private static long[] valuesOf(PeerName[] names) {
        long[] values = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = names[i].value();
        }
        return values;
    }

    /**
     * Row {@code from}: the indices of {@code targets} (ascending distinct name values) that are in the graph,
     * itself left out; ascending, since each search starts past the previous hit.
     */
    private static int[] row(long[] values, int from, long[] targets) {
        int[] out = new int[targets.length];
        int n = 0;
        int low = 0;
        for (long target : targets) {
            int to = Arrays.binarySearch(values, low, values.length, target);
            if (to >= 0) {
                low = to + 1;
                if (to != from) {
                    out[n++] = to;
                }
            } else {
                low = -to - 1;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The edges whose reverse is an edge too. */
    private static Adjacency symmetric(Adjacency established) {
        int n = established.size();
        Adjacency.Builder out = new Adjacency.Builder(n, established.edgeCount());
        int[] kept = new int[0];
        for (int p = 0; p < n; p++) {
            int degree = established.degree(p);
            if (kept.length < degree) {
                kept = new int[degree];
            }
            int m = 0;
            for (int k = 0; k < degree; k++) {
                int r = established.neighbour(p, k);
                if (established.has(r, p)) {
                    kept[m++] = r;
                }
            }
            out.add(kept, m);
        }
        return out.build();
    }
}
