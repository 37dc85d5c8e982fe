package net.weft.core.routing;

import java.util.Arrays;
import net.weft.core.topology.EdgeFilter;
import net.weft.core.topology.TopologyGraph;

/**
 * Weave's breadth-first search (notes §5.1) over a {@link TopologyGraph}, on int arrays. Each level is visited in
 * ascending index order, which is ascending name order, so a destination inherits the first hop of the
 * lowest-named predecessor on the level before it, and every peer computes the same routes from the same graph.
 */
final class Bfs {

    /** Marks a peer the search has not reached. */
    static final int UNSEEN = -1;

    /** What the search returns internally when it stopped at the peer it was asked to stop at. */
    private static final int STOPPED = -1;
    /** log2 of the bits in a bitmap word. */
    private static final int WORD_SHIFT = 6;

    private Bfs() {
    }

    /**
     * Searches from {@code source} and fills {@code firstHop}: for each reached peer, the neighbour of the source
     * through which it is reached ({@code source} itself for the source); {@link #UNSEEN} for the others.
     *
     * @param stopAt a peer at which to stop as soon as it is dequeued, or {@link #UNSEEN} to search everything;
     *               on stopping, the reached set is everything up to its level plus the next-level peers found by
     *               peers of its level that sort before it
     * @return true when the search stopped at {@code stopAt}
     */
    static boolean search(TopologyGraph graph, EdgeFilter filter, int source, int stopAt, int[] firstHop) {
        return run(graph, filter, source, stopAt, firstHop) == STOPPED;
    }

    /**
     * Searches everything from {@code source}, filling {@code firstHop} as {@link #search} does.
     *
     * @return how many peers the search reached, the source included
     */
    static int searchAll(TopologyGraph graph, EdgeFilter filter, int source, int[] firstHop) {
        return run(graph, filter, source, UNSEEN, firstHop);
    }

    /**
     * The search; returns {@link #STOPPED} when it stopped at {@code stopAt}, else the number of peers reached. Each
     * level is a bitmap over peer indices, so reading it word by word visits the level in ascending index order
     * without sorting; the range of words a level touches bounds the scan.
     */
    private static int run(TopologyGraph graph, EdgeFilter filter, int source, int stopAt, int[] firstHop) {
        int n = graph.size();
        int reached = 1;
        Arrays.fill(firstHop, 0, n, UNSEEN);
        long[] level = new long[(n + Long.SIZE - 1) / Long.SIZE];
        long[] next = new long[level.length];
        firstHop[source] = source;
        level[source >>> WORD_SHIFT] = 1L << source;
        int low = source >>> WORD_SHIFT;
        int high = low;
        boolean more = true;
        while (more) {
            more = false;
            int nextLow = level.length;
            int nextHigh = -1;
            for (int w = low; w <= high; w++) {
                long bits = level[w];
                level[w] = 0;
                while (bits != 0) {
                    int p = (w << WORD_SHIFT) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (p == stopAt) {
                        return STOPPED;
                    }
                    int degree = graph.degree(filter, p);
                    for (int k = 0; k < degree; k++) {
                        int r = graph.neighbour(filter, p, k);
                        if (firstHop[r] == UNSEEN) {
                            firstHop[r] = p == source ? r : firstHop[p];
                            int word = r >>> WORD_SHIFT;
                            next[word] |= 1L << r;
                            nextLow = Math.min(nextLow, word);
                            nextHigh = Math.max(nextHigh, word);
                            reached++;
                            more = true;
                        }
                    }
                }
            }
            long[] swap = level;
            level = next;
            next = swap;
            low = nextLow;
            high = nextHigh;
        }
        return reached;
    }

    /**
     * Where we pass on a broadcast from {@code source} (notes §5.3): search from the source until it reaches us;
     * our neighbours the search has not reached by then are our children in the source's spanning tree.
     *
     * @return indices of the next hops in ascending order; empty when the source cannot reach us
     */
    static int[] broadcastHops(TopologyGraph graph, EdgeFilter filter, int source, int self) {
        int[] reached = new int[graph.size()];
        if (!search(graph, filter, source, self, reached)) {
            return new int[0];
        }
        int degree = graph.degree(filter, self);
        int[] hops = new int[degree];
        int n = 0;
        for (int k = 0; k < degree; k++) {
            int r = graph.neighbour(filter, self, k);
            if (reached[r] == UNSEEN) {
                hops[n++] = r;
            }
        }
        return Arrays.copyOf(hops, n);
    }
}
