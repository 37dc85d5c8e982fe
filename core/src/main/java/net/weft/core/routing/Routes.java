package net.weft.core.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.topology.EdgeFilter;
import net.weft.core.topology.TopologyGraph;

/**
 * One peer's routes over one topology snapshot: where to send a frame or gossip for a destination, and where to
 * pass on a broadcast from a source. Two sets of tables exist, as in Weave: the data-plane ones follow only
 * connections both ends report established ({@link EdgeFilter#SYMMETRIC_ESTABLISHED}); the gossip ones
 * ("All") follow every reported connection ({@link EdgeFilter#ALL_REPORTED}).
 *
 * <p>Built by {@link #compute}, a pure function of our name and the graph, and never changed afterwards.
 * Broadcast hops for each source are worked out on first request and cached, which is invisible from outside;
 * like the rest of the core, an instance is used by one thread.
 */
public final class Routes implements net.weft.core.forward.RouteLookup {

    private final PeerName self;
    private final TopologyGraph graph;
    private final int selfIndex;
    private final int[] firstHop;
    private final int[] firstHopAll;
    private final int reached;
    private final int reachedAll;
    private final Map<PeerName, List<PeerName>> broadcastCache = new HashMap<>();
    private final Map<PeerName, List<PeerName>> broadcastAllCache = new HashMap<>();
    private SortedMap<PeerName, PeerName> unicastTable;
    private SortedMap<PeerName, PeerName> unicastAllTable;
    private SortedSet<PeerName> reachable;
    private SortedSet<PeerName> reachableAll;
    private int[] gossipHops;
    private int[] gossipHopWeights;
    private int gossipPeerCount;

    private Routes(PeerName self, TopologyGraph graph, int selfIndex, int[] firstHop, int[] firstHopAll,
            int reached, int reachedAll) {
        this.self = self;
        this.graph = graph;
        this.selfIndex = selfIndex;
        this.firstHop = firstHop;
        this.firstHopAll = firstHopAll;
        this.reached = reached;
        this.reachedAll = reachedAll;
    }

    /** The routes of {@code self} over {@code graph}; a peer missing from the graph can reach nobody. */
    public static Routes compute(PeerName self, TopologyGraph graph) {
        int selfIndex = graph.indexOf(self);
        int[] firstHop = new int[graph.size()];
        int[] firstHopAll = new int[graph.size()];
        int reached = 0;
        int reachedAll = 0;
        if (selfIndex == TopologyGraph.ABSENT) {
            Arrays.fill(firstHop, Bfs.UNSEEN);
            Arrays.fill(firstHopAll, Bfs.UNSEEN);
        } else {
            reached = Bfs.searchAll(graph, EdgeFilter.SYMMETRIC_ESTABLISHED, selfIndex, firstHop);
            reachedAll = Bfs.searchAll(graph, EdgeFilter.ALL_REPORTED, selfIndex, firstHopAll);
        }
        return new Routes(self, graph, selfIndex, firstHop, firstHopAll, reached, reachedAll);
    }

    /** The peer these routes belong to. */
    public PeerName self() {
        return self;
    }

    /** The snapshot these routes were computed from. */
    public TopologyGraph graph() {
        return graph;
    }

    /** Data plane: the neighbour to send to for {@code dst}; empty for ourselves and unreachable peers. */
    public Optional<PeerName> unicast(PeerName dst) {
        return hop(firstHop, dst);
    }

    /** Gossip: the neighbour to send to for {@code dst} over all reported connections. */
    public Optional<PeerName> unicastAll(PeerName dst) {
        return hop(firstHopAll, dst);
    }

    /** Data plane: destination to next hop, ourselves mapped to {@link PeerName#UNKNOWN} as in Weave. */
    public SortedMap<PeerName, PeerName> unicastTable() {
        if (unicastTable == null) {
            unicastTable = table(firstHop, reached);
        }
        return unicastTable;
    }

    /** Gossip: destination to next hop over all reported connections, ourselves mapped to UNKNOWN. */
    public SortedMap<PeerName, PeerName> unicastAllTable() {
        if (unicastAllTable == null) {
            unicastAllTable = table(firstHopAll, reachedAll);
        }
        return unicastAllTable;
    }

    /**
     * Data plane: the neighbours to pass a broadcast from {@code source} on to, sorted by name; empty when the
     * source is unknown or cannot reach us. For ourselves as source: all our neighbours.
     */
    public List<PeerName> broadcast(PeerName source) {
        return cachedBroadcast(broadcastCache, EdgeFilter.SYMMETRIC_ESTABLISHED, source);
    }

    /** Gossip: the neighbours to pass a broadcast from {@code source} on to over all reported connections. */
    public List<PeerName> broadcastAll(PeerName source) {
        return cachedBroadcast(broadcastAllCache, EdgeFilter.ALL_REPORTED, source);
    }

