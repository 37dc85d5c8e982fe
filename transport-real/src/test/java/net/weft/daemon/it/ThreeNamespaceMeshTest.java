package net.weft.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.weft.daemon.render.Exposition;
import net.weft.daemon.render.MiniJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three daemons in three namespaces on a partial mesh: h1 and h3 each share a link with h2 (separate subnets,
 * no forwarding), so h1 cannot reach h3 and learns of it only through h2's gossip.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNamespaceMeshTest {

    static final String H1 = "aa:00:00:00:00:01";
    static final String H2 = "aa:00:00:00:00:02";
    static final String H3 = "aa:00:00:00:00:03";
    static final String H2_ON_A = "10.201.1.2";
    /** Bound on any convergence wait. */
    static final long CONVERGE_MS = 90_000;

    static Netns net;
    static DaemonProcess h1;
    static DaemonProcess h2;
    static DaemonProcess h3;

    @BeforeAll
    static void buildTheMesh() throws Exception {
        assumeTrue(Netns.usable(), "needs root and iproute2");
        net = new Netns();
        String n1 = net.add("h1");
        String n2 = net.add("h2");
        String n3 = net.add("h3");
        net.link(n1, "10.201.1.1/24", n2, H2_ON_A + "/24");
        net.link(n2, "10.201.2.2/24", n3, "10.201.2.3/24");
        Path logs = Path.of("target", "it-logs", net.prefix);
        h2 = DaemonProcess.launch(n2, logs.resolve("h2.log"), "--name", H2, "--nickname", "h2");
        h1 = DaemonProcess.launch(n1, logs.resolve("h1.log"), "--name", H1, "--nickname", "h1", H2_ON_A);
        h3 = DaemonProcess.launch(n3, logs.resolve("h3.log"), "--name", H3, "--nickname", "h3", "10.201.2.2");
    }

    @AfterAll
    static void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    @Order(1)
    void h1_learns_the_whole_mesh_and_weft_status_peers_shows_every_connection() throws Exception {
        String peers = DaemonProcess.await(() -> h1.http("/status/peers"), p -> p != null
                && p.contains(H3 + "(h3)\n   -> 10.201.2.2:6783") && p.contains(H1 + "(h1)\n   -> " + H2_ON_A + ":6783")
                && p.lines().filter(l -> l.endsWith(" established")).count() == 4,
                CONVERGE_MS, "h1 to see h1, h2 and h3 with their four established connections");

        Netns.Result cli = h1.weft("status", "peers");
        assertThat(cli.status()).isZero();
        assertThat(cli.out()).contains(H1 + "(h1)", H2 + "(h2)", H3 + "(h3)")
                .contains("   -> " + H2_ON_A + ":6783       " + H2 + "(h2)                 established");
        assertThat(peers.lines().filter(l -> l.startsWith("   "))).hasSize(4);
        assertScrapesCleanly(h1);
    }

    @Test
    @Order(2)
    void after_h2_crashes_and_restarts_the_mesh_reconverges_around_its_new_incarnation() throws Exception {
        String before = uidOf(h1, H2);
        assertThat(before).isNotNull();

        h2.kill9();
        assertScrapesCleanly(h1);
        h2.start();

        DaemonProcess.await(() -> h1.http("/report"), r -> r != null && uidIn(r, H2) != null
                && !uidIn(r, H2).equals(before) && uidIn(r, H3) != null
                && String.valueOf(h1.http("/status/peers")).contains(H3 + "(h3)\n   -> 10.201.2.2:6783"), CONVERGE_MS,
                "h1 to see h2's new UID and h3 again");
        assertScrapesCleanly(h1);
    }

    @Test
    @Order(3)
    void forget_and_connect_change_the_targets() {
        assertThat(h1.weft("status", "targets").out()).isEqualTo(H2_ON_A + "\n");

        assertThat(h1.weft("forget", H2_ON_A).status()).isZero();
        assertThat(h1.weft("status", "targets").out()).isEmpty();

        assertThat(h1.weft("connect", H2_ON_A + ":6783").status()).isZero();
        assertThat(h1.weft("status", "targets").out()).isEqualTo(H2_ON_A + ":6783\n");

        Netns.Result bad = h1.weft("connect", "nonsense:port");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).contains("invalid peer name \"nonsense:port\", should be host[:port]");
    }

    private static void assertScrapesCleanly(DaemonProcess d) {
        String metrics = d.http("/metrics");
        assertThat(metrics).isNotNull();
        Map<String, Double> samples = Exposition.parse(metrics);
        assertThat(samples).containsKey("weave_connection_terminations_total");
    }

    private static String uidOf(DaemonProcess d, String peer) {
        String report = d.http("/report");
        return report == null ? null : uidIn(report, peer);
    }

    @SuppressWarnings("unchecked")
    private static String uidIn(String report, String peer) {
        List<Map<String, Object>> peers = (List<Map<String, Object>>) MiniJson.at(MiniJson.parse(report),
                "Router", "Peers");
        for (Map<String, Object> p : peers) {
            if (peer.equals(p.get("Name"))) {
                return (String) p.get("UID");
            }
        }
        return null;
    }
}
