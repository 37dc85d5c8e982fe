package net.weft.viz.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.weft.core.id.PeerName;
import org.junit.jupiter.api.Test;

/** Scrubbing finds the snapshot in force at any instant; messages in flight are placed and aggregated. */
class RecordingTest {

    private static final PeerName A = new PeerName(1);
    private static final PeerName B = new PeerName(2);
    private static final PeerName C = new PeerName(3);

    private static MeshSnapshot at(long ns) {
        return new MeshSnapshot(ns, new TreeMap<>(), new TreeSet<>(), new TreeSet<>());
    }

    @Test
    void theSnapshotShownAtAnInstantIsTheLastOneTakenBeforeIt() {
        Recording r = new Recording();
        r.add(at(0));
        r.add(at(100));
        r.add(at(200));
        assertThat(r.frameAt(-5).atNs()).isZero();
        assertThat(r.frameAt(99).atNs()).isZero();
        assertThat(r.frameAt(100).atNs()).isEqualTo(100);
        assertThat(r.frameAt(10_000).atNs()).isEqualTo(200);
        assertThat(r.endNs()).isEqualTo(200);
    }

    @Test
    void aMessageIsDrawnPartWayAlongItsEdgeWhileItTravels() {
        Recording r = new Recording();
        r.add(new Pulse(100, A, B, Pulse.Kind.GOSSIP, 50));
        r.add(new Pulse(150, B, C, Pulse.Kind.FRAME, 90));
        assertThat(Flights.at(r, 175, 100, 10)).containsExactly(
                new Flights.Flight(A, B, Pulse.Kind.GOSSIP, 0.75, 1),
                new Flights.Flight(B, C, Pulse.Kind.FRAME, 0.25, 1));
        assertThat(Flights.at(r, 201, 100, 10)).extracting(Flights.Flight::to).containsExactly(C);
    }

    @Test
    void tooManyMessagesAreAggregatedPerEdgeDirection() {
        Recording r = new Recording();
        for (int i = 0; i < 30; i++) {
            r.add(new Pulse(i, i % 2 == 0 ? A : B, i % 2 == 0 ? B : A, Pulse.Kind.GOSSIP, 10));
        }
        List<Flights.Flight> f = Flights.at(r, 30, 100, 10);
        assertThat(f).hasSize(2).extracting(Flights.Flight::count).containsExactly(15, 15);
    }
}
