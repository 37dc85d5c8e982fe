package net.weft.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.topology.EdgeFilter;
import net.weft.core.topology.TopologyGraph;
import net.weft.core.wire.ConnectionSummary;
import org.junit.jupiter.api.Test;

/**
 * The search gives exactly the first hops of Weave's level-by-level search written plainly (each level sorted, then
 * visited in ascending order), stops where it did, and counts the peers it reached.
 */
class BfsCountTest {

    private static final int MAX_PEERS = 150;

    @Test
    void a_full_search_counts_exactly_the_peers_it_reaches() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            DeterministicRandom rng = new SplitMix64(seed);
            TopologyGraph graph = randomGraph(rng);
            int source = rng.nextInt(graph.size());
            for (EdgeFilter filter : EdgeFilter.values()) {
                int[] counted = new int[graph.size()];
                int[] plain = new int[graph.size()];
                int reached = Bfs.searchAll(graph, filter, source, counted);
                assertThat(Bfs.search(graph, filter, source, Bfs.UNSEEN, plain)).isFalse();
                assertThat(counted).isEqualTo(plain);
                int marked = 0;
                for (int hop : counted) {
                    marked += hop == Bfs.UNSEEN ? 0 : 1;
                }
                assertThat(reached).isEqualTo(marked).isEqualTo(graph.reachableFrom(source, filter).cardinality());
            }
        });
    }

    @Test
    void first_hops_and_stops_equal_those_of_the_plain_sorted_level_search() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            DeterministicRandom rng = new SplitMix64(seed);
            TopologyGraph graph = randomGraph(rng);
            int source = rng.nextInt(graph.size());
            int stopAt = rng.chance(0.5) ? Bfs.UNSEEN : rng.nextInt(graph.size());
            for (EdgeFilter filter : EdgeFilter.values()) {
                int[] actual = new int[graph.size()];
                int[] expected = new int[graph.size()];
                boolean stopped = Bfs.search(graph, filter, source, stopAt, actual);
                assertThat(stopped).isEqualTo(plainSearch(graph, filter, source, stopAt, expected));
                assertThat(actual).isEqualTo(expected);
            }
        });
    }

    /** The search as first written: an int queue per level, sorted before the level is visited. */
    private static boolean plainSearch(TopologyGraph graph, EdgeFilter filter, int source, int stopAt,
            int[] firstHop) {
        java.util.Arrays.fill(firstHop, Bfs.UNSEEN);
        firstHop[source] = source;
        List<Integer> level = new ArrayList<>(List.of(source));
        while (!level.isEmpty()) {
            level.sort(null);
            List<Integer> next = new ArrayList<>();
            for (int p : level) {
                if (p == stopAt) {
                    return true;
                }
                for (int k = 0; k < graph.degree(filter, p); k++) {
                    int r = graph.neighbour(filter, p, k);
                    if (firstHop[r] == Bfs.UNSEEN) {
                        firstHop[r] = p == source ? r : firstHop[p];
                        next.add(r);
                    }
                }
            }
            level = next;
        }
        return false;
    }

    private static TopologyGraph randomGraph(DeterministicRandom rng) {
        int n = 1 + rng.nextInt(MAX_PEERS);
        TreeMap<PeerName, List<ConnectionSummary>> reported = new TreeMap<>();
        for (int i = 1; i <= n; i++) {
            List<ConnectionSummary> connections = new ArrayList<>();
            int links = rng.nextInt(4);
            for (int k = 0; k < links; k++) {
                connections.add(new ConnectionSummary(new PeerName(1 + rng.nextInt(n + 2)), "", rng.chance(0.5),
                        rng.chance(0.8)));
            }
            reported.put(new PeerName(i), connections);
        }
        return TopologyGraph.of(reported);
    }
}
