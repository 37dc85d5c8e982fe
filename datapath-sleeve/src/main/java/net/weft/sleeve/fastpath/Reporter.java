package net.weft.sleeve.fastpath;

import java.util.function.LongSupplier;

/**
 * Says when a fast-path thread should report to the router: every {@link #INTERVAL_NS}. The router refreshes MAC
 * ages on reports; with Weave's 10-minute MAC age, a second is far inside the refresh window.
 */
final class Reporter {

    /** Time between two reports of one thread. */
    static final long INTERVAL_NS = 1_000_000_000L;

    private final LongSupplier clockNs;
    private long nextNs;

    Reporter(LongSupplier clockNs) {
        this.clockNs = clockNs;
        this.nextNs = clockNs.getAsLong() + INTERVAL_NS;
    }

    /** True once per interval. */
    boolean due() {
        long now = clockNs.getAsLong();
        if (now < nextNs) {
            return false;
        }
        nextNs = now + INTERVAL_NS;
        return true;
    }
}
