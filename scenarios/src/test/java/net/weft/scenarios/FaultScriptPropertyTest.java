package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import net.weft.sim.LinkParams;
import net.weft.sim.LinkStateNode;
import net.weft.sim.NodeFactory;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Shrinkable fault scripts: a generated list of timed faults on a fixed six-peer mesh. When the property
 * fails, QuickTheories shrinks the list (fewer faults, earlier times, smaller indices) and prints the
 * smallest failing script as a scenario file, because a {@link Script}'s text is its YAML.
 */
class FaultScriptPropertyTest {

    private static final long S = 1_000_000_000L;
    private static final int MAX_STEPS = 6;
    private static final int REAL_ROUTER_EXAMPLES = 10;
    private static final List<String> PEERS = List.of("p1", "p2", "p3", "p4", "p5", "p6");
    private static final List<List<String>> LINKS = List.of(List.of("p1", "p2"), List.of("p2", "p3"),
            List.of("p3", "p4"), List.of("p4", "p5"), List.of("p5", "p6"), List.of("p6", "p1"), List.of("p1", "p4"));
    private static final String[] KINDS = {"cut", "partition", "block", "crash", "pause", "heal"};

    /** One generated fault: when (seconds), what, and which peer/link/split. */
    record Step(int atSecond, int kind, int target) { }

    /** A fault script; its text is the scenario file that replays it. */
    record Script(Scenario scenario) {
        @Override
        public String toString() {
            return "\n" + ScenarioYaml.write(scenario);
        }
    }

    static Gen<Script> scripts() {
        Gen<Step> step = integers().between(5, 35).zip(integers().between(0, KINDS.length - 1),
                integers().between(0, 99), Step::new);
        return lists().of(step).ofSizeBetween(0, MAX_STEPS).map(FaultScriptPropertyTest::script);
    }

    static Script script(List<Step> steps) {
        SwarmScenario.FaultScript f = new SwarmScenario.FaultScript(PEERS, LINKS);
        steps.stream().sorted((a, b) -> Integer.compare(a.atSecond(), b.atSecond()))
                .forEach(s -> f.add(s.atSecond() * S, KINDS[s.kind()], s.target(), s.target(), 1 + s.target() % 5));
        Scenario sc = new Scenario("fault-script", "fault-script.yaml", 1L, PEERS, new LinkSpec.Explicit(LINKS),
                LinkParams.defaults().withLatencyNs(2_000_000L), Map.of(), true, Map.of(),
                f.healed(SwarmScenario.HEAL_AT_NS), SwarmScenario.HEAL_AT_NS + SwarmScenario.CONVERGE_BOUND_NS,
                SwarmScenario.expectations());
        return new Script(sc);
    }

    static boolean holds(Script s, NodeFactory nodes) {
        return new ScenarioRunner(s.scenario(), 1L).nodes(nodes).run().passed();
    }

    @Test
    void noFaultScriptLeavesTheRealRouterLoopingOrUnconverged() {
        qt().withExamples(REAL_ROUTER_EXAMPLES).forAll(scripts()).check(s -> holds(s, NodeFactory.routers()));
    }

    @Test
    void aRouterThatNeverRedialsShrinksToASingleFaultScript() {
        assertThatThrownBy(() -> qt().withExamples(50).withFixedSeed(5).forAll(scripts())
                .check(s -> holds(s, LinkStateNode.forgetfulFactory())))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> {
                    String msg = e.getMessage();
                    String yaml = msg.substring(msg.indexOf("name: fault-script"));
                    Scenario shrunk = ScenarioParser.parse(yaml.substring(0, yaml.indexOf("expect:")), "shrunk.yaml");
                    assertThat(shrunk.events()).extracting(ScenarioEvent::kind).hasSize(2).endsWith("heal-all")
                            .first().isIn("cut", "partition", "block");
                });
    }
}
