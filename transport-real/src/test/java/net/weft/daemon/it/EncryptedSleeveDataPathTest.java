package net.weft.daemon.it;

import static net.weft.daemon.it.SleeveMesh.C2_IP;
import static net.weft.daemon.it.SleeveMesh.C3_IP;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.weft.daemon.render.Exposition;
import net.weft.sleeve.host.sodium.Sodium;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data path of {@link SleeveDataPathTest} with all three daemons launched with the same {@code --password}:
 * every connection is encrypted, so every frame crosses the sleeve sealed (twice for c1 -> c3, which h2 opens and
 * seals again to relay), and none fails to open. The daemons run with the default {@code --crypto-engine auto},
 * so where libsodium loads (always on CI) the sealing is native.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptedSleeveDataPathTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String DECRYPT_FAILURES = "weft_sleeve_decrypt_failures_total";
    static final String ENCRYPTED_CONNECTIONS =
            "weave_connections{state=\"established\",type=\"sleeve\",encryption=\"yes\"}";

    @RegisterExtension
    static final SleeveMesh mesh = new SleeveMesh("--password", PASSWORD);

    @Test
    @Order(1)
    void every_connection_is_encrypted_and_containers_ping_direct_and_relayed_without_loss() throws Exception {
        mesh.awaitConverged();

        assertThat(mesh.h2.http("/status/connections").lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("established encrypted   sleeve"));
        assertThat(Exposition.parse(mesh.h1.http("/metrics"))).containsEntry(ENCRYPTED_CONNECTIONS, 1.0);
        assertThat(Exposition.parse(mesh.h2.http("/metrics"))).containsEntry(ENCRYPTED_CONNECTIONS, 2.0);
        assertThat(Exposition.parse(mesh.h3.http("/metrics"))).containsEntry(ENCRYPTED_CONNECTIONS, 1.0);
        mesh.assertPingsWithoutLoss(C2_IP);
        mesh.assertPingsWithoutLoss(C3_IP);
    }

    @Test
    @Order(2)
    void tcp_crosses_the_encrypted_relay_intact() throws Exception {
        mesh.assertTcpC1ToC3Intact(4L * 1024 * 1024);
    }

    @Test
    @Order(3)
    void no_sealed_datagram_failed_to_open_on_any_host() {
        for (DaemonProcess host : new DaemonProcess[] {mesh.h1, mesh.h2, mesh.h3}) {
            String metrics = host.http("/metrics");
            assertThat(metrics).as(host.ns).contains("# TYPE " + DECRYPT_FAILURES + " counter");
            double failures = Exposition.parse(metrics).entrySet().stream()
                    .filter(e -> e.getKey().startsWith(DECRYPT_FAILURES)).mapToDouble(Map.Entry::getValue).sum();
            assertThat(failures).as("decrypt failures on " + host.ns).isZero();
        }
    }

    @Test
    @Order(4)
    void the_daemons_sealed_with_libsodium_where_it_loads_and_always_on_ci() {
        boolean nativeEngine = Sodium.load().available() || "true".equalsIgnoreCase(System.getenv("CI"));
        for (DaemonProcess host : new DaemonProcess[] {mesh.h1, mesh.h2, mesh.h3}) {
            assertThat(host.logText()).as(host.ns)
                    .contains("sleeve encryption engine: " + (nativeEngine ? Sodium.ENGINE_NAME : "java"));
        }
    }
}
