package net.weft.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;
import net.weft.core.topology.TopologyGraph;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

/**
 * Routing properties on random partial meshes of up to 200 peers, each peer computing its own routes from the same
 * global topology, checked against JGraphT's breadth-first shortest paths as an independent oracle.
 */
class RoutesPropertiesTest {

    private static final int MAX_PEERS = 200;
    private static final int EXAMPLES = 15;
    private static final int BROADCAST_SOURCES_PER_GRAPH = 5;
    /** Hop-by-hop walks are checked from every source to this many sampled destinations per graph. */
    private static final int WALKED_DESTINATIONS_PER_GRAPH = 20;

    @Test
    void dataPlaneNextHopsFollowShortestPathsAndNeverLoop() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, MAX_PEERS)).checkAssert((seed, n) -> {
            RandomTopology t = RandomTopology.generate(seed, n);
            Map<PeerName, Routes> routes = routesOfEveryPeer(t);
            Graph<PeerName, DefaultEdge> oracle = symmetricEstablished(t.summaries);
            checkShortestAndLoopFree(t, oracle, routes, Routes::unicast, seed);
        });
    }

    @Test
    void gossipNextHopsFollowShortestPathsOverAllReportedConnections() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, MAX_PEERS)).checkAssert((seed, n) -> {
            RandomTopology t = RandomTopology.generate(seed, n);
            Map<PeerName, Routes> routes = routesOfEveryPeer(t);
            Graph<PeerName, DefaultEdge> oracle = allReported(t.summaries);
            checkShortestAndLoopFree(t, oracle, routes, Routes::unicastAll, seed);
        });
    }

    @Test
    void inAStableTopologyEachBroadcastReachesEveryReachablePeerExactlyOnce() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(1, MAX_PEERS)).checkAssert((seed, n) -> {
            RandomTopology t = RandomTopology.generate(seed, n);
            Map<PeerName, Routes> routes = routesOfEveryPeer(t);
            Graph<PeerName, DefaultEdge> oracle = symmetricEstablished(t.summaries);
            SplitMix64 rng = new SplitMix64(seed);
            for (int i = 0; i < BROADCAST_SOURCES_PER_GRAPH; i++) {
                PeerName source = t.names.get(rng.nextInt(n));
                Map<PeerName, Integer> receipts = relayBroadcast(source, routes, n);
                SingleSourcePaths<PeerName, DefaultEdge> paths = new BFSShortestPath<>(oracle).getPaths(source);
                for (PeerName p : t.names) {
                    boolean reachable = !p.equals(source) && paths.getPath(p) != null;
                    assertThat(receipts.getOrDefault(p, 0)).as("receipts at %s of broadcast from %s", p, source)
                            .isEqualTo(reachable ? 1 : 0);
                }
            }
        });
    }

    private interface NextHop {
        Optional<PeerName> of(Routes routes, PeerName dst);
    }

    /**
     * Every next hop is a neighbour one step closer to the destination (by the oracle); walking next hops from every
     * source to sampled destinations arrives in exactly the oracle's distance.
     */
    private static void checkShortestAndLoopFree(RandomTopology t, Graph<PeerName, DefaultEdge> oracle,
            Map<PeerName, Routes> routes, NextHop nextHop, long seed) {
        SplitMix64 rng = new SplitMix64(~seed);
        Set<PeerName> walked = new TreeSet<>();
        for (int i = 0; i < WALKED_DESTINATIONS_PER_GRAPH; i++) {
            walked.add(t.names.get(rng.nextInt(t.names.size())));
        }
        Map<PeerName, SingleSourcePaths<PeerName, DefaultEdge>> pathsFrom = new HashMap<>();
        BFSShortestPath<PeerName, DefaultEdge> bfs = new BFSShortestPath<>(oracle);
        for (PeerName p : t.names) {
            pathsFrom.put(p, bfs.getPaths(p));
        }
        for (PeerName src : t.names) {
            for (PeerName dst : t.names) {
                double distance = pathsFrom.get(src).getWeight(dst);
                Optional<PeerName> hop = nextHop.of(routes.get(src), dst);
                if (src.equals(dst) || Double.isInfinite(distance)) {
                    assertThat(hop).as("no route %s -> %s", src, dst).isEmpty();
                    continue;
                }
                assertThat(hop).as("route %s -> %s", src, dst).isPresent();
                assertThat(oracle.containsEdge(src, hop.get())).as("next hop is a neighbour").isTrue();
                assertThat(pathsFrom.get(hop.get()).getWeight(dst)).isEqualTo(distance - 1);
                if (walked.contains(dst)) {
                    assertThat(hopsFollowed(src, dst, routes, nextHop, t.names.size())).isEqualTo((int) distance);
                }
            }
        }
    }

    private static int hopsFollowed(PeerName src, PeerName dst, Map<PeerName, Routes> routes, NextHop nextHop,
            int limit) {
        PeerName at = src;
        int hops = 0;
        while (!at.equals(dst) && hops <= limit) {
            at = nextHop.of(routes.get(at), dst).orElseThrow();
            hops++;
        }
        return hops;
    }

    private static Map<PeerName, Integer> relayBroadcast(PeerName source, Map<PeerName, Routes> routes, int n) {
        Map<PeerName, Integer> receipts = new TreeMap<>();
        ArrayDeque<PeerName> inFlight = new ArrayDeque<>(routes.get(source).broadcast(source));
        int deliveries = 0;
        while (!inFlight.isEmpty() && deliveries++ < n * n) {
            PeerName at = inFlight.poll();
            receipts.merge(at, 1, Integer::sum);
            inFlight.addAll(routes.get(at).broadcast(source));
        }
        return receipts;
    }

    private static Map<PeerName, Routes> routesOfEveryPeer(RandomTopology t) {
        TopologyGraph graph = TopologyGraph.fromSummaries(t.summaries);
        Map<PeerName, Routes> out = new HashMap<>();
        for (PeerName p : t.names) {
            out.put(p, Routes.compute(p, graph));
        }
        return out;
    }

    private static Graph<PeerName, DefaultEdge> symmetricEstablished(List<PeerSummary> summaries) {
        Map<PeerName, Map<PeerName, Boolean>> established = new TreeMap<>();
        Graph<PeerName, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (PeerSummary s : summaries) {
            g.addVertex(s.name());
            Map<PeerName, Boolean> mine = new TreeMap<>();
            for (ConnectionSummary c : s.connections()) {
                mine.put(c.to(), c.established());
            }
            established.put(s.name(), mine);
        }
        established.forEach((from, conns) -> conns.forEach((to, ok) -> {
            if (ok && established.get(to).getOrDefault(from, false)) {
                g.addEdge(from, to);
            }
        }));
        return g;
    }

    private static Graph<PeerName, DefaultEdge> allReported(List<PeerSummary> summaries) {
        Graph<PeerName, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        summaries.forEach(s -> g.addVertex(s.name()));
        for (PeerSummary s : summaries) {
            for (ConnectionSummary c : s.connections()) {
                g.addEdge(s.name(), c.to());
            }
        }
        return g;
    }
}
