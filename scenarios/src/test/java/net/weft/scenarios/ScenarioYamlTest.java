package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scenarios written back as YAML read as the same scenario. */
class ScenarioYamlTest {

    @Test
    void everyShippedScenarioSurvivesARoundTrip() throws Exception {
        try (Stream<Path> files = Files.list(ScenarioParserTest.LIBRARY)) {
            for (Path f : files.sorted().toList()) {
                Scenario s = ScenarioParser.load(f);
                Scenario again = ScenarioParser.parse(ScenarioYaml.write(s), f.toString());
                assertThat(again.peers()).as(f.toString()).isEqualTo(s.peers());
                assertThat(again.links()).isEqualTo(s.links());
                assertThat(again.network()).isEqualTo(s.network());
                assertThat(again.discovery()).isEqualTo(s.discovery());
                assertThat(again.containers()).isEqualTo(s.containers());
                assertThat(again.events()).extracting(ScenarioEvent::atNs, ScenarioEvent::kind, ScenarioEvent::args)
                        .isEqualTo(s.events().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.atNs(), e.kind(),
                                e.args())).toList());
                assertThat(again.expectations()).extracting(Expectation::kind, Expectation::args)
                        .isEqualTo(s.expectations().stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.kind(),
                                x.args())).toList());
                assertThat(again.runForNs()).isEqualTo(s.runForNs());
            }
        }
    }

    @Test
    void aSwarmScenarioPrintsAsARunnableFile() {
        Scenario s = SwarmScenario.generate(42);
        String yaml = ScenarioYaml.write(s);
        Scenario again = ScenarioParser.parse(yaml, "swarm.yaml");
        assertThat(again.events()).hasSameSizeAs(s.events());
        assertThat(again.seed()).isEqualTo(42L);
    }
}
