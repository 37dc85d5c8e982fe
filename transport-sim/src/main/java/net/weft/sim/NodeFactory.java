package net.weft.sim;

import net.weft.core.Router;
import net.weft.core.RouterConfig;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.trace.TraceSink;

/** Makes the node that runs on a simulated host: at start, and again (fresh) on every restart. */
@FunctionalInterface
public interface NodeFactory {

    /** A node for {@code config}, drawing randomness from {@code rng} and reporting to {@code trace}. */
    SimNode create(RouterConfig config, DeterministicRandom rng, TraceSink trace);

    /** The real router: what the product and the scenarios run. */
    static NodeFactory routers() {
        return (config, rng, trace) -> new RouterNode(new Router(config, rng, trace));
    }
}
