package net.weft.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code weft launch --detach} returns once the daemon answers, and {@code weft stop} ends it. */
class DetachedLaunchTest {

    static Netns net;
    static String ns;

    @BeforeAll
    static void namespace() {
        assumeTrue(Netns.usable(), "needs root and iproute2");
        net = new Netns();
        ns = net.add("d1");
    }

    @AfterAll
    static void cleanUp() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void a_detached_daemon_prints_its_name_keeps_running_and_stops_on_request() {
        Path log = Path.of("target", "it-logs", net.prefix, "detached.log").toAbsolutePath();
        log.getParent().toFile().mkdirs();
        DaemonProcess cli = DaemonProcess.verbsIn(ns);

        Netns.Result launched = cli.weft("launch", "--detach", "--name", "aa:00:00:00:00:d1", "--nickname", "d1",
                "--password", "not-on-the-command-line", "--log-file", log.toString());
        assertThat(launched.status()).as(launched.out()).isZero();
        assertThat(launched.out()).endsWith("aa:00:00:00:00:d1\n");

        Netns.Result status = cli.weft("status");
        assertThat(status.out()).contains("Name: aa:00:00:00:00:d1(d1)").contains("Encryption: enabled");
        assertThat(Netns.exec(ns, java.util.List.of("bash", "-c",
                "for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < $f; echo; done")).out())
                .contains("aa:00:00:00:00:d1").doesNotContain("not-on-the-command-line");
        assertThat(cli.weft("launch", "--detach").out()).contains("weft is already running at 127.0.0.1:6784");

        assertThat(cli.weft("stop").status()).isZero();
        Netns.Result after = cli.weft("status");
        assertThat(after.status()).isEqualTo(1);
        assertThat(after.out()).contains("weft is not running at 127.0.0.1:6784");
    }
}
