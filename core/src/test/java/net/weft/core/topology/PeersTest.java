package net.weft.core.topology;

import static net.weft.core.topology.TestTopology.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.ParseResult;
import net.weft.core.wire.PeerSummary;
import org.junit.jupiter.api.Test;

class PeersTest {

    private static final PeerName US = peer(1);
    private static final PeerUid OUR_UID = new PeerUid(77);

    private final Peers table = new Peers(US, "us", OUR_UID, 42, 1000);

    @Test
    void aNewTableHoldsOnlyUsAtVersionZeroWithOurShortId() {
        assertThat(table.version()).isZero();
        assertThat(table.size()).isEqualTo(1);
        PeerEntry me = table.get(US).orElseThrow();
        assertThat(me.uid()).isEqualTo(OUR_UID);
        assertThat(me.shortId()).isEqualTo(42);
        assertThat(me.hasShortId()).isTrue();
        assertThat(me.connections()).isEmpty();
        assertThat(table.references(US)).isEqualTo(1);
    }

    @Test
    void everyChangeToOurConnectionsBumpsOurVersionByOne() {
        register(2);
        table.addLocalConnection(peer(2), "10.0.0.2:6783", true, false);
        assertThat(table.version()).isEqualTo(1);
        assertThat(table.setLocalEstablished(peer(2))).isTrue();
        assertThat(table.version()).isEqualTo(2);
        assertThat(table.get(US).orElseThrow().connections().get(peer(2)))
                .isEqualTo(new ConnectionSummary(peer(2), "10.0.0.2:6783", true, true));

        assertThat(table.setLocalEstablished(peer(2))).as("already established").isFalse();
        assertThat(table.setLocalEstablished(peer(3))).as("no such connection").isFalse();
        assertThat(table.version()).isEqualTo(2);

        assertThat(table.removeLocalConnection(peer(2))).isTrue();
        assertThat(table.version()).isEqualTo(3);
        assertThat(table.removeLocalConnection(peer(2))).isFalse();
        assertThat(table.version()).isEqualTo(3);
        assertThat(table.get(US).orElseThrow().connections()).isEmpty();
    }

    @Test
    void addingAConnectionToAnUnregisteredPeerIsOurBug() {
        assertThatThrownBy(() -> table.addLocalConnection(peer(9), "x:1", false, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandshakeWithANewPeerCreatesItFromTheHandshake() {
        ParseResult<Registration> r = table.reference(peer(2), "two", new PeerUid(5), 7, true, true);

        assertThat(r.value().created()).isTrue();
        assertThat(r.value().restarted()).isFalse();
        assertThat(table.get(peer(2)).orElseThrow())
                .isEqualTo(new PeerEntry(peer(2), "two", new PeerUid(5), 0, 7, true, new java.util.TreeMap<>()));
        assertThat(table.references(peer(2))).isEqualTo(1);
    }

    @Test
    void aHandshakeWithAKnownPeerReportsWhetherItRestarted() {
        table.applyUpdate(List.of(summary(2, 5, 3)));

        Registration same = table.reference(peer(2), "other-nick", new PeerUid(5), 0, true, false).value();
        assertThat(same.created()).isFalse();
        assertThat(same.restarted()).isFalse();

        Registration restarted = table.reference(peer(2), "two", new PeerUid(6), 0, true, false).value();
        assertThat(restarted.restarted()).isTrue();
        assertThat(restarted.peer().uid()).as("the stored record stays until gossip replaces it")
                .isEqualTo(new PeerUid(5));
        assertThat(table.references(peer(2))).isEqualTo(2);
    }

    @Test
    void aPlaceholderCountsAsARestartedPeerWhenItsHandshakeArrives() {
        table.applyUpdate(List.of(new TestTopology().link(2, 3).summaries().get(0)));
        assertThat(table.get(peer(3)).orElseThrow().isPlaceholder()).isTrue();

        Registration r = table.reference(peer(3), "three", new PeerUid(9), 0, true, false).value();

        assertThat(r.created()).isFalse();
        assertThat(r.restarted()).isTrue();
    }

    @Test
    void aDiscoveredConnectionMayNotIntroduceAnUnknownPeer() {
        ParseResult<Registration> r = table.reference(peer(2), "two", new PeerUid(5), 0, true, false);

        assertThat(r.reason()).isEqualTo("Found unknown remote name: 00:00:00:00:00:02");
        assertThat(table.get(peer(2))).isEmpty();
        assertThat(table.references(peer(2))).isZero();
    }

    @Test
    void aHandshakeWithOurOwnNameIsRefused() {
        assertThat(table.reference(US, "us", OUR_UID, 0, true, true).reason()).isEqualTo("cannot connect to ourself");
        assertThat(table.reference(US, "imposter", new PeerUid(8), 0, true, true).reason())
                .contains("peer names collision");
        assertThat(table.references(US)).isEqualTo(1);
    }

    @Test
    void aFullTableRefusesANewPeerButStillAcceptsKnownOnes() {
        Peers small = new Peers(US, "us", OUR_UID, 0, 2);
        assertThat(small.reference(peer(2), "two", new PeerUid(5), 0, true, true).isOk()).isTrue();

        assertThat(small.reference(peer(3), "three", new PeerUid(6), 0, true, true).reason())
                .contains("peer table full");
        assertThat(small.reference(peer(2), "two", new PeerUid(5), 0, true, true).isOk()).isTrue();
    }

    @Test
    void releasingCountsDownAndReleasingTooOftenIsOurBug() {
        register(2);
        register(2);
        table.release(peer(2));
        assertThat(table.references(peer(2))).isEqualTo(1);
        table.release(peer(2));
        assertThat(table.references(peer(2))).isZero();
        assertThatThrownBy(() -> table.release(peer(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.release(US)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void summariesEncodeTheCurrentStateOfTheNamesStillPresentInNameOrder() {
        table.applyUpdate(new TestTopology().link(1, 2).link(2, 3).summaries());

        List<PeerSummary> got = table.summaries(List.of(peer(3), peer(99), peer(2)));

        assertThat(got).extracting(PeerSummary::name).containsExactly(peer(2), peer(3));
        assertThat(got.get(0).connections()).extracting(ConnectionSummary::to).containsExactly(peer(1), peer(3));
        assertThat(table.allSummaries()).extracting(PeerSummary::name).containsExactly(US, peer(2), peer(3));
    }

    @Test
    void theGraphSnapshotFollowsTheTableAndIsImmutable() {
        TopologyGraph before = table.graph();
        assertThat(table.graph()).as("cached while nothing changes").isSameAs(before);
        register(2);
        table.addLocalConnection(peer(2), "a:1", true, true);

        TopologyGraph after = table.graph();
        assertThat(before.size()).isEqualTo(1);
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.degree(EdgeFilter.ALL_REPORTED, after.indexOf(US))).isEqualTo(1);
        assertThat(after.degree(EdgeFilter.SYMMETRIC_ESTABLISHED, after.indexOf(US))).as("2 reports nothing yet")
                .isZero();
    }

    private void register(int name) {
        assertThat(table.reference(peer(name), "p" + name, new PeerUid(name + 1000), name, true, true).isOk())
                .isTrue();
    }

    private static PeerSummary summary(int name, long uid, long version) {
        return new PeerSummary(peer(name), "p" + name, uid, version, name, true, List.of());
    }
}
