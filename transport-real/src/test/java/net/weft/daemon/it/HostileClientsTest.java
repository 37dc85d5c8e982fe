package net.weft.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.weft.daemon.render.Exposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that do not speak the protocol (garbage, a wrong version, an oversize frame, a stall, an encrypted
 * intro) meet a daemon that also serves a real peer: each is disconnected with a logged reason, and the real
 * peer's connection stays up throughout.
 */
class HostileClientsTest {

    static final String A = "aa:00:00:00:00:0a";
    static final String B = "aa:00:00:00:00:0b";
    static final String C = "aa:00:00:00:00:0c";
    static final String D = "aa:00:00:00:00:0d";
    static final String A_IP = "10.203.1.1";
    /** Bound on waiting for the real peers to connect. */
    static final long CONNECT_MS = 60_000;
    /** A hostile client gives up after this long; the daemon must close first (its header timeout is 10 s). */
    static final int CLIENT_PATIENCE_S = 25;

    static Netns net;
    static DaemonProcess a;
    static DaemonProcess b;
    static String attackerNs;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Netns.usable(), "needs root and iproute2");
        net = new Netns();
        String nsA = net.add("va");
        attackerNs = net.add("vb");
        net.link(nsA, A_IP + "/24", attackerNs, "10.203.1.2/24");
        Path logs = Path.of("target", "it-logs", net.prefix);
        a = DaemonProcess.launch(nsA, logs.resolve("a.log"), "--name", A, "--nickname", "a");
        b = DaemonProcess.launch(attackerNs, logs.resolve("b.log"), "--name", B, "--nickname", "b", A_IP);
        DaemonProcess.await(() -> a.http("/status/connections"), c -> c != null && c.contains("established"),
                CONNECT_MS, "b's connection to a to be established");
    }

    @AfterAll
    static void stop() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void every_hostile_client_is_cut_off_with_its_reason_in_the_log_while_the_real_peer_stays_connected()
            throws Exception {
        Map<String, String> attacks = Map.of(
                "GET / HTTP/1.0\\r\\n\\r\\n", "remote protocol header not recognised",
                "weave\\x05\\x06", "remote version range [5,6] is incompatible with ours",
                "weave\\x01\\x02\\x00\\x7f\\xff\\xff\\xff", "exceeds limit of 10485760",
                "weave\\x01\\x02\\x01" + "\\x11".repeat(32),
                "no password specificed, but peer requested an encrypted connection",
                "wea", "handshake timed out");
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            Netns.Result r = Netns.exec(attackerNs, List.of("bash", "-c",
                    "exec 3<>/dev/tcp/" + A_IP + "/6783 || exit 3; printf \"$1\" >&3; timeout " + CLIENT_PATIENCE_S
                            + " cat <&3 >/dev/null; echo \"cat=$?\"", "attacker", attack.getKey()));
            assertThat(r.out()).as("client sending %s", attack.getKey()).doesNotContain("cat=124")
                    .contains("cat=");
            DaemonProcess.await(a::logText, log -> log.contains(attack.getValue()), 10_000,
                    "a's log to give the reason '" + attack.getValue() + "'");
        }

        assertThat(a.alive()).isTrue();
        assertThat(a.http("/status/connections")).contains("<- 10.203.1.2:").contains(" established ");
        assertThat(b.logText()).doesNotContain("connection shutting down");
        double expectedAccepts = attacks.size() + 1.0;
        DaemonProcess.await(() -> Exposition.parse(a.http("/metrics")).get("weft_tcp_accepted_total"),
                accepted -> accepted != null && accepted >= expectedAccepts, 10_000,
                "a's /metrics to count every accepted connection (published with a short delay)");
    }

    @Test
    void a_peer_with_a_password_is_refused_by_one_without_but_meets_one_with_the_same_password() throws Exception {
        String nsC = net.add("vc");
        String nsD = net.add("vd");
        net.link(a.ns, "10.203.2.1/24", nsC, "10.203.2.3/24");
        net.link(nsC, "10.203.3.3/24", nsD, "10.203.3.4/24");
        DaemonProcess c = DaemonProcess.launch(nsC, a.log.resolveSibling("c.log"), "--name", C, "--nickname", "c",
                "--password", "sesame", "10.203.2.1");
        DaemonProcess d = DaemonProcess.launch(nsD, a.log.resolveSibling("d.log"), "--name", D, "--nickname", "d",
                "--password", "sesame", "10.203.3.3");

        DaemonProcess.await(c::logText, l -> l.contains("password specified, but peer requested an unencrypted "
                + "connection"), CONNECT_MS, "c to refuse a, which has no password, with Weave's words");
        String connections = DaemonProcess.await(() -> c.http("/status/connections"),
                t -> t != null && t.contains("established encrypted   sleeve " + D + "(d)"), CONNECT_MS,
                "c and d, which share the password, to be connected and encrypted");

        assertThat(connections).contains("encrypted=true");
        assertThat(a.http("/status/peers")).doesNotContain(C);
        assertThat(d.alive()).isTrue();
    }
}
