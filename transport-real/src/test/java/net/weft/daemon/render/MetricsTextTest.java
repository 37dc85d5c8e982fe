package net.weft.daemon.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.id.PeerUid;
import net.weft.core.view.RouterView;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import org.junit.jupiter.api.Test;

class MetricsTextTest {

    @Test
    void a_lone_daemon_with_no_peers_scrapes_cleanly_with_every_family_at_zero() {
        RouterView empty = new RouterView(Fixtures.H1, "", new PeerUid(1), 0, 0, 0, 6783, false, true, List.of(),
                List.of(), List.of(), new TreeMap<>(), new TreeMap<>(), List.of(), 0, new TreeMap<>());
        StatusSnapshot s = new StatusSnapshot(empty, List.of(), List.of(), new DaemonCounters().snapshot(), 0, "x");

        Map<String, Double> samples = Exposition.parse(MetricsText.render(s));

        assertThat(samples).containsEntry(
                "weave_connections{state=\"established\",type=\"sleeve\",encryption=\"\"}", 0.0);
        assertThat(samples).containsEntry("weave_connection_terminations_total", 0.0);
        assertThat(samples).containsEntry("weft_peers", 0.0);
        for (Counter c : Counter.values()) {
            assertThat(samples).containsEntry(c.metricName(), 0.0);
        }
    }

    @Test
    void connections_are_counted_by_state_type_and_encryption_like_weave() {
        DaemonCounters counters = new DaemonCounters();
        counters.add(Counter.TCP_SENT_BYTES, 1234);
        StatusSnapshot h1 = new StatusSnapshot(Fixtures.h1EncryptedView(), List.of(), List.of(), counters.snapshot(),
                0, "x");

        Map<String, Double> samples = Exposition.parse(MetricsText.render(h1));

        assertThat(samples).containsEntry(
                "weave_connections{state=\"established\",type=\"sleeve\",encryption=\"yes\"}", 1.0);
        assertThat(samples).containsEntry("weft_peers", 3.0);
        assertThat(samples).containsEntry("weft_tcp_sent_bytes_total", 1234.0);
    }

    @Test
    void targets_without_an_overlay_are_of_unknown_type_and_core_counters_are_labelled() {
        StatusSnapshot s = Fixtures.snapshot(Fixtures.troubledView(), List.of("192.0.2.9"));

        Map<String, Double> samples = Exposition.parse(MetricsText.render(s));

        assertThat(samples)
                .containsEntry("weave_connections{state=\"failed\",type=\"unknown\",encryption=\"\"}", 1.0)
                .containsEntry("weave_connections{state=\"connecting\",type=\"unknown\",encryption=\"\"}", 2.0)
                .containsEntry("weave_connections{state=\"failed\",type=\"sleeve\",encryption=\"\"}", 0.0)
                .containsEntry("weave_connection_terminations_total", 3.0)
                .containsEntry("weft_core_events_total{name=\"gossip.sent\"}", 12.0)
                .containsEntry("weft_targets", 1.0);
    }

    @Test
    void label_values_with_quotes_backslashes_and_newlines_are_escaped() {
        assertThat(MetricsText.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
