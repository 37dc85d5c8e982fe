package net.weft.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The topology of the data-path tests: three hosts, each a namespace running a real daemon (a child JVM) whose
 * TAP port is on its {@code weft} bridge, and one container per host attached with {@code weft attach}. h1 and
 * h3 cannot reach each other on the underlay (h2 is in both subnets and does not route), so c1 -> c3 is relayed
 * by h2's router. A test class registers it as a static extension ({@code @RegisterExtension}): it is built
 * before the class's tests (daemons launched with extra arguments shared by all three, e.g. {@code --password})
 * and removed after them, namespaces and all.
 */
final class SleeveMesh implements BeforeAllCallback, AfterAllCallback {

    static final String H1 = "aa:00:00:00:01:01";
    static final String H2 = "aa:00:00:00:01:02";
    static final String H3 = "aa:00:00:00:01:03";
    static final String H1_IP = "10.202.1.1";
    static final String H2_ON_A = "10.202.1.2";
    static final String H2_ON_B = "10.202.2.2";
    static final String H3_IP = "10.202.2.3";
    static final String C1_CIDR = "10.32.0.1/24";
    static final String C2_IP = "10.32.0.2";
    static final String C3_IP = "10.32.0.3";
    static final int CONTAINER_MTU = 1376;
    /** h1's bridge MTU: larger than the overlay MTU, so oversize frames from c1 reach h1's router. */
    static final int H1_BRIDGE_MTU = 9000;
    /** Bound on any convergence wait. */
    static final long CONVERGE_MS = 60_000;
    /** Echo requests of a loss check, and the seconds between them. */
    static final int LOSS_CHECK_PINGS = 20;
    static final String LOSS_CHECK_INTERVAL_S = "0.05";
    /** The TCP port of the transfer checks. */
    static final String TCP_PORT = "5201";
    /** Established connections in the whole mesh, each seen from both ends: h1-h2 and h2-h3. */
    static final int ESTABLISHED_ENDS = 4;

    private final String[] everyDaemon;
    Netns net;
    String c1;
    String c2;
    String c3;
    DaemonProcess h1;
    DaemonProcess h2;
    DaemonProcess h3;

    /** A mesh whose daemons all get {@code everyDaemon} as extra arguments; built by {@link #beforeAll}. */
    SleeveMesh(String... everyDaemon) {
        this.everyDaemon = everyDaemon.clone();
    }

    /**
     * Builds the mesh: namespaces, links, daemons, containers. Skips the test class where namespaces or TAP
     * devices cannot be made (not root).
     */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue(Netns.usable() && Files.exists(Path.of("/dev/net/tun")), "needs root, iproute2 and /dev/net/tun");
        net = new Netns();
        String n1 = net.add("h1");
        String n2 = net.add("h2");
        String n3 = net.add("h3");
        c1 = net.add("c1");
        c2 = net.add("c2");
        c3 = net.add("c3");
        net.link(n1, H1_IP + "/24", n2, H2_ON_A + "/24");
        net.link(n2, H2_ON_B + "/24", n3, H3_IP + "/24");
        Path logs = Path.of("target", "it-logs", net.prefix);
        h2 = DaemonProcess.launch(n2, logs.resolve("h2.log"), args("--name", H2, "--nickname", "h2"));
        h1 = DaemonProcess.launch(n1, logs.resolve("h1.log"), args("--name", H1, "--nickname", "h1",
                "--mtu", String.valueOf(H1_BRIDGE_MTU), H2_ON_A));
        h3 = DaemonProcess.launch(n3, logs.resolve("h3.log"), args("--name", H3, "--nickname", "h3", H2_ON_B));
        ContainerHosts.attach(h1, c1, C1_CIDR, CONTAINER_MTU);
        ContainerHosts.attach(h2, c2, C2_IP + "/24", CONTAINER_MTU);
        ContainerHosts.attach(h3, c3, C3_IP + "/24", CONTAINER_MTU);
    }

    /** Kills whatever runs in the namespaces and removes them. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (net != null) {
            net.close();
        }
    }

    /** Waits until h1 sees every connection of the mesh established and a first relayed ping c1 -> c3 answers. */
    void awaitConverged() throws InterruptedException {
        DaemonProcess.await(() -> h1.http("/status/peers"), p -> p != null
                && p.lines().filter(l -> l.endsWith(" established")).count() == ESTABLISHED_ENDS, CONVERGE_MS,
                "h1 to see the whole mesh established");
        DaemonProcess.await(() -> ContainerHosts.ping(c1, "-c", "1", "-W", "1", C3_IP).status(), s -> s == 0,
                CONVERGE_MS, "a first relayed ping c1 -> c3");
    }

    /** Pings {@code target} from c1 {@link #LOSS_CHECK_PINGS} times in quick succession; none may be lost. */
    void assertPingsWithoutLoss(String target) {
        Netns.Result ping = ContainerHosts.ping(c1, "-c", String.valueOf(LOSS_CHECK_PINGS),
                "-i", LOSS_CHECK_INTERVAL_S, "-W", "1", target);
        System.out.println("c1 -> " + target + ":\n" + ping.out());
        assertThat(ping.out()).as(target).contains(" 0% packet loss");
    }

    /** Sends {@code bytes} over TCP from c1 to c3 (relayed by h2); the server must receive every byte. */
    void assertTcpC1ToC3Intact(long bytes) throws Exception {
        ContainerHosts.Background server = ContainerHosts.startProbe(c3, "tcp-serve", TCP_PORT);
        Netns.Result client = ContainerHosts.probe(c1, "tcp-send", C3_IP, TCP_PORT, String.valueOf(bytes));
        String served = server.finish();

        System.out.println("TCP c1 -> c3 (relayed by h2): " + client.out().trim());
        assertThat(client.status()).as(client.out()).isZero();
        assertThat(served).contains("received " + bytes);
    }

    private String[] args(String... own) {
        List<String> all = new ArrayList<>(List.of(everyDaemon));
        all.addAll(List.of(own));
        return all.toArray(new String[0]);
    }
}
