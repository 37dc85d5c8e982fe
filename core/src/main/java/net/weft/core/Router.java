package net.weft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.weft.core.effect.Effect;
import net.weft.core.input.Input;
import net.weft.core.rng.DeterministicRandom;
import net.weft.core.trace.TraceSink;
import net.weft.core.view.RouterView;

/**
 * One peer's router: a deterministic state machine with no I/O of its own. Everything that happens to it
 * comes in through {@link #step}; everything it wants done comes out as {@link Effect} records.
 *
 * <p>Being integrated: handshake, topology, gossip, routing, connection maker and forwarding land here
 * piece by piece.
 */
public final class Router {

    private final RouterConfig config;
    private final DeterministicRandom rng;
    private final TraceSink trace;
    private long nowNs;

    /** A router for {@code config}; draws all randomness from {@code rng} and reports to {@code trace}. */
    public Router(RouterConfig config, DeterministicRandom rng, TraceSink trace) {
        this.config = config;
        this.rng = rng;
        this.trace = trace;
    }

    /**
     * Feeds one input at time {@code nowNs} (monotonic nanoseconds, never decreasing) and returns the effects
     * to execute and the next deadline.
     */
    public Step step(long nowNs, Input input) {
        this.nowNs = Math.max(this.nowNs, nowNs);
        List<Effect> out = new ArrayList<>();
        return new Step(out, Step.NO_DEADLINE);
    }

    /** The configuration this router runs with. */
    public RouterConfig config() {
        return config;
    }

    /** An immutable snapshot of the router's state. */
    public RouterView view() {
        return new RouterView(config.name(), config.nickname(), config.uid(), config.shortId(), 0, nowNs,
                config.port(), config.encrypted(), config.discovery(), List.of(), List.of(), List.of(),
                new TreeMap<>(), new TreeMap<>(), List.of(), 0, new TreeMap<>());
    }
}
