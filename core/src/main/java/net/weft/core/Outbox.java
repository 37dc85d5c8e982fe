package net.weft.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.weft.core.effect.Effect;
import net.weft.core.id.PeerName;
import net.weft.core.trace.TraceEvent;
import net.weft.core.trace.TraceSink;

/**
 * Collects what one step produces: effects in order, trace events, and counters. Every component of the
 * router writes here instead of performing anything itself.
 */
final class Outbox {

    /** Effects queued in one step at most; beyond this the router has a bug (bounded work per step). */
    static final int MAX_EFFECTS_PER_STEP = 1 << 20;

    private final PeerName self;
    private final TraceSink sink;
    /**
     * Counters are bumped on the per-frame path, so they live in a hash map of mutable cells (no boxing, no
     * string comparisons); {@link #counters()} copies them into a sorted map, so hash order never reaches
     * an output.
     */
    private final Map<String, long[]> counters = new HashMap<>();
    private List<Effect> effects = new ArrayList<>();
    private long nowNs;

    Outbox(PeerName self, TraceSink sink) {
        this.self = self;
        this.sink = sink;
    }

    void begin(long now) {
        this.nowNs = now;
        this.effects = new ArrayList<>();
    }

    long now() {
        return nowNs;
    }

    PeerName self() {
        return self;
    }

    void emit(Effect effect) {
        if (effects.size() >= MAX_EFFECTS_PER_STEP) {
            throw new IllegalStateException("more than " + MAX_EFFECTS_PER_STEP + " effects in one step");
        }
        effects.add(effect);
    }

    void trace(TraceEvent event) {
        sink.accept(event);
    }

    void count(String counter) {
        count(counter, 1);
    }

    void count(String counter, long delta) {
        counters.computeIfAbsent(counter, k -> new long[1])[0] += delta;
    }

    SortedMap<String, Long> counters() {
        SortedMap<String, Long> out = new TreeMap<>();
        counters.forEach((name, cell) -> out.put(name, cell[0]));
        return out;
    }

    List<Effect> drain() {
        List<Effect> out = effects;
        effects = new ArrayList<>();
        return out;
    }
}
