package net.weft.core.conn;

import net.weft.core.Timings;
import net.weft.core.rng.DeterministicRandom;

/**
 * Weave's retry schedule (mesh {@code target.nextTryLater}): with a current interval {@code i}, wait a
 * uniform time in {@code [i/2, 3i/2)}, then grow {@code i} by half, up to a cap. The interval starts at
 * {@link Timings#backoffInitialNs()} (2 s) and is capped at {@link Timings#backoffMaxNs()} (6 min). The
 * jitter spreads the redials of a mesh that lost a peer, so they do not all land at once.
 */
public final class Backoff {

    private final long initialIntervalNs;
    private final long maxIntervalNs;
    private final DeterministicRandom rng;

    /** A schedule with the intervals of {@code timings}, drawing jitter from {@code rng}. */
    public Backoff(Timings timings, DeterministicRandom rng) {
        if (timings.backoffInitialNs() < 1 || timings.backoffMaxNs() < timings.backoffInitialNs()) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initialIntervalNs = timings.backoffInitialNs();
        this.maxIntervalNs = timings.backoffMaxNs();
        this.rng = rng;
    }

    /** The interval a fresh or reset target starts with. */
    public long initialIntervalNs() {
        return initialIntervalNs;
    }

    /** The cap of the interval. */
    public long maxIntervalNs() {
        return maxIntervalNs;
    }

    /** A random wait in {@code [interval/2, interval/2 + interval)}. */
    public long delayNs(long intervalNs) {
        return intervalNs / 2 + uniformBelow(intervalNs);
    }

    /** The interval after one more failure: 1.5 times longer, at most the cap. */
    public long grow(long intervalNs) {
        if (intervalNs >= maxIntervalNs || intervalNs > Long.MAX_VALUE / 3 * 2) {
            return maxIntervalNs;
        }
        return Math.min(intervalNs + intervalNs / 2, maxIntervalNs);
    }

    /** Uniform in {@code [0, bound)} by rejection of the top partial range, so without bias. */
    private long uniformBelow(long bound) {
        long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
        long bits;
        do {
            bits = rng.nextLong() >>> 1;
        } while (bits >= limit);
        return bits % bound;
    }
}
