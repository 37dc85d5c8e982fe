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

/**
 * Merging topology updates behaves like a join: the order, grouping and repetition of updates do not change the
 * resulting table. Updates are drawn from a small universe of peers and incarnations so that they collide often;
 * as in a real mesh, one (name, UID, version, has-short-id) always carries the same content.
 */
class MergePropertiesTest {

    private static final PeerName US = new PeerName(1);
    private static final long OUR_UID = 77;
    private static final int DESCRIBED_NAMES = 8;
    private static final int MENTIONED_NAMES = 10;
    private static final int MAX_ENTRIES_PER_UPDATE = 10;
    private static final int EXAMPLES = 300;

    @Test
    void mergeIsCommutative() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), longs().all()).checkAssert((a, b) ->
                assertThat(state(update(a), update(b))).isEqualTo(state(update(b), update(a))));
    }

    @Test
    void mergeIsAssociative() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), longs().all(), longs().all()).checkAssert((a, b, c) -> {
            List<PeerSummary> stepByStep = state(update(a), update(b), update(c));
            assertThat(state(update(a), concat(update(b), update(c)))).isEqualTo(stepByStep);
            assertThat(state(concat(update(a), update(b)), update(c))).isEqualTo(stepByStep);
        });
    }

    @Test
    void mergeIsIdempotent() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), longs().all()).checkAssert((a, b) -> {
            assertThat(state(update(a), update(a))).isEqualTo(state(update(a)));
            Peers table = table(update(a), update(b));
            List<PeerSummary> before = table.allSummaries();
            UpdateResult again = table.applyUpdate(before);
            assertThat(again.changed()).isFalse();
            assertThat(table.allSummaries()).isEqualTo(before);
        });
    }

    @Test
    void aFreshObserverReproducesATableFromItsFullGossip() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), longs().all()).checkAssert((a, b) -> {
            Peers source = table(update(a), update(b));
            Peers observer = new Peers(new PeerName(0xFFFF), "observer", new PeerUid(5), 0, 1000);

            observer.applyUpdate(source.allSummaries());

            List<PeerSummary> seen = observer.allSummaries();
            seen.removeIf(s -> s.name().equals(observer.self()));
            assertThat(seen).isEqualTo(source.allSummaries());
        });
    }

    private static List<PeerSummary> state(List<List<PeerSummary>> updates) {
        Peers t = new Peers(US, "us", new PeerUid(OUR_UID), 1, 1000);
        updates.forEach(t::applyUpdate);
        return t.allSummaries();
    }

    @SafeVarargs
    private static List<PeerSummary> state(List<PeerSummary>... updates) {
        return state(List.of(updates));
    }

    @SafeVarargs
    private static Peers table(List<PeerSummary>... updates) {
        Peers t = new Peers(US, "us", new PeerUid(OUR_UID), 1, 1000);
        for (List<PeerSummary> u : updates) {
            t.applyUpdate(u);
        }
        return t;
    }

    private static List<PeerSummary> concat(List<PeerSummary> first, List<PeerSummary> second) {
        List<PeerSummary> out = new ArrayList<>(first);
        out.addAll(second);
        return out;
    }

    /** An update of up to ten entries about peers 1..8, ourselves included (sometimes as an older incarnation). */
    private static List<PeerSummary> update(long seed) {
        DeterministicRandom rng = new SplitMix64(seed);
        int entries = rng.nextInt(MAX_ENTRIES_PER_UPDATE + 1);
        List<PeerSummary> out = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int name = 1 + rng.nextInt(DESCRIBED_NAMES);
            long uid = name == 1 && rng.chance(0.5) ? OUR_UID : 1 + rng.nextInt(3);
            out.add(entry(name, uid, rng.nextInt(6), rng.chance(0.7)));
        }
        return out;
    }

    /** The one content a peer's incarnation {@code uid} publishes at {@code version}. */
    private static PeerSummary entry(int name, long uid, long version, boolean hasShortId) {
        long key = ((name * 31L + uid) * 31 + version) * 2 + (hasShortId ? 1 : 0);
        DeterministicRandom content = new SplitMix64(key);
        List<ConnectionSummary> connections = new ArrayList<>();
        int count = content.nextInt(4);
        for (int i = 0; i < count; i++) {
            PeerName to = new PeerName(1 + content.nextInt(MENTIONED_NAMES));
            connections.add(new ConnectionSummary(to, "10.0.0." + to.value() + ":6783", content.chance(0.5),
                    content.chance(0.5)));
        }
        return new PeerSummary(new PeerName(name), "n" + key, uid, version, content.nextInt(4096), hasShortId,
                connections);
    }
}
