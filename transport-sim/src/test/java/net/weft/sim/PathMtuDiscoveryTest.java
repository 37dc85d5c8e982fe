package net.weft.sim;

import static net.weft.sim.Cluster.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.weft.core.Router;
import net.weft.core.trace.TraceEvent;
import net.weft.core.view.ConnectionView;
import net.weft.sim.frame.PingReport;
import org.junit.jupiter.api.Test;

/**
 * The real router on an underlay path narrower than its configuration says (1400 bytes, configured 1500):
 * the sleeve's PMTU probes find the largest overlay MTU that fits, and a container's too-big DF ping is
 * answered with ICMP "fragmentation needed" carrying it instead of vanishing.
 */
class PathMtuDiscoveryTest {

    private static final int PATH_MTU = 1400;

    private static Cluster pairOnNarrowPath(String password) {
        NodeFactory routers = (config, rng, trace) -> new RouterNode(new Router(
                password == null ? config : config.withPassword(password), rng, trace));
        Cluster c = new Cluster(3, routers);
        c.link("p1", "p2", LinkParams.defaults().withMtu(PATH_MTU));
        c.container("p1", "c1");
        c.container("p2", "c2");
        return c;
    }

    private static List<Integer> mtus(Cluster c, String peer) {
        List<Integer> out = new ArrayList<>();
        for (ConnectionView v : c.view(peer).connections()) {
            out.add(v.mtu());
        }
        return out;
    }

    @Test
    void bothEndsStartAtTheConfiguredMtuAndSettleOnTheLargestThatFitsAPlainDatagram() {
        Cluster c = pairOnNarrowPath(null);
        List<TraceEvent.MtuVerified> verified = new ArrayList<>();
        c.observe(new SimObserver() {
            @Override
            public void trace(int host, TraceEvent e) {
                if (e instanceof TraceEvent.MtuVerified v) {
                    verified.add(v);
                }
            }
        });
        c.startAll();
        c.runFor(2 * S);
        assertThat(mtus(c, "p1")).as("1500 - 62 until verified").containsExactly(1438);

        c.runFor(28 * S);

        assertThat(mtus(c, "p1")).as("1400 - 62").containsExactly(1338);
        assertThat(mtus(c, "p2")).containsExactly(1338);
        assertThat(verified).extracting(TraceEvent.MtuVerified::mtu).containsExactly(1338, 1338);
    }

    @Test
    void aTooBigDfPingGetsFragmentationNeededWithTheVerifiedMtuAndOneThatFitsIsAnswered() {
        Cluster c = pairOnNarrowPath(null);
        c.startAll();
        c.runFor(30 * S);

        PingReport tooBig = c.ping("c1", "c2", 2, PATH_MTU, true);
        c.runFor(3 * S);
        PingReport fits = c.ping("c1", "c2", 2, 1338, true);
        c.runFor(3 * S);
        PingReport fragmented = c.ping("c1", "c2", 2, PATH_MTU, false);
        c.runFor(3 * S);

        assertThat(tooBig.delivered()).isZero();
        assertThat(tooBig.lostByReason()).containsExactly(java.util.Map.entry("fragmentation needed, MTU 1338", 2));
        assertThat(fits.delivered()).isEqualTo(2);
        assertThat(fragmented.delivered()).as("without DF the router fragments to 1338").isEqualTo(2);
        assertThat(c.containerNamed("c2").received()).as("two fragments per request")
                .containsEntry("ip-fragment", 4L).doesNotContainKey("bad-icmp-checksum");
    }

    @Test
    void encryptedTheSearchSettlesTwentyFourBytesLower() {
        Cluster c = pairOnNarrowPath("secret");
        c.startAll();
        c.runFor(30 * S);

        assertThat(mtus(c, "p1")).as("1400 - 86").containsExactly(1314);
        assertThat(mtus(c, "p2")).containsExactly(1314);
        PingReport tooBig = c.ping("c1", "c2", 1, 1315, true);
        PingReport fits = c.ping("c1", "c2", 1, 1314, true);
        c.runFor(3 * S);
        assertThat(tooBig.lostByReason()).containsOnlyKeys("fragmentation needed, MTU 1314");
        assertThat(fits.delivered()).isEqualTo(1);
    }

    @Test
    void onAFullSizePathTheConfiguredMtuIsVerifiedAsIs() {
        NodeFactory routers = NodeFactory.routers();
        Cluster c = new Cluster(3, routers);
        c.link("p1", "p2");
        c.startAll();
        c.runFor(10 * S);
        assertThat(mtus(c, "p1")).containsExactly(1438);
        assertThat(mtus(c, "p2")).containsExactly(1438);
    }
}
