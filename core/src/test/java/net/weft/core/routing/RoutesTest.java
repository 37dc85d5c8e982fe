package net.weft.core.routing;

import static net.weft.core.topology.TestTopology.peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.id.PeerName;
import net.weft.core.topology.TestTopology;
import net.weft.core.topology.TopologyGraph;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static Routes routes(int self, TestTopology topology) {
        return Routes.compute(peer(self), topology.graph());
    }

    @Test
    void onALineTheFarEndIsReachedThroughTheMiddle() {
        TestTopology line = new TestTopology().link(1, 2).link(2, 3);
        Routes r = routes(1, line);

        assertThat(r.unicast(peer(2))).contains(peer(2));
        assertThat(r.unicast(peer(3))).contains(peer(2));
        assertThat(r.unicast(peer(1))).as("no route to ourselves").isEmpty();
        assertThat(r.unicast(peer(9))).as("unknown peer").isEmpty();
        assertThat(r.unicastTable()).containsExactly(
                Map.entry(peer(1), PeerName.UNKNOWN), Map.entry(peer(2), peer(2)), Map.entry(peer(3), peer(2)));
        assertThat(r.reachable()).containsExactly(peer(2), peer(3));
    }

    @Test
    void onALineABroadcastIsPassedOnAwayFromItsSource() {
        TestTopology line = new TestTopology().link(1, 2).link(2, 3);

        assertThat(routes(1, line).broadcast(peer(1))).containsExactly(peer(2));
        assertThat(routes(2, line).broadcast(peer(1))).containsExactly(peer(3));
        assertThat(routes(3, line).broadcast(peer(1))).isEmpty();
        assertThat(routes(2, line).broadcast(peer(3))).containsExactly(peer(1));
        assertThat(routes(2, line).broadcast(peer(2))).containsExactly(peer(1), peer(3));
    }

    @Test
    void inATriangleEveryoneIsOneHopAwayAndTheSourceReachesAllAtOnce() {
        TestTopology triangle = new TestTopology().link(1, 2).link(2, 3).link(1, 3);
        Routes r = routes(1, triangle);

        assertThat(r.unicast(peer(2))).contains(peer(2));
        assertThat(r.unicast(peer(3))).contains(peer(3));
        assertThat(r.broadcast(peer(1))).containsExactly(peer(2), peer(3));
        assertThat(routes(2, triangle).broadcast(peer(1))).isEmpty();
        assertThat(routes(3, triangle).broadcast(peer(1))).isEmpty();
    }

    @Test
    void aOneSidedConnectionCarriesGossipFromItsReporterButNoData() {
        TestTopology oneSided = new TestTopology().oneSided(1, 2);

        Routes reporter = routes(1, oneSided);
        assertThat(reporter.unicast(peer(2))).isEmpty();
        assertThat(reporter.unicastAll(peer(2))).contains(peer(2));
        assertThat(reporter.broadcast(peer(1))).isEmpty();
        assertThat(reporter.broadcastAll(peer(1))).containsExactly(peer(2));
        assertThat(reporter.reachable()).isEmpty();
        assertThat(reporter.reachableAll()).containsExactly(peer(2));

        Routes other = routes(2, oneSided);
        assertThat(other.unicastAll(peer(1))).as("2 reports no connection").isEmpty();
    }

    @Test
    void aConnectionNotEstablishedAtBothEndsCarriesNoData() {
        TestTopology halfEstablished = new TestTopology().report(1, 2, true).report(2, 1, false);
        TestTopology pending = new TestTopology().pending(1, 2);

        for (TestTopology t : List.of(halfEstablished, pending)) {
            Routes r = routes(1, t);
            assertThat(r.unicast(peer(2))).isEmpty();
            assertThat(r.unicastAll(peer(2))).contains(peer(2));
            assertThat(r.unicastAllTable()).containsEntry(peer(2), peer(2));
            assertThat(r.unicastTable()).containsOnlyKeys(peer(1));
        }
    }

    @Test
    void amongEqualPathsTheLowestNamedPredecessorOnThePreviousLevelDecides() {
        // 1 -> {2, 3}; 2 -> 7, 3 -> 6; both 6 and 7 lead to 9. The lowest predecessor of 9 is 6, reached via 3.
        TestTopology diamond = new TestTopology().link(1, 2).link(1, 3).link(2, 7).link(3, 6).link(6, 9).link(7, 9);
        Routes r = routes(1, diamond);

        assertThat(r.unicast(peer(9))).contains(peer(3));
        assertThat(r.unicast(peer(7))).contains(peer(2));
        // Back from 9: level {2, 3} precedes 1, and 2 (reached via 7) sorts first, so the path differs.
        assertThat(routes(9, diamond).unicast(peer(1))).contains(peer(7));
    }

    @Test
    void peersFoundBySameLevelPeersSortingBeforeUsCountAsAlreadyReached() {
        // Source 1 reaches 2 and 3; both link to 4. 2 sorts first, so 4 is 2's child, not 3's.
        TestTopology square = new TestTopology().link(1, 2).link(1, 3).link(2, 4).link(3, 4);

        assertThat(routes(2, square).broadcast(peer(1))).containsExactly(peer(4));
        assertThat(routes(3, square).broadcast(peer(1))).isEmpty();
        assertThat(routes(4, square).broadcast(peer(1))).isEmpty();
    }

    @Test
    void aBroadcastFromAnUnknownOrUnreachableSourceGoesNowhere() {
        TestTopology split = new TestTopology().link(1, 2).link(3, 4);
        Routes r = routes(1, split);

        assertThat(r.broadcast(peer(3))).isEmpty();
        assertThat(r.broadcastAll(peer(3))).isEmpty();
        assertThat(r.broadcast(peer(99))).isEmpty();
        assertThat(r.broadcast(peer(2))).isEmpty();
    }

    @Test
    void broadcastHopsAreSortedByNameAndStableAcrossCalls() {
        TestTopology star = new TestTopology().link(1, 5).link(1, 3).link(1, 4).link(1, 2);
        Routes r = routes(1, star);

        List<PeerName> first = r.broadcast(peer(1));
        assertThat(first).containsExactly(peer(2), peer(3), peer(4), peer(5));
        assertThat(r.broadcast(peer(1))).isEqualTo(first);
    }

    @Test
    void aPeerMissingFromTheGraphHasOnlyItself() {
        Routes r = Routes.compute(peer(9), new TestTopology().link(1, 2).graph());

        assertThat(r.unicastTable()).containsExactly(Map.entry(peer(9), PeerName.UNKNOWN));
        assertThat(r.unicastAllTable()).containsExactly(Map.entry(peer(9), PeerName.UNKNOWN));
        assertThat(r.unicast(peer(1))).isEmpty();
        assertThat(r.broadcast(peer(1))).isEmpty();
        assertThat(r.reachableAll()).isEmpty();
        assertThat(r.randomNeighbours(PeerName.UNKNOWN, new net.weft.core.rng.SplitMix64(1))).isEmpty();
    }

    @Test
    void anEmptyGraphStillMapsUsToUnknown() {
        Routes r = Routes.compute(peer(1), TopologyGraph.of(new TreeMap<>()));
        assertThat(r.unicastTable()).containsExactly(Map.entry(peer(1), PeerName.UNKNOWN));
    }
}
