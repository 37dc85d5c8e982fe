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
        int n = graph.size();
        Arrays.fill(firstHop, 0, n, UNSEEN);
        int[] level = new int[n];
        int[] next = new int[n];
        firstHop[source] = source;
        level[0] = source;
        int levelLength = 1;
        while (levelLength > 0) {
            Arrays.sort(level, 0, levelLength);
            int nextLength = 0;
            for (int i = 0; i < levelLength; i++) {
                int p = level[i];
                if (p == stopAt) {
                    return true;
                }
                int degree = graph.degree(filter, p);
                for (int k = 0; k < degree; k++) {
                    int r = graph.neighbour(filter, p, k);
                    if (firstHop[r] == UNSEEN) {
                        firstHop[r] = p == source ? r : firstHop[p];
                        next[nextLength++] = r;
                    }
                }
            }
            int[] swap = level;
            level = next;
            next = swap;
            levelLength = nextLength;
        }
        return false;
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
