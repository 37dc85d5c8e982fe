package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code weft sim}: exit codes, the JSON report's keys, the trace file. */
class SimCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(new SimCommand(o, e)).execute(args);
    }

    @Test
    void aBadScenarioExitsWithTwoAndNamesTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "peers: [p1]\nevents:\n  - {at: soon, crash: p1}\n");
        assertThat(run(f.toString())).isEqualTo(SimCommand.EXIT_BAD_SCENARIO);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml:3: at: bad duration 'soon'");
    }

    @Test
    void aMissingFileExitsWithTwo() {
        assertThat(run("/nonexistent/x.yaml")).isEqualTo(SimCommand.EXIT_BAD_SCENARIO);
    }

    @Test
    void aFailedExpectationExitsWithOneAndPrintsTheReplayCommand(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("lonely.yaml");
        Files.writeString(f, "peers: [p1, p2]\nlinks: []\ncontainers: {p1: [a], p2: [b]}\nrun-for: 5s\n"
                + "expect:\n  - {reachable: {from: a, to: b}}\n");
        assertThat(run(f.toString(), "--seed", "9")).isEqualTo(SimCommand.EXIT_FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL").contains("reachable from=a to=b");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed 9");
    }

    @Test
    void jsonAndTraceAreWrittenForAPassingRun(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("alone.yaml");
        Files.writeString(f, "peers: [p1]\ncontainers: {p1: [a, b]}\nrun-for: 5s\n"
                + "expect:\n  - {reachable: {from: a, to: b}}\n  - {converged: true}\n");
        Path trace = dir.resolve("trace.txt");
        assertThat(run(f.toString(), "--json", "--trace", trace.toString())).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"converged\": true", "\"convergence_ms\"", "\"peers\"", "\"connections\"",
                "\"routes\"", "\"counters\"");
        assertThat(Files.readAllLines(trace)).isNotEmpty().first().asString().startsWith("0.000000000 sim start p1");
    }
}
