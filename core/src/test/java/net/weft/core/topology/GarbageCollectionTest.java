package net.weft.core.topology;

import static net.weft.core.topology.TestTopology.peer;
import static org.assertj.core.api.Assertions.assertThat;

import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import org.junit.jupiter.api.Test;

class GarbageCollectionTest {

    private static final PeerName US = peer(1);

    private final Peers table = new Peers(US, "us", new PeerUid(77), 1, 1000);

    /** Us (1) connected to 2, which gossips that it is connected to 3. */
    private void connectToLineOfThree() {
        table.reference(peer(2), "two", new PeerUid(1002), 2, true, true);
        table.addLocalConnection(peer(2), "10.0.0.2:6783", true, true);
        table.applyUpdate(new TestTopology().link(1, 2).link(2, 3).summaries().subList(1, 3));
    }

    @Test
    void nothingIsCollectedWhileEveryPeerIsReachable() {
        connectToLineOfThree();

        assertThat(table.garbageCollect()).isEmpty();
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void afterADisconnectThePeersBehindItGoButAReferencedPeerStays() {
        connectToLineOfThree();

        table.removeLocalConnection(peer(2));

        assertThat(table.garbageCollect()).containsExactly(peer(3));
        assertThat(table.get(peer(2))).as("the connection still holds its reference").isPresent();

        table.release(peer(2));
        assertThat(table.garbageCollect()).containsExactly(peer(2));
        assertThat(table.entries()).extracting(PeerEntry::name).containsExactly(US);
    }

    @Test
    void pendingAndOneSidedConnectionsStillCountForReachability() {
        table.reference(peer(2), "two", new PeerUid(1002), 2, true, true);
        table.addLocalConnection(peer(2), "10.0.0.2:6783", true, false);
        table.release(peer(2));
        table.applyUpdate(new TestTopology().report(2, 3, false).oneSided(3, 4).summaries().subList(0, 2));

        assertThat(table.garbageCollect()).isEmpty();
        assertThat(table.size()).isEqualTo(4);
    }

    @Test
    void aPeerThatOnlyReportsAConnectionToUsIsNotReachableFromUs() {
        table.applyUpdate(new TestTopology().oneSided(5, 1).summaries().subList(1, 2));
        assertThat(table.get(peer(5))).isPresent();

        assertThat(table.garbageCollect()).containsExactly(peer(5));
    }

    @Test
    void ourOwnEntryIsNeverCollected() {
        assertThat(table.garbageCollect()).isEmpty();
        assertThat(table.get(US)).isPresent();
    }

    @Test
    void collectedNamesAreSkippedByLateBoundSummaries() {
        connectToLineOfThree();
        table.removeLocalConnection(peer(2));
        table.garbageCollect();

        assertThat(table.summaries(java.util.List.of(peer(2), peer(3)))).extracting(s -> s.name())
                .containsExactly(peer(2));
    }
}