    /** Data plane: the peers we have a route to, ourselves excluded. */
    public SortedSet<PeerName> reachable() {
        if (reachable == null) {
            reachable = reached(firstHop, reached);
        }
        return reachable;
    }

    /** Gossip: the peers we can reach over all reported connections, ourselves excluded. */
    public SortedSet<PeerName> reachableAll() {
        if (reachableAll == null) {
            reachableAll = reached(firstHopAll, reachedAll);
        }
        return reachableAll;
    }

    /**
     * The neighbours periodic or relayed gossip goes to (notes §4.5): {@code floor(min(2·log2(N), H))} of the
     * H distinct gossip next hops other than {@code except}, N counting every peer with a gossip route and
     * ourselves, drawn without replacement with weights equal to the number of destinations routed through each.
     *
     * @param except the neighbour the gossip came from, or {@link PeerName#UNKNOWN}
     * @return the chosen neighbours, sorted by name; the same for the same {@code rng} state
     */
    public List<PeerName> randomNeighbours(PeerName except, DeterministicRandom rng) {
        if (gossipHops == null) {
            countGossipHops();
        }
        int exceptIndex = graph.indexOf(except);
        int[] hops = new int[gossipHops.length];
        int[] weights = new int[gossipHops.length];
        int candidates = 0;
        for (int k = 0; k < gossipHops.length; k++) {
            if (gossipHops[k] != exceptIndex) {
                hops[candidates] = gossipHops[k];
                weights[candidates++] = gossipHopWeights[k];
            }
        }
        int needed = NeighbourSampler.needed(gossipPeerCount, candidates);
        int[] picked = NeighbourSampler.pick(Arrays.copyOf(weights, candidates), needed, rng);
        List<PeerName> out = new ArrayList<>(needed);
        for (int position : picked) {
            out.add(graph.name(hops[position]));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Counts, once per snapshot, how many destinations each gossip next hop leads to (ascending hop index) and
     * how many peers have a gossip route: {@link #randomNeighbours} then only leaves out the excepted hop.
     */
    private void countGossipHops() {
        int[] weightByHop = new int[graph.size()];
        int peerCount = 1;
        for (int dst = 0; dst < firstHopAll.length; dst++) {
            int hop = firstHopAll[dst];
            if (hop != Bfs.UNSEEN && dst != selfIndex) {
                peerCount++;
                weightByHop[hop]++;
            }
        }
        int distinct = 0;
        for (int w : weightByHop) {
            distinct += w > 0 ? 1 : 0;
        }
        int[] hops = new int[distinct];
        int[] weights = new int[distinct];
        int k = 0;
        for (int hop = 0; hop < weightByHop.length; hop++) {
            if (weightByHop[hop] > 0) {
                hops[k] = hop;
                weights[k++] = weightByHop[hop];
            }
        }
        gossipPeerCount = peerCount;
        gossipHopWeights = weights;
        gossipHops = hops;
    }

    private Optional<PeerName> hop(int[] hops, PeerName dst) {
        int i = graph.indexOf(dst);
        if (i == TopologyGraph.ABSENT || i == selfIndex || hops[i] == Bfs.UNSEEN) {
            return Optional.empty();
        }
        return Optional.of(graph.name(hops[i]));
    }

    private SortedMap<PeerName, PeerName> table(int[] hops, int reachedCount) {
        if (selfIndex != TopologyGraph.ABSENT) {
            return new HopTable(graph, hops, selfIndex, true, reachedCount);
        }
        TreeMap<PeerName, PeerName> out = new TreeMap<>();
        out.put(self, PeerName.UNKNOWN);
        return Collections.unmodifiableSortedMap(out);
    }

    private SortedSet<PeerName> reached(int[] hops, int reachedCount) {
        if (selfIndex != TopologyGraph.ABSENT) {
            return new HopTable(graph, hops, selfIndex, false, reachedCount).sortedKeys();
        }
        TreeSet<PeerName> out = new TreeSet<>();
        for (int i = 0; i < hops.length; i++) {
            if (hops[i] != Bfs.UNSEEN && i != selfIndex) {
                out.add(graph.name(i));
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    private List<PeerName> cachedBroadcast(Map<PeerName, List<PeerName>> cache, EdgeFilter filter, PeerName source) {
        int sourceIndex = graph.indexOf(source);
        if (sourceIndex == TopologyGraph.ABSENT || selfIndex == TopologyGraph.ABSENT) {
            return List.of();
        }
        return cache.computeIfAbsent(source, s -> broadcastHops(filter, sourceIndex));
    }

    private List<PeerName> broadcastHops(EdgeFilter filter, int sourceIndex) {
        int[] hops = Bfs.broadcastHops(graph, filter, sourceIndex, selfIndex);
        List<PeerName> out = new ArrayList<>(hops.length);
        for (int h : hops) {
            out.add(graph.name(h));
        }
        return Collections.unmodifiableList(out);
    }
}
