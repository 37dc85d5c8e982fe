package net.weft.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.weft.core.conn.ConnectionState;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.view.ConnectionView;
import net.weft.core.view.PeerConnectionView;
import net.weft.core.view.PeerView;
import net.weft.core.view.RouterView;
import org.junit.jupiter.api.Test;

/** The safety and convergence checkers on hand-made router snapshots. */
class RouteCheckTest {

    private static final PeerName A = new PeerName(1);
    private static final PeerName B = new PeerName(2);
    private static final PeerName C = new PeerName(3);

    private static RouterView view(PeerName self, List<PeerName> established, Map<PeerName, PeerName> routes,
            List<PeerView> peers) {
        List<ConnectionView> conns = new ArrayList<>();
        long id = 1;
        for (PeerName n : established) {
            conns.add(new ConnectionView(new ConnectionId(id++), new Endpoint("10.0.0.1", 6783), true,
                    ConnectionState.ESTABLISHED, n, "", "", "sleeve", 1400, false));
        }
        return new RouterView(self, "n" + self.value(), new PeerUid(1), 1, 1, 0, 6783, false, true, peers, conns,
                List.of(), new TreeMap<>(routes), new TreeMap<>(), List.of(), 0, new TreeMap<>());
    }

    private static PeerView peer(PeerName p, PeerName... to) {
        List<PeerConnectionView> c = new ArrayList<>();
        for (PeerName t : to) {
            c.add(new PeerConnectionView(t, "", "", true, true));
        }
        return new PeerView(p, "", new PeerUid(p.value()), 0, false, 1, c);
    }

    @Test
    void aLineWithConsistentRoutesIsSafe() {
        Map<PeerName, RouterView> v = Map.of(
                A, view(A, List.of(B), Map.of(B, B, C, B), List.of()),
                B, view(B, List.of(A, C), Map.of(A, A, C, C), List.of()),
                C, view(C, List.of(B), Map.of(A, B, B, B), List.of()));
        assertThat(RouteCheck.violations(v)).isEmpty();
    }

    @Test
    void twoRoutersPointingAtEachOtherAreALoop() {
        Map<PeerName, RouterView> v = Map.of(
                A, view(A, List.of(B), Map.of(C, B), List.of()),
                B, view(B, List.of(A), Map.of(C, A), List.of()));
        assertThat(RouteCheck.violations(v)).singleElement().asString().startsWith("forwarding loop towards")
                .contains("n1(").contains("n2(");
    }

    @Test
    void aNextHopWithoutAnEstablishedConnectionIsReported() {
        Map<PeerName, RouterView> v = Map.of(A, view(A, List.of(), Map.of(B, B), List.of()));
        assertThat(RouteCheck.violations(v)).containsExactly(
                "n1(00:00:00:00:00:01) routes to 00:00:00:00:00:02 via 00:00:00:00:00:02,"
                        + " which is not an established neighbour");
    }

    @Test
    void convergenceNeedsEqualTablesAllLivePeersAndRoutesToThem() {
        List<PeerView> table = List.of(peer(A, B), peer(B, A));
        Map<PeerName, RouterView> agree = new TreeMap<>(Map.of(
                A, view(A, List.of(B), Map.of(B, B), table),
                B, view(B, List.of(A), Map.of(A, A), table)));
        assertThat(TopologyCheck.problems(agree, Set.of(C), agree.keySet())).isEmpty();
        Map<PeerName, RouterView> stale = new TreeMap<>(Map.of(
                A, view(A, List.of(B), Map.of(B, B), List.of(peer(A, B), peer(B, A), peer(C))),
                B, view(B, List.of(A), Map.of(A, A), List.of(peer(A, B), peer(B, A), peer(C)))));
        assertThat(TopologyCheck.problems(stale, Set.of(C), stale.keySet())).singleElement().asString()
                .contains("still lists absent peer");
        Map<PeerName, RouterView> differ = new TreeMap<>(Map.of(
                A, view(A, List.of(B), Map.of(B, B), table),
                B, view(B, List.of(A), Map.of(A, A), List.of(peer(A), peer(B, A)))));
        assertThat(TopologyCheck.problems(differ, Set.of(), differ.keySet())).singleElement().asString()
                .contains("disagree");
        Map<PeerName, RouterView> noRoute = new TreeMap<>(Map.of(
                A, view(A, List.of(B), Map.of(), table),
                B, view(B, List.of(A), Map.of(A, A), table)));
        assertThat(TopologyCheck.problems(noRoute, Set.of(), noRoute.keySet())).singleElement().asString()
                .contains("has no route to live peer");
    }
}
