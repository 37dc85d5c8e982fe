package net.weft.core.conn;

/**
 * Limits how fast the daemon accepts inbound TCP connections, as Weave does (control-plane notes §2.1):
 * a burst of {@value #MAX_TOKENS}, then one accept per {@value #TOKEN_INTERVAL_NS} ns (20 per second).
 * Without it, a restart of a large mesh makes every peer dial us at once and the handshakes starve the
 * router. The daemon calls {@link #tryAccept} before accepting and, when refused, waits until
 * {@link #nextTokenNs}.
 */
public final class AcceptThrottle {

    /** Weave's {@code acceptMaxTokens}. */
    public static final int MAX_TOKENS = 20;
    /** Weave's {@code acceptTokenDelay}: 50 ms. */
    public static final long TOKEN_INTERVAL_NS = 50_000_000L;

    private final TokenBucket bucket = new TokenBucket(MAX_TOKENS, TOKEN_INTERVAL_NS);

    /** Spends a token for one accept at {@code nowNs}; false means "not yet, wait for {@link #nextTokenNs}". */
    public boolean tryAccept(long nowNs) {
        return bucket.tryTake(nowNs);
    }

    /** The earliest time, not before {@code nowNs}, at which an accept is allowed. */
    public long nextTokenNs(long nowNs) {
        return bucket.nextTokenNs(nowNs);
    }
}
