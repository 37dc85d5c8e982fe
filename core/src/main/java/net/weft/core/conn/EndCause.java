package net.weft.core.conn;

/**
 * Why a connection ended, as far as the connection maker cares (control-plane notes §2.11): it decides
 * whether the target is retried and whether the end counts as a termination.
 */
public enum EndCause {
    /** Any ordinary error: I/O, timeout, protocol violation, handshake failure, duplicate refused. */
    ERROR(false, true),
    /** The remote has our peer name with another UID: retrying can never succeed. */
    NAME_COLLISION(true, true),
    /** We dialled ourselves: never retried, and not counted as a termination. */
    CONNECT_TO_SELF(true, false);

    private final boolean neverRetry;
    private final boolean countsAsTermination;

    EndCause(boolean neverRetry, boolean countsAsTermination) {
        this.neverRetry = neverRetry;
        this.countsAsTermination = countsAsTermination;
    }

    /** True when the target must not be dialled again (until the user re-adds it). */
    public boolean neverRetry() {
        return neverRetry;
    }

    /** True when the end increments Weave's {@code TerminationCount}. */
    public boolean countsAsTermination() {
        return countsAsTermination;
    }
}
