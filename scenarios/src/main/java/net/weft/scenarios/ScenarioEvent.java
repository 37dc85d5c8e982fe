package net.weft.scenarios;

import java.util.Map;

/**
 * One timed event of a scenario. {@code kind} is the key as written ({@code cut}, {@code crash}, ...);
 * {@code args} holds its normalised arguments (peer names as strings, groups as lists, durations in
 * nanoseconds as longs); {@code line} is where it was written (0 when generated).
 */
public record ScenarioEvent(long atNs, String kind, Map<String, Object> args, int line) {

    /** Kinds that change the topology and so open a convergence epoch. */
    public boolean topological() {
        return !kind.equals("ping");
    }

    /** Defensive copy. */
    public ScenarioEvent {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }
}
