package net.weft.daemon.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTextTest {

    @Test
    void h2s_pages_match_what_weave_printed_for_the_same_mesh() {
        Map<String, String> weave = Captures.sections("status-h2.txt");
        StatusSnapshot s = Fixtures.snapshot(Fixtures.h2View(), List.of("192.0.2.1", "192.0.2.3"));

        assertThat(StatusText.summary(s)).isEqualTo(weave.get("/status"));
        assertThat(StatusText.connections(s)).isEqualTo(weave.get("/status/connections"));
        assertThat(StatusText.peers(s)).isEqualTo(weave.get("/status/peers"));
        assertThat(StatusText.targets(s)).isEqualTo(weave.get("/status/targets"));
    }

    @Test
    void h1s_pages_match_weave_including_an_inbound_connection_and_no_targets() {
        Map<String, String> weave = Captures.sections("status-h1.txt");
        StatusSnapshot s = Fixtures.snapshot(Fixtures.h1View(), List.of());

        assertThat(StatusText.summary(s)).isEqualTo(weave.get("/status"));
        assertThat(StatusText.connections(s)).isEqualTo(weave.get("/status/connections"));
        assertThat(StatusText.peers(s)).isEqualTo(weave.get("/status/peers"));
        assertThat(StatusText.targets(s)).isEmpty();
    }

    @Test
    void an_encrypted_mesh_shows_the_encryption_column_and_weaves_unseparated_attributes() {
        Map<String, String> weave = Captures.sections("status-enc-h1.txt");
        StatusSnapshot s = Fixtures.snapshot(Fixtures.h1EncryptedView(), List.of());

        assertThat(StatusText.summary(s)).isEqualTo(weave.get("/status"));
        assertThat(StatusText.connections(s)).isEqualTo(weave.get("/status/connections"));
        assertThat(StatusText.peers(s)).isEqualTo(weave.get("/status/peers"));
    }

    @Test
    void connections_that_are_not_established_say_why() {
        StatusSnapshot s = Fixtures.snapshot(Fixtures.troubledView(), List.of("192.0.2.9", "192.0.2.10"));

        assertThat(StatusText.connections(s)).isEqualTo(""
                + "<- 192.0.2.66:40000      connecting  waiting for protocol header\n"
                + "-> 192.0.2.9:6783        failed      dial tcp 192.0.2.9:6783: connect: connection refused,"
                + " retry: 2026-11-28T18:12:43Z\n"
                + "-> 192.0.2.10:6783       connecting\n"
                + "-> 192.0.2.11:6783       retrying    dial tcp 192.0.2.11:6783: i/o timeout\n");
        assertThat(StatusText.summary(s))
                .contains("    Connections: 4 (1 retrying, 1 failed, 2 connecting)\n")
                .contains("          Peers: 1\n")
                .contains("  PeerDiscovery: enabled\n")
                .contains("        Targets: 2\n");
    }

    @Test
    void trusted_subnets_are_listed_when_configured() {
        StatusSnapshot s = new StatusSnapshot(Fixtures.h1View(), List.of(), List.of("10.0.0.0/8", "192.168.0.0/16"),
                new java.util.TreeMap<>(), Fixtures.NOW_EPOCH_MS, "0.1.0");

        assertThat(StatusText.summary(s)).contains(" TrustedSubnets: 10.0.0.0/8, 192.168.0.0/16\n")
                .startsWith("        Version: 0.1.0 (version check update disabled)\n");
    }
}
