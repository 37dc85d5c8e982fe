package net.weft.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.weft.core.id.PeerName;
import net.weft.core.view.RouterView;
import net.weft.sim.Cluster;
import org.junit.jupiter.api.Test;

/** The streaming check finds exactly what the snapshot-map checks find, at every stage of a run. */
class StreamingConvergenceCheckTest {

    private static final long S = Cluster.S;

    @Test
    void agrees_with_the_map_based_checks_while_a_random_mesh_converges_and_after_a_crash() {
        Cluster c = new Cluster(7);
        for (int i = 1; i <= 12; i++) {
            c.peer("p" + i);
        }
        for (int i = 1; i < 12; i++) {
            c.link("p" + i, "p" + (i + 1));
        }
        c.link("p1", "p7");
        c.link("p3", "p11");
        c.startAll();
        int disagreements = 0;
        int converged = 0;
        for (int step = 0; step < 40; step++) {
            c.runFor(S / 4);
            if (step == 20) {
                c.crash("p5");
            }
            List<String> streamed = c.convergenceProblems();
            assertThat(streamed).isEqualTo(mapBased(c));
            disagreements += streamed.isEmpty() ? 0 : 1;
            converged += streamed.isEmpty() ? 1 : 0;
        }
        assertThat(disagreements).as("stages seen before convergence").isPositive();
        assertThat(converged).as("stages seen after convergence").isPositive();
    }

    private static List<String> mapBased(Cluster c) {
        Map<PeerName, RouterView> views = c.liveViews();
        return c.convergenceProblems(views);
    }
}
