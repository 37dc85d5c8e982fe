package net.weft.daemon.stats;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Mutable counters owned by the router thread. Never shared: other threads see only {@link #snapshot()} copies
 * published with the status snapshot.
 */
public final class DaemonCounters {

    private final long[] values = new long[Counter.values().length];

    /** Adds {@code amount} to {@code counter}. */
    public void add(Counter counter, long amount) {
        values[counter.ordinal()] += amount;
    }

    /** Adds one to {@code counter}. */
    public void increment(Counter counter) {
        add(counter, 1);
    }

    /** The current value of {@code counter}. */
    public long get(Counter counter) {
        return values[counter.ordinal()];
    }

    /** An immutable copy keyed by {@link Counter#key()}, every counter present. */
    public SortedMap<String, Long> snapshot() {
        SortedMap<String, Long> out = new TreeMap<>();
        for (Counter c : Counter.values()) {
            out.put(c.key(), values[c.ordinal()]);
        }
        return java.util.Collections.unmodifiableSortedMap(out);
    }
}
