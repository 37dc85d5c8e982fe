package net.weft.core.routing;

import static net.weft.core.topology.TestTopology.peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.id.PeerName;
import net.weft.core.rng.SplitMix64;
import net.weft.core.topology.TestTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomNeighboursTest {

    private static TestTopology fullMesh(int peers) {
        TestTopology t = new TestTopology().peers(1);
        for (int a = 1; a <= peers; a++) {
            for (int b = a + 1; b <= peers; b++) {
                t.link(a, b);
            }
        }
        return t;
    }

    /** Weave's examples (notes §4.5): floor(min(2·log2(N), distinct next hops)). */
    @ParameterizedTest(name = "full mesh of {0} -> {1} neighbours")
    @CsvSource({"1, 0", "2, 1", "3, 2", "4, 3", "7, 5", "100, 13"})
    void theFanOutGrowsWithTheLogarithmOfThePeerCount(int peers, int expected) {
        Routes r = Routes.compute(peer(1), fullMesh(peers).graph());

        List<PeerName> picked = r.randomNeighbours(PeerName.UNKNOWN, new SplitMix64(7));

        assertThat(picked).hasSize(expected).doesNotHaveDuplicates().isSorted().doesNotContain(peer(1));
    }

    @Test
    void theNeighbourAGossipCameFromIsNeverPicked() {
        Routes r = Routes.compute(peer(1), fullMesh(3).graph());
        SplitMix64 rng = new SplitMix64(3);

        for (int trial = 0; trial < 50; trial++) {
            assertThat(r.randomNeighbours(peer(2), rng)).containsExactly(peer(3));
        }
    }

    @Test
    void theSameGeneratorStateGivesTheSameChoice() {
        Routes r = Routes.compute(peer(1), fullMesh(30).graph());

        assertThat(r.randomNeighbours(PeerName.UNKNOWN, new SplitMix64(11)))
                .isEqualTo(r.randomNeighbours(PeerName.UNKNOWN, new SplitMix64(11)));
    }

    @Test
    void inAFullMeshEveryNeighbourIsPickedAboutEquallyOften() {
        Routes r = Routes.compute(peer(1), fullMesh(20).graph());
        SplitMix64 rng = new SplitMix64(5);
        Map<PeerName, Integer> picks = new TreeMap<>();
        int trials = 5000;
        for (int trial = 0; trial < trials; trial++) {
            for (PeerName p : r.randomNeighbours(PeerName.UNKNOWN, rng)) {
                picks.merge(p, 1, Integer::sum);
            }
        }
        double mean = trials * 8 / 19.0;
        assertThat(picks).hasSize(19);
        assertThat(picks.values()).allSatisfy(n -> assertThat(Math.abs(n - mean)).isLessThan(0.2 * mean));
    }

    @Test
    void aNeighbourLeadingToManyPeersIsPickedFarMoreOftenThanALeaf() {
        // 40 leaf neighbours (2..41) and one neighbour (50) with a chain of 200 peers behind it.
        TestTopology t = new TestTopology();
        for (int leaf = 2; leaf <= 41; leaf++) {
            t.link(1, leaf);
        }
        t.link(1, 50);
        for (int i = 50; i < 250; i++) {
            t.link(i, i + 1);
        }
        Routes r = Routes.compute(peer(1), t.graph());
        SplitMix64 rng = new SplitMix64(9);
        Map<PeerName, Integer> picks = new TreeMap<>();
        for (int trial = 0; trial < 200; trial++) {
            List<PeerName> chosen = r.randomNeighbours(PeerName.UNKNOWN, rng);
            assertThat(chosen).hasSize(15);
            chosen.forEach(p -> picks.merge(p, 1, Integer::sum));
        }
        int bottleneck = picks.get(peer(50));
        assertThat(bottleneck).isGreaterThan(190);
        picks.forEach((p, n) -> {
            if (!p.equals(peer(50))) {
                assertThat(n).isLessThan(bottleneck / 2);
            }
        });
    }

    @Test
    void log2IsExactForPowersOfTwo() {
        for (int e = 0; e < 31; e++) {
            assertThat(NeighbourSampler.log2(1 << e)).isEqualTo((double) e);
        }
        assertThat(NeighbourSampler.needed(8, 100)).isEqualTo(6);
    }
}
