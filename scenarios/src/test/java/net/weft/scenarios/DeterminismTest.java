package net.weft.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import net.weft.sim.LinkStateNode;
import net.weft.sim.NodeFactory;
import org.junit.jupiter.api.Test;

/** The same seed twice gives the same event trace, line for line (compared through its hash). */
class DeterminismTest {

    private static final int SEEDS = 5;

    private static long hash(long seed, NodeFactory nodes) {
        return new ScenarioRunner(SwarmScenario.generate(seed), seed).nodes(nodes).hashTrace().run().traceHash();
    }

    @Test
    void aSeedReplaysToTheSameTraceOnTheRealRouter() throws Exception {
        qt().withExamples(SEEDS).withShrinkCycles(0).forAll(longs().all())
                .checkAssert(seed -> assertThat(hash(seed, NodeFactory.routers()))
                        .isEqualTo(hash(seed, NodeFactory.routers())));
        Scenario seedMesh = ScenarioParser.load(ScenarioParserTest.LIBRARY.resolve("seed-partial-mesh.yaml"));
        assertThat(new ScenarioRunner(seedMesh, 7).hashTrace().run().traceHash())
                .isEqualTo(new ScenarioRunner(seedMesh, 7).hashTrace().run().traceHash());
    }

    @Test
    void aSeedReplaysToTheSameTraceWithLossyLinksAndFaults() {
        qt().withExamples(SEEDS).withShrinkCycles(0).forAll(longs().all())
                .checkAssert(seed -> assertThat(hash(seed, LinkStateNode.factory()))
                        .isEqualTo(hash(seed, LinkStateNode.factory()))
                        .isNotEqualTo(hash(seed + 1, LinkStateNode.factory())));
    }
}
