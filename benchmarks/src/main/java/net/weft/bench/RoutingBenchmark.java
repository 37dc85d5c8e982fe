package net.weft.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.routing.Routes;
import net.weft.core.topology.Peers;
import net.weft.core.topology.TopologyGraph;
import net.weft.core.topology.UpdateResult;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the control plane's two topology computations on random partial meshes (every peer dials two random
 * others, so the mean degree is about 4, every connection established at both ends):
 * <ul>
 *   <li>route recalculation: the unicast and gossip tables of one peer from a graph snapshot, with and without
 *       building the snapshot from the topology entries first;</li>
 *   <li>topology merge: a full-table update (what a new neighbour sends) applied to a fresh table.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/weft-benchmarks.jar RoutingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingBenchmark {

    /** Each peer dials this many random others. */
    private static final int DIALS_PER_PEER = 2;
    /** Fixed, so every run measures the same meshes. */
    private static final long SEED = 0x5EED;

    @Param({"100", "1000", "10000"})
    public int peers;

    private List<PeerSummary> fullTable;
    private TopologyGraph graph;
    private PeerName self;

    /** Draws the mesh once per parameter value. */
    @Setup
    public void drawMesh() {
        DeterministicRandom rng = new SplitMix64(SEED);
        TreeSet<PeerName> names = new TreeSet<>();
        while (names.size() < peers) {
            long v = rng.nextLong() & PeerName.MASK;
            if (v != 0) {
                names.add(new PeerName(v));
            }
        }
        List<PeerName> ordered = new ArrayList<>(names);
        TreeMap<PeerName, TreeMap<PeerName, ConnectionSummary>> reported = new TreeMap<>();
        ordered.forEach(n -> reported.put(n, new TreeMap<>()));
        for (PeerName from : ordered) {
            for (int d = 0; d < DIALS_PER_PEER; d++) {
                PeerName to = ordered.get(rng.nextInt(peers));
                if (!to.equals(from)) {
                    reported.get(from).put(to, new ConnectionSummary(to, "10.0.0.1:6783", true, true));
                    reported.get(to).put(from, new ConnectionSummary(from, "10.0.0.2:41234", false, true));
                }
            }
        }
        fullTable = new ArrayList<>();
        reported.forEach((name, conns) -> fullTable.add(new PeerSummary(name, "host", name.value() + 1, 7,
                (int) (name.value() & 0xFFF), true, new ArrayList<>(conns.values()))));
        graph = TopologyGraph.fromSummaries(fullTable);
        self = ordered.get(peers / 2);
    }

    /** Both route tables of one peer from an existing snapshot. */
    @Benchmark
    public Routes computeRoutes() {
        return Routes.compute(self, graph);
    }

    /** What a recalculation after a topology change costs: snapshot the entries, then compute the tables. */
    @Benchmark
    public Routes snapshotAndComputeRoutes() {
        return Routes.compute(self, TopologyGraph.fromSummaries(fullTable));
    }

    /** A new neighbour's complete topology merged into a table that holds only ourselves. */
    @Benchmark
    public UpdateResult mergeFullTableIntoFreshTable() {
        Peers table = new Peers(new PeerName(1), "bench", new PeerUid(42), 1, peers + 1);
        return table.applyUpdate(fullTable);
    }
}
