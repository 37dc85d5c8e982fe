package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario of the library passes its expectations on the real router (random-1000 runs in the benchmark). */
class ShippedScenariosTest {

    /** Too slow for CI; run by benchmarks/sim-scale.sh instead. */
    private static final String BENCHMARK_ONLY = "random-1000.yaml";

    static Stream<Path> library() throws Exception {
        return Files.list(ScenarioParserTest.LIBRARY).filter(p -> !p.getFileName().toString().equals(BENCHMARK_ONLY))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("library")
    void passes(Path file) throws Exception {
        Scenario s = ScenarioParser.load(file);
        ScenarioResult r = new ScenarioRunner(s, s.seedOr(null)).run();
        assertThat(r.passed()).as(String.join("\n", r.render())).isTrue();
    }
}
