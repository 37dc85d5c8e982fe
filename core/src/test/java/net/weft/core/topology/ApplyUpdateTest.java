package net.weft.core.topology;

import static net.weft.core.topology.TestTopology.peer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplyUpdateTest {

    private static final PeerName US = peer(1);
    private static final PeerUid OUR_UID = new PeerUid(77);

    private final Peers table = new Peers(US, "us", OUR_UID, 1, 1000);

    @Test
    void unknownNamesBecomeEntriesAndNamesOnlyMentionedBecomePlaceholders() {
        PeerSummary two = new PeerSummary(peer(2), "two", 5, 3, 2, true, List.of(
                new ConnectionSummary(peer(1), "10.0.0.1:6783", true, true),
                new ConnectionSummary(peer(4), "10.0.0.4:6783", false, false)));

        UpdateResult r = table.applyUpdate(List.of(two));

        assertThat(r.received()).containsExactly(peer(2));
        assertThat(r.improved()).containsExactly(peer(2));
        assertThat(r.added()).containsExactly(peer(2), peer(4));
        assertThat(r.ourVersionJumped()).isFalse();
        assertThat(r.droppedOverLimit()).isZero();
        assertThat(table.get(peer(2)).orElseThrow().toSummary()).isEqualTo(two);
        assertThat(table.get(peer(4)).orElseThrow())
                .isEqualTo(PeerEntry.placeholder(peer(4)))
                .satisfies(p -> assertThat(p.uid()).isEqualTo(PeerUid.NONE))
                .satisfies(p -> assertThat(p.version()).isZero())
                .satisfies(p -> assertThat(p.hasShortId()).isFalse())
                .satisfies(p -> assertThat(p.connections()).isEmpty());
    }

    @Test
    void aPlaceholderIsSupersededByThePeersOwnEntry() {
        table.applyUpdate(new TestTopology().oneSided(2, 3).summaries().subList(0, 1));
        assertThat(table.get(peer(3)).orElseThrow().isPlaceholder()).isTrue();

        UpdateResult r = table.applyUpdate(List.of(new PeerSummary(peer(3), "three", 9, 0, 3, true, List.of())));

        assertThat(r.improved()).containsExactly(peer(3));
        assertThat(r.added()).isEmpty();
        assertThat(table.get(peer(3)).orElseThrow().nickname()).isEqualTo("three");
    }

    @Test
    void entriesThatLoseTheMergeStillCreatePlaceholdersForTheNamesTheyMention() {
        table.applyUpdate(List.of(entry(2, 1, 5, true)));
        PeerSummary older = new PeerSummary(peer(2), "old", 1, 4, 2, true,
                List.of(new ConnectionSummary(peer(7), "", true, true)));

        UpdateResult r = table.applyUpdate(List.of(older));

        assertThat(r.improved()).isEmpty();
        assertThat(r.added()).containsExactly(peer(7));
        assertThat(table.get(peer(2)).orElseThrow().connections()).isEmpty();
    }

    /** Weave's merge order on (version, UID, has-short-id); versions and UIDs compare unsigned. */
    @ParameterizedTest(name = "stored v{0} uid{1} short={2}, incoming v{3} uid{4} short={5} -> replaced={6}")
    @CsvSource({
        "5, 10, true,  4, 10, true,  false",
        "5, 10, true,  6, 10, true,  true",
        "5, 10, true,  6,  1, false, true",
        "5, 10, true,  5,  9, true,  false",
        "5, 10, true,  5, 11, false, true",
        "5, 10, false, 5, 10, true,  true",
        "5, 10, true,  5, 10, true,  false",
        "5, 10, false, 5, 10, false, false",
        "5, 10, true,  5, 10, false, false",
        "5, 10, true,  5, -1, true,  true",
        "5, -1, true,  5, 10, true,  false",
        "5, 10, true, -1, 10, true,  true",
        "-1, 10, true, 5, 10, true,  false",
    })
    void anExistingEntryIsReplacedOnlyByASupersedingOne(long storedVersion, long storedUid, boolean storedShort,
            long version, long uid, boolean hasShort, boolean replaced) {
        table.applyUpdate(List.of(entry(2, storedUid, storedVersion, storedShort)));
        PeerSummary incoming = new PeerSummary(peer(2), "incoming", uid, version, 99, hasShort,
                List.of(new ConnectionSummary(US, "a:1", false, true)));

        UpdateResult r = table.applyUpdate(List.of(incoming));

        assertThat(r.received()).containsExactly(peer(2));
        assertThat(r.improved().contains(peer(2))).isEqualTo(replaced);
        PeerEntry stored = table.get(peer(2)).orElseThrow();
        assertThat(stored.nickname()).isEqualTo(replaced ? "incoming" : "p2");
        if (replaced) {
            assertThat(stored.toSummary()).isEqualTo(incoming);
        }
    }

    @Test
    void anEntryAboutAnOlderIncarnationOfUsMakesOurVersionJumpPastIt() {
        table.reference(peer(2), "two", new PeerUid(5), 2, true, true);
        table.addLocalConnection(peer(2), "a:1", true, false);
        table.setLocalEstablished(peer(2));
        assertThat(table.version()).isEqualTo(2);

        UpdateResult r = table.applyUpdate(List.of(entry(1, 12, 5, true)));

        assertThat(r.ourVersionJumped()).isTrue();
        assertThat(r.received()).containsExactly(US);
        assertThat(r.improved()).isEmpty();
        assertThat(table.version()).isEqualTo(6);
        assertThat(table.get(US).orElseThrow().uid()).isEqualTo(OUR_UID);
        assertThat(table.get(US).orElseThrow().connections()).containsOnlyKeys(peer(2));
    }

    @Test
    void anOlderIncarnationAtTheSameVersionAsOursAlsoMakesUsJump() {
        table.applyUpdate(List.of(entry(1, 12, 0, true)));
        assertThat(table.version()).isEqualTo(1);
    }

    @Test
    void anOlderIncarnationBehindOurVersionOrAnEntryWithOurUidChangesNothing() {
        table.applyUpdate(List.of(entry(1, 12, 5, true)));

        UpdateResult behind = table.applyUpdate(List.of(entry(1, 12, 3, true)));
        UpdateResult ourOwn = table.applyUpdate(List.of(entry(1, OUR_UID.value(), 100, true)));

        assertThat(behind.ourVersionJumped()).isFalse();
        assertThat(ourOwn.ourVersionJumped()).isFalse();
        assertThat(behind.changed()).isFalse();
        assertThat(table.version()).isEqualTo(6);
    }

    @Test
    void aFullTableDropsTheNewcomersThatDoNotFitAndCountsThem() {
        Peers small = new Peers(US, "us", OUR_UID, 1, 3);
        List<PeerSummary> five = new TestTopology().link(2, 3).link(3, 4).link(4, 5).link(5, 6).link(6, 9)
                .summaries().subList(0, 5);

        UpdateResult r = small.applyUpdate(five);

        assertThat(r.added()).containsExactly(peer(2), peer(3));
        assertThat(r.droppedOverLimit()).as("4, 5 and 6 described, 9 only mentioned").isEqualTo(4);
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.entries()).extracting(PeerEntry::name).containsExactly(US, peer(2), peer(3));
    }

    @Test
    void theSameEntryTwiceInOneUpdateKeepsTheBetterOne() {
        UpdateResult r = table.applyUpdate(List.of(entry(2, 1, 7, true), entry(2, 1, 3, true), entry(2, 9, 7, true)));

        assertThat(r.improved()).containsExactly(peer(2));
        assertThat(table.get(peer(2)).orElseThrow().uid()).isEqualTo(new PeerUid(9));
        assertThat(table.get(peer(2)).orElseThrow().version()).isEqualTo(7);
    }

    @Test
    void entriesNamedUnknownAreIgnored() {
        UpdateResult r = table.applyUpdate(List.of(entry(0, 3, 1, true)));

        assertThat(r.received()).isEmpty();
        assertThat(r.changed()).isFalse();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void reapplyingOurOwnFullStateChangesNothing() {
        table.applyUpdate(new TestTopology().link(1, 2).link(2, 3).oneSided(3, 4).summaries());

        UpdateResult r = table.applyUpdate(table.allSummaries());

        assertThat(r.changed()).isFalse();
        assertThat(r.received()).containsExactly(US, peer(2), peer(3), peer(4));
    }

    private static PeerSummary entry(int name, long uid, long version, boolean hasShortId) {
        return new PeerSummary(peer(name), "p" + name, uid, version, name, hasShortId, List.of());
    }
}
