package net.weft.daemon.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.weft.daemon.Daemon;
import net.weft.daemon.DaemonSettings;
import net.weft.daemon.cli.ApiClient;
import net.weft.daemon.datapath.CountingFrameInjector;
import net.weft.daemon.render.Exposition;
import net.weft.daemon.render.MiniJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One real daemon on loopback (no root needed): its HTTP API end to end. */
class DaemonInProcessTest {

    private Daemon daemon;
    private ApiClient api;
    private ApiClient statusApi;

    @BeforeEach
    void start() throws Exception {
        int port = freeTcpAndUdpPort();
        daemon = Daemon.start(new DaemonSettings(Optional.of("aa:00:00:00:00:42"), "solo", port, "", 200, true,
                List.of(), new InetSocketAddress("127.0.0.1", 0), new InetSocketAddress("127.0.0.1", 0), 0,
                List.of("192.0.2.77")), new CountingFrameInjector());
        api = new ApiClient("127.0.0.1:" + daemon.httpAddress().getPort());
        statusApi = new ApiClient("127.0.0.1:" + daemon.statusAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.stop();
        }
    }

    @Test
    void a_lone_daemon_reports_itself_and_its_launch_targets() throws IOException {
        String status = api.get("/status").body();

        assertThat(status).contains("           Name: aa:00:00:00:00:42(solo)\n").contains("        Targets: 1\n");
        assertThat(api.get("/status/targets").body()).isEqualTo("192.0.2.77\n");
        Object report = MiniJson.parse(statusApi.get("/report").body());
        assertThat(MiniJson.at(report, "Router", "Name")).isEqualTo("aa:00:00:00:00:42");
        assertThat(MiniJson.at(report, "Weft", "UID")).isEqualTo(daemon.config().uid().toString());
    }

    @Test
    void metrics_scrape_cleanly_with_zero_peers_and_count_the_routers_work() throws IOException {
        Map<String, Double> samples = Exposition.parse(statusApi.get("/metrics").body());

        assertThat(samples).containsKey("weave_connection_terminations_total");
        assertThat(samples.get("weft_router_steps_total")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void connect_and_forget_change_the_targets_and_bad_peers_get_weaves_message() throws IOException {
        assertThat(api.post("/connect", Map.of("peer", List.of("192.0.2.78:7000"))).status()).isEqualTo(200);
        assertThat(api.get("/status/targets").body()).isEqualTo("192.0.2.77\n192.0.2.78:7000\n");

        assertThat(api.post("/forget", Map.of("peer", List.of("192.0.2.77"))).status()).isEqualTo(200);
        assertThat(api.get("/status/targets").body()).isEqualTo("192.0.2.78:7000\n");

        ApiClient.Reply bad = api.post("/connect", Map.of("peer", List.of("x:y:z")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("invalid peer name \"x:y:z\", should be host[:port]\n");

        assertThat(api.post("/connect", Map.of("peer", List.of("192.0.2.79"), "replace", List.of("true")))
                .status()).isEqualTo(200);
        assertThat(api.get("/status/targets").body()).isEqualTo("192.0.2.79\n");
    }

    @Test
    void the_status_address_refuses_writes_and_stop_ends_the_daemon() throws Exception {
        assertThat(statusApi.post("/stop", Map.of()).status()).isEqualTo(405);

        assertThat(api.post("/stop", Map.of()).body()).isEqualTo("stopping\n");
        daemon.awaitStopped();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.get("/status"))
                .isInstanceOf(ApiClient.NotRunning.class).hasMessageContaining("weft is not running at 127.0.0.1:");
    }

    /** A port free for both TCP and UDP right now (the router needs the same number for both). */
    static int freeTcpAndUdpPort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port)) {
                    return port;
                } catch (IOException taken) {
                    continue;
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP");
    }
}
