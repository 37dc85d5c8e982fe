package net.weft.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.topology.TopologyGraph;
import net.weft.core.wire.ConnectionSummary;
import org.junit.jupiter.api.Test;

/** Route tables read from first-hop arrays are exactly the sorted maps and sets they stand for. */
class HopTableTest {

    private static final int MAX_PEERS = 12;

    @Test
    void the_tables_and_reachable_sets_equal_maps_built_entry_by_entry() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            DeterministicRandom rng = new SplitMix64(seed);
            TopologyGraph graph = randomGraph(rng);
            PeerName self = new PeerName(1 + rng.nextInt(MAX_PEERS + 2));
            Routes routes = Routes.compute(self, graph);

            TreeMap<PeerName, PeerName> table = new TreeMap<>();
            TreeMap<PeerName, PeerName> tableAll = new TreeMap<>();
            table.put(self, PeerName.UNKNOWN);
            tableAll.put(self, PeerName.UNKNOWN);
            for (int i = 0; i < graph.size(); i++) {
                PeerName p = graph.name(i);
                routes.unicast(p).ifPresent(hop -> table.put(p, hop));
                routes.unicastAll(p).ifPresent(hop -> tableAll.put(p, hop));
            }
            assertThat(routes.unicastTable()).hasSize(table.size());
            assertThat(routes.unicastAllTable()).hasSize(tableAll.size());
            assertSameSortedMap(routes.unicastTable(), table);
            assertSameSortedMap(routes.unicastAllTable(), tableAll);
            TreeSet<PeerName> reachable = new TreeSet<>(table.keySet());
            reachable.remove(self);
            assertThat(new ArrayList<>(routes.reachable())).isEqualTo(new ArrayList<>(reachable));
            assertThat(routes.reachable()).isEqualTo(reachable).hasSameHashCodeAs(reachable);
            assertThat(routes.reachable().contains(self)).isFalse();
            PeerName probe = new PeerName(1 + rng.nextInt(MAX_PEERS + 2));
            assertThat(routes.reachable().headSet(probe)).isEqualTo(reachable.headSet(probe));
        });
    }

    private static void assertSameSortedMap(java.util.SortedMap<PeerName, PeerName> actual,
            TreeMap<PeerName, PeerName> expected) {
        assertThat(actual).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(actual.firstKey()).isEqualTo(expected.firstKey());
        assertThat(actual.lastKey()).isEqualTo(expected.lastKey());
        for (long v = 0; v <= MAX_PEERS + 2; v++) {
            PeerName p = new PeerName(v + 1);
            assertThat(actual.get(p)).isEqualTo(expected.get(p));
            assertThat(actual.containsKey(p)).isEqualTo(expected.containsKey(p));
            assertThat(actual.headMap(p)).isEqualTo(expected.headMap(p));
            assertThat(actual.tailMap(p)).isEqualTo(expected.tailMap(p));
        }
    }

    private static TopologyGraph randomGraph(DeterministicRandom rng) {
        int n = 1 + rng.nextInt(MAX_PEERS);
        TreeMap<PeerName, List<ConnectionSummary>> reported = new TreeMap<>();
        for (int i = 1; i <= n; i++) {
            reported.put(new PeerName(i), new ArrayList<>());
        }
        for (Map.Entry<PeerName, List<ConnectionSummary>> e : reported.entrySet()) {
            int links = rng.nextInt(4);
            for (int k = 0; k < links; k++) {
                PeerName to = new PeerName(1 + rng.nextInt(n));
                e.getValue().add(new ConnectionSummary(to, "", rng.chance(0.5), rng.chance(0.8)));
            }
        }
        return TopologyGraph.of(reported);
    }
}
