package net.weft.daemon.net;

/**
 * A token bucket for inbound connections, as Weave's: a burst of {@link #MAX_TOKENS} accepts, then one per
 * {@link #TOKEN_INTERVAL_NS}. Pure: time is an argument.
 */
public final class AcceptThrottle {

    /** Accepts allowed in a burst. */
    public static final int MAX_TOKENS = 20;
    /** One token is added this often. */
    public static final long TOKEN_INTERVAL_NS = 50_000_000L;

    private long tokens = MAX_TOKENS;
    private long lastRefillNs;
    private boolean started;

    /**
     * Takes a token for an accept at {@code nowNs}. Returns 0 when one was available, else how long to pause
     * accepting before the next token is due.
     */
    public long take(long nowNs) {
        refill(nowNs);
        if (tokens > 0) {
            tokens--;
            return 0;
        }
        return lastRefillNs + TOKEN_INTERVAL_NS - nowNs;
    }

    /** Tokens left at {@code nowNs}. */
    public long available(long nowNs) {
        refill(nowNs);
        return tokens;
    }

    private void refill(long nowNs) {
        if (!started) {
            started = true;
            lastRefillNs = nowNs;
            return;
        }
        long elapsed = nowNs - lastRefillNs;
        if (elapsed < TOKEN_INTERVAL_NS) {
            return;
        }
        long earned = elapsed / TOKEN_INTERVAL_NS;
        tokens = Math.min(MAX_TOKENS, tokens + earned);
        lastRefillNs = tokens == MAX_TOKENS ? nowNs : lastRefillNs + earned * TOKEN_INTERVAL_NS;
    }
}
