package net.weft.daemon.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.weft.core.view.RouterView;
import net.weft.sim.Cluster;
import net.weft.sim.NodeFactory;
import org.junit.jupiter.api.Test;

/**
 * Status pages and metrics of routers that really run encrypted: two routers with a password meet in the
 * simulator, and h1's view is rendered as the daemon renders it.
 */
class EncryptedViewRenderingTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final long SEED = 5;
    private static final long SETTLE_NS = 5 * Cluster.S;

    @Test
    void an_encrypted_connection_shows_encrypted_and_the_smaller_mtu_on_the_status_page() {
        RouterView h1 = encryptedPairViewOfH1();

        String connections = StatusText.connections(Fixtures.snapshot(h1, List.of()));

        assertThat(connections.split("\n")).singleElement().satisfies(line -> assertThat(line)
                .contains("established", "encrypted   sleeve", "encrypted=truemtu=1414")
                .doesNotContain("unencrypted"));
        assertThat(StatusText.summary(Fixtures.snapshot(h1, List.of()))).contains("Encryption: enabled");
    }

    @Test
    void the_encrypted_connection_is_counted_with_encryption_yes() {
        RouterView h1 = encryptedPairViewOfH1();

        Map<String, Double> samples = Exposition.parse(MetricsText.render(Fixtures.snapshot(h1, List.of())));

        assertThat(samples)
                .containsEntry("weave_connections{state=\"established\",type=\"sleeve\",encryption=\"yes\"}", 1.0)
                .doesNotContainKey("weave_connections{state=\"established\",type=\"sleeve\",encryption=\"\"}");
    }

    @Test
    void sleeve_drops_are_exported_per_peer_with_the_peer_name_split_at_the_first_colon() {
        RouterView real = encryptedPairViewOfH1();
        String h2 = real.connections().get(0).remote().toString();
        TreeMap<String, Long> counters = new TreeMap<>(real.counters());
        counters.put("sleeve_decrypt_failures:" + h2, 2L);
        counters.put("sleeve_replays:" + h2, 3L);
        counters.put("sleeve_too_old:" + h2, 4L);
        counters.put("sleeve_malformed:aa:00:00:00:00:09", 5L);
        RouterView h1 = withCounters(real, counters);

        Map<String, Double> samples = Exposition.parse(MetricsText.render(Fixtures.snapshot(h1, List.of())));

        assertThat(samples)
                .containsEntry("weft_sleeve_decrypt_failures_total{peer=\"" + h2 + "\"}", 2.0)
                .containsEntry("weft_sleeve_replays_total{peer=\"" + h2 + "\"}", 3.0)
                .containsEntry("weft_sleeve_too_old_total{peer=\"" + h2 + "\"}", 4.0)
                .containsEntry("weft_sleeve_malformed_total{peer=\"aa:00:00:00:00:09\"}", 5.0);
        assertThat(samples.keySet()).filteredOn(k -> k.startsWith("weft_core_events_total"))
                .noneMatch(k -> k.contains("sleeve_"));
    }

    @Test
    void without_drops_the_sleeve_families_are_declared_but_empty() {
        String text = MetricsText.render(Fixtures.snapshot(encryptedPairViewOfH1(), List.of()));

        Map<String, Double> samples = Exposition.parse(text);

        for (SleeveDropMetrics m : SleeveDropMetrics.ALL) {
            assertThat(text).contains("# TYPE " + m.metric() + " counter\n");
            assertThat(samples.keySet()).noneMatch(k -> k.startsWith(m.metric()));
        }
    }

    private static RouterView encryptedPairViewOfH1() {
        NodeFactory routers = NodeFactory.routers();
        Cluster c = new Cluster(SEED, (config, rng, trace) -> routers.create(config.withPassword(PASSWORD), rng,
                trace));
        c.peer("h1");
        c.peer("h2");
        c.link("h1", "h2");
        c.startAll();
        c.runFor(SETTLE_NS);
        RouterView h1 = c.view("h1");
        assertThat(h1.encryption()).isTrue();
        assertThat(h1.connections()).hasSize(1);
        return h1;
    }

    private static RouterView withCounters(RouterView v, TreeMap<String, Long> counters) {
        return new RouterView(v.name(), v.nickname(), v.uid(), v.shortId(), v.version(), v.nowNs(), v.port(),
                v.encryption(), v.discovery(), v.peers(), v.connections(), v.targets(), v.unicastRoutes(),
                v.broadcastRoutes(), v.macs(), v.terminations(), counters);
    }
}
