package net.weft.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.List;
import net.weft.daemon.DaemonSettings;
import net.weft.sleeve.host.sodium.CryptoEngineChoice;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LaunchCommandTest {

    private final StringWriter err = new StringWriter();

    private DaemonSettings parse(String... args) {
        CommandLine cl = DaemonMain.commandLine();
        cl.parseArgs(args);
        LaunchCommand launch = cl.getSubcommands().get("launch").getCommand();
        return launch.settings();
    }

    private int run(String... args) {
        CommandLine cl = DaemonMain.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void weaves_launch_flags_become_settings() {
        DaemonSettings s = parse("launch", "--name", "aa:00:00:00:00:01", "--nickname", "h1", "--port", "7000",
                "--password", "s3cret", "--conn-limit", "5", "--no-discovery", "--trusted-subnets",
                "10.0.0.0/8,192.168.0.0/16", "--http-addr", "127.0.0.1:7001", "--status-addr", "127.0.0.1:7002",
                "--underlay-mtu", "1400", "192.0.2.2", "192.0.2.3:7000");

        assertThat(s.name()).contains("aa:00:00:00:00:01");
        assertThat(s.port()).isEqualTo(7000);
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.connLimit()).isEqualTo(5);
        assertThat(s.discovery()).isFalse();
        assertThat(s.trustedSubnets()).containsExactly("10.0.0.0/8", "192.168.0.0/16");
        assertThat(s.httpAddress().getPort()).isEqualTo(7001);
        assertThat(s.statusAddress().getPort()).isEqualTo(7002);
        assertThat(s.mtu()).isEqualTo(1400);
        assertThat(s.peers()).containsExactly("192.0.2.2", "192.0.2.3:7000");
    }

    @Test
    void bad_flags_are_usage_errors_with_a_clear_message() {
        assertThat(run("launch", "--name", "zz:zz")).isEqualTo(2);
        assertThat(err.toString()).contains("invalid peer name: zz:zz");
        assertThat(run("launch", "--port", "70000")).isEqualTo(2);
        assertThat(run("launch", "--trusted-subnets", "10.0.0.0/33")).isEqualTo(2);
        assertThat(err.toString()).contains("invalid CIDR in --trusted-subnets: 10.0.0.0/33");
        assertThat(run("launch", "--log-level", "chatty")).isEqualTo(2);
        assertThat(run("launch", "a:b:c")).isEqualTo(2);
        assertThat(err.toString()).contains("invalid peer name \"a:b:c\", should be host[:port]");
    }

    @Test
    void the_crypto_engine_flag_picks_the_sleeve_secretbox_and_defaults_to_auto() {
        assertThat(parse("launch").cryptoEngine()).isEqualTo(CryptoEngineChoice.AUTO);
        assertThat(parse("launch", "--crypto-engine", "java").cryptoEngine()).isEqualTo(CryptoEngineChoice.JAVA);
        assertThat(parse("launch", "--crypto-engine", "LibSodium").cryptoEngine())
                .isEqualTo(CryptoEngineChoice.LIBSODIUM);

        assertThat(run("launch", "--crypto-engine", "openssl")).isEqualTo(2);
        assertThat(err.toString()).contains("--crypto-engine must be auto, java or libsodium: openssl");
    }

    @Test
    void a_detached_child_gets_neither_detach_nor_the_password_on_its_command_line() {
        assertThat(Detacher.childArguments(List.of("launch", "--detach", "--password", "x", "--password=y",
                "--name", "aa:00:00:00:00:01", "192.0.2.1")))
                .containsExactly("launch", "--name", "aa:00:00:00:00:01", "192.0.2.1");
        assertThat(Detacher.nameIn("        Version: 0.1.0\n           Name: aa:00:00:00:00:01(h1)\n"))
                .isEqualTo("aa:00:00:00:00:01");
    }

    @Test
    void verbs_say_clearly_when_no_daemon_is_running() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        assertThat(run("status", "--http-addr", "127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err.toString()).contains("weft is not running at 127.0.0.1:" + port);
        assertThat(run("status", "bogus", "--http-addr", "127.0.0.1:" + port)).isEqualTo(2);
        assertThat(err.toString()).contains("unknown status section 'bogus'");
    }
}
