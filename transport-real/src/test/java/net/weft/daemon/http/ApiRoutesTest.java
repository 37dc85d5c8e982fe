package net.weft.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {

    private final FakeControl control = new FakeControl();
    private final ApiRoutes api = new ApiRoutes(control, true, 6783);
    private final ApiRoutes status = new ApiRoutes(control, false, 6783);

    private static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of());
    }

    @Test
    void weaves_read_paths_answer_on_both_endpoints() {
        for (ApiRoutes r : List.of(api, status)) {
            assertThat(r.handle(get("/status")).join().body()).contains("Name: aa:00:00:00:00:01(fake)");
            assertThat(r.handle(get("/status/peers")).join().status()).isEqualTo(200);
            assertThat(r.handle(get("/status/connections")).join().status()).isEqualTo(200);
            assertThat(r.handle(get("/status/targets/")).join().status()).isEqualTo(200);
            assertThat(r.handle(get("/report")).join().contentType()).isEqualTo(ApiResponse.JSON);
            assertThat(r.handle(get("/metrics")).join().body()).contains("weave_connections");
        }
    }

    @Test
    void connect_passes_every_peer_and_the_replace_flag_to_the_router() {
        ApiResponse r = api.handle(new ApiRequest("POST", "/connect",
                Map.of("peer", List.of("192.0.2.1", "192.0.2.2:7000"), "replace", List.of("true")))).join();

        assertThat(r.status()).isEqualTo(200);
        assertThat(control.calls).containsExactly("connect [192.0.2.1, 192.0.2.2:7000] replace");
    }

    @Test
    void bad_peer_strings_are_refused_with_weaves_message_and_nothing_reaches_the_router() {
        ApiResponse r = api.handle(new ApiRequest("POST", "/connect",
                Map.of("peer", List.of("192.0.2.1", "host:notaport", "a:b:c")))).join();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("invalid peer name \"host:notaport\", should be host[:port]\n"
                + "invalid peer name \"a:b:c\", should be host[:port]\n");
        assertThat(control.calls).isEmpty();
    }

    @Test
    void forget_and_stop_reach_the_daemon() {
        api.handle(new ApiRequest("POST", "/forget", Map.of("peer", List.of("192.0.2.1")))).join();
        api.handle(new ApiRequest("POST", "/stop", Map.of())).join();

        assertThat(control.calls).containsExactly("forget [192.0.2.1]", "stop");
    }

    @Test
    void the_status_endpoint_is_read_only() {
        ApiResponse r = status.handle(new ApiRequest("POST", "/stop", Map.of())).join();

        assertThat(r.status()).isEqualTo(405);
        assertThat(control.calls).isEmpty();
    }

    @Test
    void unknown_paths_get_gos_not_found_and_a_daemon_still_starting_says_so() {
        assertThat(api.handle(get("/status/dns")).join()).isEqualTo(ApiResponse.error(404, "404 page not found"));
        control.snapshot = null;
        assertThat(api.handle(get("/status")).join().status()).isEqualTo(503);
    }
}
