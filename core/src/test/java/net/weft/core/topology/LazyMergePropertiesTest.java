package net.weft.core.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.rng.SplitMix64;
import net.weft.core.wire.ConnectionSummary;
import net.weft.core.wire.PeerSummary;
import net.weft.core.wire.TopologyCodec;
import org.junit.jupiter.api.Test;

/**
 * Merging a scanned payload, which takes entries identical to stored (or pooled) ones without decoding them,
 * ends in the same table with the same outcome as merging the fully decoded update, whether or not the tables
 * share a {@link PeerEntryPool}, through full and partial updates, garbage collection and a full table.
 */
class LazyMergePropertiesTest {

    private static final PeerName US = new PeerName(1);
    private static final long OUR_UID = 77;
    private static final int DESCRIBED_NAMES = 9;
    private static final int MENTIONED_NAMES = 12;
    private static final int MAX_ENTRIES_PER_UPDATE = 10;
    private static final int UPDATES = 12;
    private static final int EXAMPLES = 200;

    @Test
    void lazy_merge_equals_the_reference_merge_with_and_without_a_shared_pool() {
        qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(3, 20)).checkAssert((seed, max) -> {
            PeerEntryPool pool = new PeerEntryPool();
            ReferencePeers reference = new ReferencePeers(US, "us", new PeerUid(OUR_UID), 1, max);
            Peers eager = new Peers(US, "us", new PeerUid(OUR_UID), 1, max);
            Peers lazy = new Peers(US, "us", new PeerUid(OUR_UID), 1, max);
            Peers pooledFirst = new Peers(US, "us", new PeerUid(OUR_UID), 1, max, pool);
            Peers pooledSecond = new Peers(US, "us", new PeerUid(OUR_UID), 1, max, pool);
            List<Peers> tables = List.of(eager, lazy, pooledFirst, pooledSecond);
            DeterministicRandom rng = new SplitMix64(seed);
            for (int u = 0; u < UPDATES; u++) {
                List<PeerSummary> update = rng.chance(0.3) ? reference.allSummaries() : update(rng);
                byte[] payload = TopologyCodec.encode(update);
                String expected = outcome(reference.applyUpdate(update));
                assertThat(outcome(eager.applyUpdate(update))).isEqualTo(expected);
                for (Peers t : List.of(lazy, pooledFirst, pooledSecond)) {
                    String got = outcome(t.applyUpdate(TopologyCodec.scan(payload).value()).value());
                    assertThat(got).isEqualTo(expected);
                }
                for (Peers t : tables) {
                    assertThat(t.entries()).isEqualTo(reference.entries());
                }
                if (rng.chance(0.2)) {
                    PeerName remote = new PeerName(2 + rng.nextInt(DESCRIBED_NAMES - 1));
                    if (reference.get(remote).isPresent()) {
                        boolean outbound = rng.chance(0.5);
                        reference.addLocalConnection(remote, "a", outbound, true);
                        tables.forEach(t -> t.addLocalConnection(remote, "a", outbound, true));
                    }
                }
                if (rng.chance(0.3)) {
                    SortedNames removed = new SortedNames(reference.garbageCollect());
                    for (Peers t : tables) {
                        assertThat(new SortedNames(t.garbageCollect())).isEqualTo(removed);
                    }
                }
            }
        });
    }

    @Test
    void the_second_pooled_table_stores_the_very_instances_the_first_decoded() {
        PeerEntryPool pool = new PeerEntryPool();
        Peers first = new Peers(US, "us", new PeerUid(OUR_UID), 1, 100, pool);
        Peers second = new Peers(new PeerName(2), "two", new PeerUid(OUR_UID), 2, 100, pool);
        List<PeerSummary> update = List.of(asSent(entry(5, 3, 4, true)), asSent(entry(6, 2, 1, false)));
        byte[] payload = TopologyCodec.encode(update);

        first.applyUpdate(TopologyCodec.scan(payload).value());
        second.applyUpdate(TopologyCodec.scan(payload).value());

        for (PeerSummary s : update) {
            assertThat(second.get(s.name()).orElseThrow()).isSameAs(first.get(s.name()).orElseThrow());
        }
        List<PeerEntry> placeholders = first.entries().stream().filter(PeerEntry::isPlaceholder).toList();
        assertThat(placeholders).isNotEmpty();
        for (PeerEntry p : placeholders) {
            assertThat(second.get(p.name()).orElseThrow()).isSameAs(p);
        }
    }

    /** As a router sends it: connections sorted by remote name, one per remote. */
    private static PeerSummary asSent(PeerSummary s) {
        return PeerEntry.fromSummary(s).toSummary();
    }

    private static String outcome(UpdateResult r) {
        return r.toString();
    }

    /** A comparable, printable copy of a set of names. */
    private record SortedNames(List<PeerName> names) {
        SortedNames(java.util.SortedSet<PeerName> set) {
            this(List.copyOf(set));
        }
    }

    /** Up to ten entries about peers 1..9, ourselves included (sometimes as an older incarnation). */
    private static List<PeerSummary> update(DeterministicRandom rng) {
        int entries = rng.nextInt(MAX_ENTRIES_PER_UPDATE + 1);
        List<PeerSummary> out = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int name = 1 + rng.nextInt(DESCRIBED_NAMES);
            long uid = name == 1 && rng.chance(0.5) ? OUR_UID : 1 + rng.nextInt(3);
            PeerSummary e = entry(name, uid, rng.nextInt(6), rng.chance(0.7));
            out.add(rng.chance(0.8) ? asSent(e) : e);
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
