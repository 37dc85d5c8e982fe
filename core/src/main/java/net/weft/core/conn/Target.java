package net.weft.core.conn;

import net.weft.core.id.Endpoint;

/**
 * One address the connection maker may dial, with its retry state (mesh's {@code target}). Mutable and
 * owned by {@link ConnectionMaker}; every state change goes through {@link #moveTo}, which enforces the
 * transition table of {@link TargetState}.
 */
final class Target {

    /** {@link #tryAfterNs} value meaning "never retry" (mesh's zero time). */
    static final long NEVER_NS = Long.MAX_VALUE;

    private final Endpoint address;
    private TargetState state = TargetState.WAITING;
    private String lastError = "";
    private long tryAfterNs;
    private long tryIntervalNs;
    private long quickUntilNs = Long.MIN_VALUE;
    private long quickIntervalNs;

    /** A new waiting target, due at once with the initial interval. */
    Target(Endpoint address, long nowNs, Backoff backoff) {
        this.address = address;
        tryNow(nowNs, backoff);
    }

    Endpoint address() {
        return address;
    }

    TargetState state() {
        return state;
    }

    String lastError() {
        return lastError;
    }

    long tryAfterNs() {
        return tryAfterNs;
    }

    long tryIntervalNs() {
        return tryIntervalNs;
    }

    /** True when waiting and its retry time has come. */
    boolean dueAt(long nowNs) {
        return state == TargetState.WAITING && tryAfterNs != NEVER_NS && tryAfterNs <= nowNs;
    }

    void moveTo(TargetState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("target " + address + ": " + state + " -> " + next);
        }
        state = next;
    }

    void recordError(String error) {
        lastError = error == null ? "" : error;
    }

    /** Due now, with the interval back at its start (mesh {@code nextTryNow}). */
    void tryNow(long nowNs, Backoff backoff) {
        tryAfterNs = nowNs;
        tryIntervalNs = backoff.initialIntervalNs();
    }

    /**
     * After losing an established connection: due after a jittered {@code intervalNs}, and every retry before
     * {@code untilNs} likewise, without growing the interval.
     */
    void retryQuickly(long nowNs, long untilNs, long intervalNs, Backoff backoff) {
        quickUntilNs = untilNs;
        quickIntervalNs = intervalNs;
        tryAfterNs = saturatingAdd(nowNs, backoff.delayNs(intervalNs));
    }

    /**
     * Due after a jittered wait; the interval grows (mesh {@code nextTryLater}), except during quick retries
     * ({@link #retryQuickly}).
     */
    void tryLater(long nowNs, Backoff backoff) {
        if (nowNs < quickUntilNs) {
            tryAfterNs = saturatingAdd(nowNs, backoff.delayNs(quickIntervalNs));
            return;
        }
        tryAfterNs = saturatingAdd(nowNs, backoff.delayNs(tryIntervalNs));
        tryIntervalNs = backoff.grow(tryIntervalNs);
    }

    /** Never due again unless re-added by the user (mesh {@code nextTryNever}). */
    void tryNever(Backoff backoff) {
        tryAfterNs = NEVER_NS;
        tryIntervalNs = backoff.maxIntervalNs();
    }

    /** Records when a dial starts, so the reset rule measures how long the connection lived. */
    void attemptStarted(long nowNs) {
        moveTo(TargetState.ATTEMPTING);
        tryAfterNs = nowNs;
    }

    static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
