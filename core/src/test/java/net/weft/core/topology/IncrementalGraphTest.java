package net.weft.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;
import org.junit.jupiter.api.Test;

/** The graph the table updates row by row equals the graph built afresh from its entries, after every change. */
class IncrementalGraphTest {

    private static final PeerName US = new PeerName(1);
    private static final int NAMES = 8;
    private static final int STEPS = 30;

    @Test
    void the_incrementally_updated_graph_equals_a_fresh_one() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            DeterministicRandom rng = new SplitMix64(seed);
            Peers table = new Peers(US, "us", new PeerUid(7), 1, 100);
            for (int step = 0; step < STEPS; step++) {
                change(table, rng);
                if (rng.chance(0.2)) {
                    table.garbageCollect();
                }
                assertSameGraph(table.graph(), TopologyGraph.ofEntries(table.entries()));
            }
        });
    }

    @Test
    void the_graph_has_exactly_the_edges_the_entries_report_between_peers_in_the_table() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            DeterministicRandom rng = new SplitMix64(seed);
            Peers table = new Peers(US, "us", new PeerUid(7), 1, 100);
            for (int step = 0; step < STEPS; step++) {
                change(table, rng);
                if (rng.chance(0.2)) {
                    table.garbageCollect();
                }
                if (rng.chance(0.4)) {
                    continue;
                }
                assertNaiveGraph(table.graph(), table.entries());
                assertNaiveGraph(TopologyGraph.ofEntries(table.entries()), table.entries());
            }
        });
    }

    /**
     * Checks {@code g} against the definition, edge by edge with sets: a row holds the indices of the names the
     * entry's connections lead to (established ones only for the symmetric filter, and then only where the other
     * end reports an established connection back), names outside the table and the entry itself left out.
     */
    private static void assertNaiveGraph(TopologyGraph g, List<PeerEntry> entries) {
        List<PeerName> names = new ArrayList<>();
        for (PeerEntry e : entries) {
            names.add(e.name());
        }
        assertThat(g.size()).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(g.name(i)).isEqualTo(names.get(i));
            assertThat(row(g, EdgeFilter.ALL_REPORTED, i)).isEqualTo(naiveRow(entries, names, i, false));
            List<Integer> symmetric = new ArrayList<>();
            for (int j : naiveRow(entries, names, i, true)) {
                if (naiveRow(entries, names, j, true).contains(i)) {
                    symmetric.add(j);
                }
            }
            assertThat(row(g, EdgeFilter.SYMMETRIC_ESTABLISHED, i)).isEqualTo(symmetric);
        }
    }

    private static List<Integer> naiveRow(List<PeerEntry> entries, List<PeerName> names, int i,
            boolean establishedOnly) {
        java.util.TreeSet<Integer> targets = new java.util.TreeSet<>();
        for (ConnectionSummary c : entries.get(i).connections().values()) {
            int j = names.indexOf(c.to());
            if (j >= 0 && j != i && (!establishedOnly || c.established())) {
                targets.add(j);
            }
        }
        return new ArrayList<>(targets);
    }

    private static void change(Peers table, DeterministicRandom rng) {
        if (rng.chance(0.3)) {
            PeerName remote = new PeerName(2 + rng.nextInt(NAMES - 1));
            if (table.get(remote).isEmpty() || rng.chance(0.5)) {
                table.reference(remote, "", new PeerUid(3), 0, false, true);
            }
            if (rng.chance(0.5)) {
                table.addLocalConnection(remote, "a", rng.chance(0.5), rng.chance(0.5));
            } else if (!table.setLocalEstablished(remote)) {
                table.removeLocalConnection(remote);
            }
            return;
        }
        List<PeerSummary> update = new ArrayList<>();
        int entries = 1 + rng.nextInt(3);
        for (int i = 0; i < entries; i++) {
            PeerName name = new PeerName(2 + rng.nextInt(NAMES - 1));
            List<ConnectionSummary> connections = new ArrayList<>();
            int count = rng.nextInt(4);
            for (int k = 0; k < count; k++) {
                connections.add(new ConnectionSummary(new PeerName(1 + rng.nextInt(NAMES + 2)), "",
                        rng.chance(0.5), rng.chance(0.7)));
            }
            update.add(new PeerSummary(name, "", 5, 1 + rng.nextInt(1000), 0, false, connections));
        }
        table.applyUpdate(update);
    }

    private static void assertSameGraph(TopologyGraph actual, TopologyGraph expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.name(i)).isEqualTo(expected.name(i));
            for (EdgeFilter f : EdgeFilter.values()) {
                assertThat(row(actual, f, i)).as("%s row %d", f, i).isEqualTo(row(expected, f, i));
            }
        }
    }

    private static List<Integer> row(TopologyGraph g, EdgeFilter f, int i) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < g.degree(f, i); k++) {
            out.add(g.neighbour(f, i, k));
        }
        return out;
    }
}
