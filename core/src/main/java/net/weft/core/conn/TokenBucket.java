package net.weft.core.conn;

/**
 * A token bucket on a virtual clock: holds at most {@code capacity} tokens and mints one every
 * {@code intervalNs}. It limits bursts of work (dials, accepts) without any thread or timer of its own:
 * the caller asks {@link #tryTake} at its own time and learns from {@link #nextTokenNs} when to come back.
 *
 * <p>The whole state is one timestamp, the mint time of the oldest unspent token (as in mesh's
 * {@code tokenBucket}): a token is available when that time is not in the future, and a full bucket is
 * the mint time {@code now - (capacity - 1) * interval}.
 */
public final class TokenBucket {

    private final int capacity;
    private final long intervalNs;
    private long oldestUnspentNs = Long.MIN_VALUE;

    /** A full bucket of {@code capacity} tokens refilled one per {@code intervalNs}. */
    public TokenBucket(int capacity, long intervalNs) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (intervalNs < 1) {
            throw new IllegalArgumentException("interval must be positive: " + intervalNs);
        }
        this.capacity = capacity;
        this.intervalNs = intervalNs;
    }

    /** Takes one token if one is available at {@code nowNs}; returns whether it did. */
    public boolean tryTake(long nowNs) {
        long oldest = Math.max(oldestUnspentNs, fullSinceNs(nowNs));
        if (oldest > nowNs) {
            return false;
        }
        oldestUnspentNs = oldest + intervalNs;
        return true;
    }

    /** Tokens available at {@code nowNs}, without taking any. */
    public int available(long nowNs) {
        long oldest = Math.max(oldestUnspentNs, fullSinceNs(nowNs));
        if (oldest > nowNs) {
            return 0;
        }
        return (int) Math.min(capacity, (nowNs - oldest) / intervalNs + 1);
    }

    /** The earliest time, not before {@code nowNs}, at which a token is available. */
    public long nextTokenNs(long nowNs) {
        return Math.max(nowNs, oldestUnspentNs);
    }

    /** How many tokens the bucket holds when full. */
    public int capacity() {
        return capacity;
    }

    /** Time between two minted tokens. */
    public long intervalNs() {
        return intervalNs;
    }

    private long fullSinceNs(long nowNs) {
        return nowNs - (capacity - 1) * intervalNs;
    }
}
