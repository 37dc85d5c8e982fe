package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading scenario files, and the errors a scenario author sees. */
class ScenarioParserTest {

    static final Path LIBRARY = Path.of("src/main/resources/scenarios");

    @Test
    void theSeedScenarioReadsAsWritten() throws Exception {
        Scenario s = ScenarioParser.load(LIBRARY.resolve("seed-partial-mesh.yaml"));
        assertThat(s.name()).isEqualTo("seed-partial-mesh");
        assertThat(s.seed()).isEqualTo(7L);
        assertThat(s.peers()).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(((LinkSpec.Explicit) s.links()).pairs()).hasSize(4).first().asList().containsExactly("p1", "p2");
        assertThat(s.network().latencyNs()).isEqualTo(2_000_000L);
        assertThat(s.containers()).containsKeys("p1", "p4", "p5");
        assertThat(s.events()).extracting(ScenarioEvent::kind).containsExactly("ping", "cut");
        assertThat(s.runForNs()).isEqualTo(40_000_000_000L);
        assertThat(s.expectations()).extracting(Expectation::kind).contains("next-hop", "reachable", "unreachable");
    }

    @Test
    void theBriefsExampleWithEveryEventKindParses() {
        Scenario s = ScenarioParser.parse(String.join("\n",
                "name: example",
                "peers: [p1, p2, p3, p4, p5]",
                "links: [[p1, p2], [p1, p3], [p3, p4], [p3, p5]]",
                "network: {latency: 2ms, loss: 0.0}",
                "containers: {p1: [c1], p4: [c4], p5: [c5]}",
                "timings: {backoff-max: 10s, gossip-interval: 5s}",
                "events:",
                "  - {at: 10s, cut: [p1, p3]}",
                "  - {at: 20s, heal: [p1, p3]}",
                "  - {at: 25s, partition: [[p1, p2], [p3, p4, p5]]}",
                "  - {at: 30s, block: {from: [p1], to: [p2]}}",
                "  - {at: 40s, heal-all: true}",
                "  - {at: 45s, crash: p4}",
                "  - {at: 50s, restart: p4}",
                "  - {at: 52s, pause: p2}",
                "  - {at: 53s, resume: p2}",
                "  - {at: 54s, join: {peer: p6, links: [p1]}}",
                "  - {at: 55s, leave: p6}",
                "  - {at: 56s, network: {latency: 10ms, loss: 0.01}}",
                "  - {at: 57s, churn: {peers: 2, down-for: 1s}}",
                "  - {at: 60s, ping: {from: c1, to: c4, count: 3}}",
                "run-for: 90s",
                "expect:",
                "  - {converged-within: 5s}",
                "  - {reachable: {from: c1, to: c5}}",
                "  - {next-hop: {at: p1, to: p4, via: p3}}"), "example.yaml");
        assertThat(s.events()).hasSize(14);
        assertThat(s.timings()).containsEntry("backoff-max", 10_000_000_000L);
        assertThat(s.expectations()).hasSize(3);
    }

    @Test
    void aGeneratedPeerListAndARandomMeshAreAccepted() {
        Scenario s = ScenarioParser.parse("peers: {count: 4, prefix: n}\nlinks: {random: {degree: 2}}\n", "gen.yaml");
        assertThat(s.peers()).containsExactly("n1", "n2", "n3", "n4");
        assertThat(s.links()).isEqualTo(new LinkSpec.Random(2));
        assertThat(s.name()).isEqualTo("gen");
    }

    @Test
    void anUnknownPeerIsReportedWithItsLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1, p2]\nevents:\n  - {at: 1s, crash: p9}\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessage("x.yaml:3: unknown peer p9");
    }

    @Test
    void aBadDurationIsReportedWithItsLine() {
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1]\nrun-for: 10 parsecs\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.yaml:2: run-for: bad duration");
    }

    @Test
    void anUnknownKeyIsReportedWithTheAllowedOnes() {
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1]\nrun_for: 10s\n", "x.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.yaml:2: unknown key 'run_for'")
                .hasMessageContaining("run-for");
    }

    @Test
    void otherMistakesAreNamedToo() {
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1, p2]\nlinks: [[p1, p1]]\n", "x.yaml"))
                .hasMessage("x.yaml:2: a link is a pair of two different peers");
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1]\nnetwork: {loss: 2}\n", "x.yaml"))
                .hasMessageContaining("network.loss must be within [0, 1]");
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1]\nevents:\n  - {cut: [p1, p1]}\n", "x.yaml"))
                .hasMessage("x.yaml:3: event needs 'at'");
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1]\nexpect:\n  - {reachable: {from: a, to: b}}\n",
                "x.yaml")).hasMessage("x.yaml:3: unknown container a");
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1\n", "x.yaml"))
                .hasMessageStartingWith("x.yaml:2: not valid YAML");
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1]\ntimings: {backof: 1s}\n", "x.yaml"))
                .hasMessageStartingWith("x.yaml:2: unknown key 'backof' in timings");
        assertThatThrownBy(() -> ScenarioParser.parse("peers: [p1]\nevents:\n  - {at: 5s, crash: p1}\nrun-for: 1s\n",
                "x.yaml")).hasMessageContaining("ends before the last event");
    }

    @Test
    void durationsReadEveryUnitAndPrintBack() {
        assertThat(Durations.parseNs("250ms")).isEqualTo(250_000_000L);
        assertThat(Durations.parseNs("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Durations.parseNs("2m")).isEqualTo(120_000_000_000L);
        assertThat(Durations.parseNs("7us")).isEqualTo(7_000L);
        assertThat(Durations.format(1_500_000_000L)).isEqualTo("1500ms");
        assertThat(Durations.format(Durations.parseNs("90s"))).isEqualTo("90s");
    }
}
