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
 * The three-namespace partial mesh of {@link ThreeNamespaceMeshTest} launched with {@code --password}: every
 * connection is sealed and the sleeve encrypted. Then h3 comes back with the wrong password: its handshakes
 * fail on both sides ("unable to decrypt TCP msg") and the connection closes (h3 dialled, so it logs an
 * "error during connection attempt", h2 a "connection shutting down due to error"), while h1 and h2 stay connected.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptedNamespaceMeshTest {

    static final String H1 = "aa:00:00:00:00:11";
    static final String H2 = "aa:00:00:00:00:12";
    static final String H3 = "aa:00:00:00:00:13";
    static final String H2_ON_A = "10.202.1.2";
    static final String H2_ON_B = "10.202.2.2";
    static final String PASSWORD = "correct horse battery staple";
    static final String WRONG_PASSWORD = "tr0ub4dor&3";
    /** What Weave and Weft log when a sealed TCP message does not open. */
    static final String DECRYPT_ERROR = "unable to decrypt TCP msg";
    /** Overlay MTU of the encrypted sleeve on a 1500-byte veth. */
    static final String ENCRYPTED_MTU = "1414";

    static Netns net;
    static Path logs;
    static String n3;
    static DaemonProcess h1;
    static DaemonProcess h2;
    static DaemonProcess h3;

    @BeforeAll
    static void buildTheEncryptedMesh() throws Exception {
        assumeTrue(Netns.usable(), "needs root and iproute2");
        net = new Netns();
        String n1 = net.add("h1");
        String n2 = net.add("h2");
        n3 = net.add("h3");
        net.link(n1, "10.202.1.1/24", n2, H2_ON_A + "/24");
        net.link(n2, H2_ON_B + "/24", n3, "10.202.2.3/24");
        logs = Path.of("target", "it-logs", net.prefix);
        h2 = DaemonProcess.launch(n2, logs.resolve("h2.log"), "--name", H2, "--nickname", "h2",
                "--password", PASSWORD);
        h1 = DaemonProcess.launch(n1, logs.resolve("h1.log"), "--name", H1, "--nickname", "h1",
                "--password", PASSWORD, H2_ON_A);
        h3 = DaemonProcess.launch(n3, logs.resolve("h3.log"), "--name", H3, "--nickname", "h3",
                "--password", PASSWORD, H2_ON_B);
    }

    @AfterAll
    static void tearDown() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    @Order(1)
    void every_connection_is_established_encrypted_with_the_smaller_mtu() throws Exception {
        String conns = DaemonProcess.await(() -> h2.http("/status/connections"), c -> c != null
                && c.lines().filter(l -> l.contains(" established ")).count() == 2,
                ThreeNamespaceMeshTest.CONVERGE_MS, "h2 to have both its connections established");

        assertThat(conns.lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("established encrypted   sleeve").contains("encrypted=truemtu=" + ENCRYPTED_MTU));
        assertThat(h2.http("/status")).contains("Encryption: enabled");
        for (Map<String, Object> c : connections(h2)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attrs = (Map<String, Object>) c.get("Attrs");
            assertThat(attrs).as(String.valueOf(c)).containsEntry("encrypted", true)
                    .containsEntry("mtu", ENCRYPTED_MTU);
        }
        Map<String, Double> samples = Exposition.parse(h2.http("/metrics"));
        assertThat(samples)
                .containsEntry("weave_connections{state=\"established\",type=\"sleeve\",encryption=\"yes\"}", 2.0);
    }

    @Test
    @Order(2)
    void a_daemon_with_the_wrong_password_is_refused_on_both_sides_and_never_joins() throws Exception {
        h3.kill9();
        DaemonProcess wrong = DaemonProcess.launch(n3, logs.resolve("h3-wrong.log"), "--name", H3, "--nickname",
                "h3", "--password", WRONG_PASSWORD, H2_ON_B);

        DaemonProcess.await(wrong::logText, t -> t.contains(DECRYPT_ERROR), ThreeNamespaceMeshTest.CONVERGE_MS,
                "h3 with the wrong password to fail decrypting h2's handshake");
        DaemonProcess.await(h2::logText, t -> t.contains(DECRYPT_ERROR), ThreeNamespaceMeshTest.CONVERGE_MS,
                "h2 to fail decrypting the handshake of h3 with the wrong password");

        assertThat(wrong.logText()).contains("error during connection attempt: " + DECRYPT_ERROR)
                .doesNotContain("fully established");
        assertThat(h2.logText()).contains("connection shutting down due to error: " + DECRYPT_ERROR);
        assertThat(h2.http("/status/connections").lines().filter(l -> l.contains(" established "))).singleElement()
                .satisfies(l -> assertThat(l).contains(H1 + "(h1)"));
        assertThat(wrong.http("/status/connections")).doesNotContain(" established ");
        assertThat(h1.http("/status/connections")).contains("established encrypted   sleeve " + H2 + "(h2)");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> connections(DaemonProcess d) {
        return (List<Map<String, Object>>) MiniJson.at(MiniJson.parse(d.http("/report")), "Router", "Connections");
    }
}
