package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code small-mtu-path.yaml}: the routers' PMTU search on a 1400-byte underlay, judged by the scenario's own
 * expectations and visible in the JSON report; and the new keys' parsing.
 */
class PathMtuScenarioTest {

    @Test
    void theSmallMtuPathScenarioPassesAndItsJsonShowsTheVerifiedMtus() throws Exception {
        Scenario s = ScenarioParser.load(ScenarioParserTest.LIBRARY.resolve("small-mtu-path.yaml"));
        ScenarioResult r = new ScenarioRunner(s, s.seedOr(null)).run();
        assertThat(r.passed()).as(String.join("\n", r.render())).isTrue();

        Map<String, Object> json = r.toJson();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> peers = (Map<String, Map<String, Object>>) json.get("peers");
        assertThat(peers.get("p2").get("mtus")).isEqualTo(Map.of("p1", 1338, "p3", 1338));
        assertThat(Json.write(json)).contains("\"mtus\"");
        assertThat(r.pings()).anySatisfy(p -> assertThat(p.lostByReason())
                .containsEntry("fragmentation needed, MTU 1338", 2));
    }

    @Test
    void theSameScenarioWithTheConfiguredPathMtuKeepsTheConfiguredMtu() throws Exception {
        String yaml = "peers: [p1, p2]\nnetwork: {mtu: 1500}\ncontainers: {p1: [c1], p2: [c2]}\nrun-for: 20s\n"
                + "expect:\n  - {mtu: {at: p1, to: p2, is: 1438}}\n"
                + "  - {reachable: {from: c1, to: c2, size: 1438, df: true}}\n"
                + "  - {fragmentation-needed: {from: c1, to: c2, size: 1439, mtu: 1438}}\n";
        Scenario s = ScenarioParser.parse(yaml, "inline");
        ScenarioResult r = new ScenarioRunner(s, 1L).run();
        assertThat(r.passed()).as(String.join("\n", r.render())).isTrue();
    }

    @Test
    void pingSizesOutsideIpv4AndIncompleteExpectationsAreRejectedWithTheLine() {
        String base = "peers: [p1, p2]\ncontainers: {p1: [c1], p2: [c2]}\n";
        assertThatThrownBy(() -> ScenarioParser.parse(base
                + "events:\n  - {at: 1s, ping: {from: c1, to: c2, size: 27}}\n", "bad"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("bad:4").hasMessageContaining("size");
        assertThatThrownBy(() -> ScenarioParser.parse(base + "expect:\n  - {mtu: {at: p1, to: p2}}\n", "bad"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("needs 'is'");
        assertThatThrownBy(() -> ScenarioParser.parse(base
                + "expect:\n  - {fragmentation-needed: {from: c1, to: c2, size: 1400}}\n", "bad"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("needs 'mtu'");
    }
}
