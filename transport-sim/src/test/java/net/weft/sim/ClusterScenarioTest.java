package net.weft.sim;

import static net.weft.sim.Cluster.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.weft.core.id.PeerName;
import net.weft.sim.frame.PingReport;
import org.junit.jupiter.api.Test;

/** The harness and its checkers, on {@link LinkStateNode} routers. */
class ClusterScenarioTest {

    private static Cluster seedMesh() {
        Cluster c = new Cluster(7, (config, rng, trace) -> new LinkStateNode(config));
        c.link("p1", "p2");
        c.link("p1", "p3");
        c.link("p3", "p4");
        c.link("p3", "p5");
        c.container("p1", "c1");
        c.container("p4", "c4");
        c.container("p5", "c5");
        return c;
    }

    private static PeerName name(Cluster c, String p) {
        return c.network().peerName(c.index(p));
    }

    @Test
    void thePartialMeshConvergesAndRoutesThroughTheMiddlePeer() {
        Cluster c = seedMesh();
        c.startAll();
        c.runFor(5 * S);
        assertThat(c.convergenceProblems()).isEmpty();
        assertThat(c.view("p1").unicastRoutes()).containsEntry(name(c, "p4"), name(c, "p3"))
                .containsEntry(name(c, "p5"), name(c, "p3"));
        assertThat(c.monitor().lastEpoch().converged()).isTrue();
        assertThat(c.monitor().lastEpoch().convergenceNs()).isPositive().isLessThan(1 * S);
    }

    @Test
    void aPingCrossesTwoHopsAndACutMakesTheTargetUnreachable() {
        Cluster c = seedMesh();
        c.startAll();
        c.runFor(5 * S);
        PingReport before = c.ping("c1", "c4", 3);
        c.runFor(5 * S);
        c.cut("p1", "p3");
        c.runFor(3 * S);
        PingReport after = c.ping("c1", "c4", 3);
        c.runFor(5 * S);
        assertThat(before.delivered()).isEqualTo(3);
        assertThat(after.delivered()).isZero();
        assertThat(after.lostByReason()).containsEntry("no echo reply", 3);
        assertThat(c.liveComponents()).hasSize(2);
        assertThat(c.convergenceProblems()).as("each side agrees on its own half").isEmpty();
        assertThat(c.view("p1").peers()).hasSize(2);
    }

    @Test
    void aCrashedPeerIsForgottenAndItsRestartRejoins() {
        Cluster c = seedMesh();
        c.startAll();
        c.runFor(5 * S);
        c.crash("p4");
        c.runFor(3 * S);
        assertThat(c.convergenceProblems()).isEmpty();
        assertThat(c.view("p1").peers()).extracting(v -> v.name()).doesNotContain(name(c, "p4"));
        c.restart("p4");
        c.runFor(5 * S);
        assertThat(c.convergenceProblems()).isEmpty();
        assertThat(c.monitor().epochs()).extracting(ConvergenceMonitor.Epoch::label)
                .containsExactly("start", "crash p4", "restart p4");
        assertThat(c.monitor().epochs()).allMatch(ConvergenceMonitor.Epoch::converged);
    }

    @Test
    void thePartitionCheckerSeesDisagreementWhileAPausedPeerHoldsStaleState() {
        Cluster c = seedMesh();
        c.startAll();
        c.runFor(5 * S);
        c.pause("p3");
        c.runFor(1 * S);
        assertThat(c.liveComponents()).hasSize(3);
        c.resume("p3");
        c.runFor(3 * S);
        assertThat(c.convergenceProblems()).isEmpty();
        c.partition(List.of(List.of("p1", "p2", "p3"), List.of("p4", "p5")));
        c.runFor(3 * S);
        assertThat(c.liveComponents()).hasSize(3);
        assertThat(c.convergenceProblems()).isEmpty();
        c.healAll();
        c.runFor(5 * S);
        assertThat(c.liveComponents()).hasSize(1);
        assertThat(c.convergenceProblems()).isEmpty();
        assertThat(c.monitor().safetyViolations()).isEmpty();
    }
}
