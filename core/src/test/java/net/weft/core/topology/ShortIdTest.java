package net.weft.core.topology;

import static net.weft.core.topology.TestTopology.peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.rng.SplitMix64;
import net.weft.core.wire.PeerSummary;
import org.junit.jupiter.api.Test;

class ShortIdTest {

    private static final PeerName US = new PeerName(0x50_0000);
    private static final int OUR_SHORT_ID = 42;

    private final Peers table = new Peers(US, "us", new PeerUid(77), OUR_SHORT_ID, 10_000);

    private static PeerSummary claiming(long name, int shortId) {
        return new PeerSummary(new PeerName(name), "p", name + 1, 1, shortId, true, List.of());
    }

    @Test
    void weOwnOurShortIdUntilALowerNamedPeerClaimsIt() {
        assertThat(table.ownsShortId()).isTrue();
        assertThat(table.peerByShortId(OUR_SHORT_ID)).contains(US);

        table.applyUpdate(List.of(claiming(0x60_0000, OUR_SHORT_ID)));
        assertThat(table.ownsShortId()).as("a higher name only collides").isTrue();
        assertThat(table.reassignShortIdIfLost(new SplitMix64(1))).isEmpty();

        table.applyUpdate(List.of(claiming(0x40_0000, OUR_SHORT_ID)));
        assertThat(table.ownsShortId()).isFalse();
        assertThat(table.peerByShortId(OUR_SHORT_ID)).contains(new PeerName(0x40_0000));
    }

    @Test
    void losingOurShortIdMakesUsPickAFreeOneAndBumpOurVersion() {
        table.applyUpdate(List.of(claiming(0x40_0000, OUR_SHORT_ID), claiming(0x41_0000, 7)));
        long before = table.version();

        OptionalInt chosen = table.reassignShortIdIfLost(new SplitMix64(3));

        assertThat(chosen).isPresent();
        assertThat(chosen.getAsInt()).isNotIn(OUR_SHORT_ID, 7).isBetween(0, 4095);
        assertThat(table.version()).isEqualTo(before + 1);
        assertThat(table.get(US).orElseThrow().shortId()).isEqualTo(chosen.getAsInt());
        assertThat(table.ownsShortId()).isTrue();
        assertThat(table.peerByShortId(OUR_SHORT_ID)).contains(new PeerName(0x40_0000));
    }

    @Test
    void theChoiceIsReproducibleFromTheGeneratorsSeed() {
        Peers other = new Peers(US, "us", new PeerUid(77), OUR_SHORT_ID, 10_000);
        table.applyUpdate(List.of(claiming(0x40_0000, OUR_SHORT_ID)));
        other.applyUpdate(List.of(claiming(0x40_0000, OUR_SHORT_ID)));

        assertThat(table.reassignShortIdIfLost(new SplitMix64(9)))
                .isEqualTo(other.reassignShortIdIfLost(new SplitMix64(9)));
    }

    @Test
    void whenAlmostAllIdsAreTakenTheOnlyFreeOneIsFound() {
        List<PeerSummary> lowerNamed = new ArrayList<>();
        for (int id = 0; id < 4096; id++) {
            if (id != 1234) {
                lowerNamed.add(claiming(0x100 + id, id));
            }
        }
        table.applyUpdate(lowerNamed);

        assertThat(table.reassignShortIdIfLost(new SplitMix64(5))).hasValue(1234);
    }

    @Test
    void whenAllIdsAreTakenWeKeepOursUntilCollectionFreesSome() {
        List<PeerSummary> lowerNamed = new ArrayList<>();
        for (int id = 0; id < 4096; id++) {
            lowerNamed.add(claiming(0x100 + id, id));
        }
        table.applyUpdate(lowerNamed);
        long version = table.version();

        assertThat(table.reassignShortIdIfLost(new SplitMix64(5))).isEmpty();
        assertThat(table.version()).isEqualTo(version);
        assertThat(table.get(US).orElseThrow().shortId()).isEqualTo(OUR_SHORT_ID);

        assertThat(table.garbageCollect()).hasSize(4096);
        assertThat(table.reassignShortIdIfLost(new SplitMix64(5))).as("we own ours again once they are gone")
                .isEmpty();
        assertThat(table.ownsShortId()).isTrue();
    }

    @Test
    void theLowestRemainingClaimantInheritsAnIdWhenItsOwnerLeaves() {
        table.applyUpdate(List.of(claiming(0x30, 9), claiming(0x10, 9), claiming(0x20, 9)));
        assertThat(table.peerByShortId(9)).contains(new PeerName(0x10));

        table.applyUpdate(List.of(new PeerSummary(new PeerName(0x10), "p", 0x11, 2, 10, true, List.of())));

        assertThat(table.peerByShortId(9)).contains(new PeerName(0x20));
        assertThat(table.peerByShortId(10)).contains(new PeerName(0x10));
    }

    @Test
    void invalidationsCountChangesOfOwnerButNotFirstUse() {
        long start = table.shortIdInvalidations();
        table.applyUpdate(List.of(claiming(0x30, 9)));
        assertThat(table.shortIdInvalidations()).as("first use").isEqualTo(start);

        table.applyUpdate(List.of(claiming(0x40, 9)));
        assertThat(table.shortIdInvalidations()).as("a higher-named collider").isEqualTo(start);

        table.applyUpdate(List.of(claiming(0x10, 9)));
        assertThat(table.shortIdInvalidations()).as("a lower name takes over").isEqualTo(start + 1);

        table.garbageCollect();
        assertThat(table.peerByShortId(9)).isEmpty();
        long afterCollection = table.shortIdInvalidations();
        table.applyUpdate(List.of(claiming(0x50, 9)));
        assertThat(table.shortIdInvalidations()).as("reuse of a freed id").isEqualTo(afterCollection + 1);
    }

    @Test
    void peersWithoutAShortIdClaimNothing() {
        table.applyUpdate(List.of(new PeerSummary(peer(3), "old", 4, 1, OUR_SHORT_ID, false, List.of())));

        assertThat(table.ownsShortId()).isTrue();
        assertThat(table.peerByShortId(OUR_SHORT_ID)).contains(US);
    }
}
