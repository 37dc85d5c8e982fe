package net.weft.sim;

import static net.weft.sim.Cluster.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Peers booting over a window of virtual time instead of in one instant, with the real router. */
class StaggeredStartTest {

    private static final int PEERS = 12;
    private static final long WINDOW_NS = 10 * S;

    /** A ring with chords: every peer has two or three links, so late starters find neighbours already up. */
    private static Cluster ring(long seed, int peers) {
        Cluster c = new Cluster(seed, NodeFactory.routers());
        c.setDiscovery(false);
        for (int i = 1; i <= peers; i++) {
            c.peer("p" + i);
        }
        for (int i = 1; i <= peers; i++) {
            c.link("p" + i, "p" + (i % peers + 1));
            if (i % 3 == 0) {
                c.link("p" + i, "p" + ((i + peers / 2 - 1) % peers + 1));
            }
        }
        return c;
    }

    private static int notStarted(Cluster c) {
        int n = 0;
        for (int i = 0; i < c.network().hostCount(); i++) {
            n += c.network().state(i) == HostState.NEW ? 1 : 0;
        }
        return n;
    }

    @Test
    void everyPeerStartsWithinTheWindowAndTheLastStartIsReported() {
        Cluster c = ring(5, PEERS);
        long lastNs = c.startAllWithin(WINDOW_NS);
        assertThat(lastNs).isPositive().isLessThan(WINDOW_NS);
        assertThat(notStarted(c)).as("nothing starts at scheduling time").isEqualTo(PEERS);
        c.runUntil(lastNs - 1);
        assertThat(notStarted(c)).as("the last peer is not up before its time").isPositive().isLessThan(PEERS);
        c.runUntil(lastNs);
        assertThat(notStarted(c)).isZero();
    }

    @Test
    void aMeshStartedOverTheWindowConvergesAfterItsLastStart() {
        Cluster c = ring(5, PEERS);
        long lastNs = c.startAllWithin(WINDOW_NS);
        c.runUntil(lastNs + 20 * S);
        assertThat(c.convergenceProblems()).isEmpty();
        ConvergenceMonitor.Epoch start = c.monitor().epochs().get(0);
        assertThat(start.label()).startsWith("start (last of a 10000 ms window)");
        assertThat(start.startNs()).isEqualTo(lastNs);
        assertThat(start.converged()).isTrue();
    }

    @Test
    void startTimesDependOnTheSeedAndHostOnlyNotOnHowManyHostsThereAre() {
        SimNetwork small = ring(5, PEERS).network();
        SimNetwork large = ring(5, 2 * PEERS).network();
        SimNetwork otherSeed = ring(6, PEERS).network();
        List<Long> smallOffsets = new ArrayList<>();
        List<Long> largeOffsets = new ArrayList<>();
        List<Long> otherOffsets = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            smallOffsets.add(small.startOffsetNs(i, WINDOW_NS));
            largeOffsets.add(large.startOffsetNs(i, WINDOW_NS));
            otherOffsets.add(otherSeed.startOffsetNs(i, WINDOW_NS));
        }
        assertThat(largeOffsets).isEqualTo(smallOffsets);
        assertThat(otherOffsets).isNotEqualTo(smallOffsets);
        assertThat(smallOffsets).allMatch(t -> t >= 0 && t < WINDOW_NS).doesNotHaveDuplicates();
    }

    @Test
    void twoRunsOfOneSeedProcessTheSameEvents() {
        Cluster a = ring(9, PEERS);
        Cluster b = ring(9, PEERS);
        a.runUntil(a.startAllWithin(WINDOW_NS) + 5 * S);
        b.runUntil(b.startAllWithin(WINDOW_NS) + 5 * S);
        assertThat(a.network().eventsProcessed()).isEqualTo(b.network().eventsProcessed()).isPositive();
        assertThat(a.network().counters()).isEqualTo(b.network().counters());
    }

    @Test
    void aZeroWindowIsTheSimultaneousStart() {
        Cluster staggered = ring(5, PEERS);
        Cluster simultaneous = ring(5, PEERS);
        assertThat(staggered.startAllWithin(0)).isZero();
        simultaneous.startAll();
        assertThat(notStarted(staggered)).isZero();
        staggered.runFor(5 * S);
        simultaneous.runFor(5 * S);
        assertThat(staggered.network().counters()).isEqualTo(simultaneous.network().counters());
        assertThat(staggered.monitor().epochs().get(0).label()).isEqualTo("start");
    }
}
