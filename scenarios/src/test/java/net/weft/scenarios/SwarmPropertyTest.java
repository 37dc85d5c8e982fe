package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import net.weft.sim.LinkStateNode;
import net.weft.sim.NodeFactory;
import org.junit.jupiter.api.Test;

/**
 * Seed swarm: each generated seed is a differently shaped world with its own fault script (see {@link
 * SwarmScenario}). At every sample no router has a loop or a next hop that is not an established neighbour;
 * after the faults stop and everything heals, every live peer converges to the same topology within the
 * bound. A failure prints the seed's scenario as YAML for {@code weft sim}.
 */
class SwarmPropertyTest {

    private static final int REAL_ROUTER_SEEDS = 12;
    private static final int LINK_STATE_SEEDS = 20;

    static void holds(long seed, NodeFactory nodes, boolean loopFreeAtEverySample) {
        Scenario s = SwarmScenario.generate(seed);
        if (!loopFreeAtEverySample) {
            s = s.withExpectations(s.expectations().stream().filter(x -> !x.kind().equals("no-loops")).toList());
        }
        ScenarioResult r = new ScenarioRunner(s, seed).nodes(nodes).run();
        assertThat(r.passed()).as("seed %d failed: %s%n--- replay as a scenario file ---%n%s", seed,
                String.join("\n", r.render().subList(Math.max(0, r.render().size() - 4), r.render().size())),
                ScenarioYaml.write(s)).isTrue();
    }

    @Test
    void everySeedsWorldStaysLoopFreeAndConvergesAfterHealingOnTheRealRouter() {
        qt().withExamples(REAL_ROUTER_SEEDS).withShrinkCycles(0).forAll(longs().all())
                .checkAssert(seed -> holds(seed, NodeFactory.routers(), true));
    }

    /**
     * The harness itself, on a plain link-state router: it converges after every script. (Link-state routing
     * has transient micro-loops while adverts spread, so only convergence is required of it.)
     */
    @Test
    void theSwarmHarnessAcceptsAConvergingReferenceRouter() {
        qt().withExamples(LINK_STATE_SEEDS).withShrinkCycles(0).forAll(longs().all())
                .checkAssert(seed -> holds(seed, LinkStateNode.factory(), false));
    }
}
