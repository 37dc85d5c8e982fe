package net.weft.viz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/** The layout is deterministic, stays in its box, spreads peers apart and holds still when nothing is new. */
class ForceLayoutTest {

    private static List<PeerName> peers(int n) {
        List<PeerName> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new PeerName(i));
        }
        return out;
    }

    private static List<PeerPair> ring(List<PeerName> p) {
        List<PeerPair> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            out.add(PeerPair.of(p.get(i), p.get((i + 1) % p.size())));
        }
        return out;
    }

    @Test
    void theSameMeshAlwaysGetsTheSamePicture() {
        qt().withExamples(5).forAll(integers().between(3, 60)).checkAssert(n -> {
            ForceLayout a = new ForceLayout();
            ForceLayout b = new ForceLayout();
            a.update(peers(n), ring(peers(n)));
            b.update(peers(n), ring(peers(n)));
            assertThat(a.positions()).usingRecursiveComparison().isEqualTo(b.positions());
        });
    }

    @Test
    void peersStayInsideTheBoxAndApartFromEachOther() {
        qt().withExamples(5).forAll(integers().between(5, 150)).checkAssert(n -> {
            ForceLayout l = new ForceLayout();
            l.update(peers(n), ring(peers(n)));
            List<double[]> xy = new ArrayList<>(l.positions().values());
            for (double[] p : xy) {
                assertThat(p[0]).isBetween(0.0, l.side());
                assertThat(p[1]).isBetween(0.0, l.side());
            }
            long overlapping = 0;
            for (int i = 0; i < xy.size(); i++) {
                for (int j = i + 1; j < xy.size(); j++) {
                    overlapping += Math.hypot(xy.get(i)[0] - xy.get(j)[0], xy.get(i)[1] - xy.get(j)[1])
                            < Styles.PEER_RADIUS ? 1 : 0;
                }
            }
            assertThat(overlapping).as("pairs of peers drawn on top of each other").isLessThanOrEqualTo(n / 20);
        });
    }

    @Test
    void cuttingAnEdgeOrSeeingTheSameMeshAgainMovesNothing() {
        ForceLayout l = new ForceLayout();
        List<PeerName> p = peers(10);
        l.update(p, ring(p));
        var before = l.positions();
        assertThat(l.update(p, ring(p).subList(1, 10))).isFalse();
        assertThat(l.positions()).usingRecursiveComparison().isEqualTo(before);
        assertThat(l.layouts()).isEqualTo(1);
    }

    @Test
    void aJoiningPeerIsPlacedWithoutScramblingTheRest() {
        ForceLayout l = new ForceLayout();
        List<PeerName> p = peers(12);
        l.update(p, ring(p));
        var before = l.positions();
        List<PeerName> more = peers(13);
        List<PeerPair> edges = new ArrayList<>(ring(p));
        edges.add(PeerPair.of(more.get(12), more.get(0)));
        assertThat(l.update(more, edges)).isTrue();
        double moved = 0;
        for (PeerName q : p) {
            moved += Math.hypot(before.get(q)[0] - l.position(q)[0], before.get(q)[1] - l.position(q)[1]);
        }
        assertThat(moved / p.size()).as("mean move of old peers").isLessThan(l.side() / 4);
    }

    @Test
    void fiveHundredPeersAreLaidOut() {
        ForceLayout l = new ForceLayout();
        List<PeerName> p = peers(500);
        l.update(p, ring(p));
        assertThat(l.positions()).hasSize(500);
    }
}
