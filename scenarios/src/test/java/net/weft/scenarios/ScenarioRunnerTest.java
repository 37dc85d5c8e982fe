package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import net.weft.sim.ConvergenceMonitor;
import net.weft.sim.HostState;
import org.junit.jupiter.api.Test;

/** Every event kind played on the real router, and what the result reports. */
class ScenarioRunnerTest {

    private static final String EVERY_EVENT = String.join("\n",
            "name: every-event",
            "seed: 3",
            "peers: [p1, p2, p3, p4, p5]",
            "links: [[p1, p2], [p1, p3], [p3, p4], [p3, p5], [p2, p4]]",
            "network: {latency: 2ms}",
            "containers: {p1: [c1], p4: [c4], p5: [c5]}",
            "events:",
            "  - {at: 5s, cut: [p1, p3]}",
            "  - {at: 8s, heal: [p1, p3]}",
            "  - {at: 10s, partition: [[p1, p2], [p3, p4, p5]]}",
            "  - {at: 14s, block: {from: [p1], to: [p2]}}",
            "  - {at: 16s, heal-all: true}",
            "  - {at: 18s, crash: p4}",
            "  - {at: 20s, restart: p4}",
            "  - {at: 22s, pause: p2}",
            "  - {at: 24s, resume: p2}",
            "  - {at: 26s, join: {peer: p6, links: [p5]}}",
            "  - {at: 32s, leave: p6}",
            "  - {at: 34s, network: {latency: 10ms, loss: 0.01}}",
            "  - {at: 36s, churn: {peers: 2, down-for: 1s}}",
            "  - {at: 60s, ping: {from: c1, to: c5, count: 3}}",
            "run-for: 70s",
            "expect:",
            "  - {reachable: {from: c1, to: c4, at: 4s}}",
            "  - {unreachable: {from: c1, to: c5, at: 11s}}",
            "  - {reachable: {from: c1, to: c5}}",
            "  - {converged: true}",
            "  - {no-loops: true}");

    @Test
    void everyEventKindRunsAndTheNetworkRecovers() {
        Scenario s = ScenarioParser.parse(EVERY_EVENT, "every-event.yaml");
        ScenarioResult r = new ScenarioRunner(s, 3).run();
        assertThat(r.outcomes()).allSatisfy(o -> assertThat(o.passed()).as(o.toString()).isTrue());
        assertThat(r.cluster().monitor().epochs()).extracting(ConvergenceMonitor.Epoch::label)
                .contains("start", "cut p1 p3", "heal p1 p3", "heal-all", "crash p4", "restart p4", "pause p2",
                        "resume p2", "join p6", "leave p6");
        assertThat(r.cluster().network().state(r.cluster().index("p6"))).isEqualTo(HostState.GONE);
        assertThat(r.pings()).singleElement().satisfies(p -> assertThat(p.delivered()).isEqualTo(3));
        assertThat(r.toJson()).containsKeys("converged", "convergence_ms", "peers", "counters");
        assertThat(r.render()).anyMatch(line -> line.contains("converged after"));
    }
}
