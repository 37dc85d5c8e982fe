package net.weft.sim;

import net.weft.core.Router;
import net.weft.core.RouterConfig;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.topology.PeerEntryPool;
import net.weft.core.trace.TraceSink;

/** Makes the node that runs on a simulated host: at start, and again (fresh) on every restart. */
@FunctionalInterface
public interface NodeFactory {

    /** A node for {@code config}, drawing randomness from {@code rng} and reporting to {@code trace}. */
    SimNode create(RouterConfig config, DeterministicRandom rng, TraceSink trace);

    /**
     * The real router: what the product and the scenarios run. The routers a factory makes share one
     * {@link PeerEntryPool}, so that each version of each peer's topology entry is decoded and held once for
     * the whole simulation rather than once per router (outcomes are the same either way).
     */
    static NodeFactory routers() {
        PeerEntryPool pool = new PeerEntryPool();
        return (config, rng, trace) -> new RouterNode(new Router(config, rng, trace, pool));
    }

    /** The real router without a shared entry pool: every router decodes and holds its own entries. */
    static NodeFactory unsharedRouters() {
        return (config, rng, trace) -> new RouterNode(new Router(config, rng, trace));
    }
}
