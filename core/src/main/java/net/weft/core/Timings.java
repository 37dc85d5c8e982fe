package net.weft.core;

/**
 * Every interval and timeout the router uses, in nanoseconds. {@link #weave()} gives Weave Net's values;
 * tests and the simulator may shorten them.
 */
public record Timings(
        long headerTimeoutNs,
        long tcpHeartbeatNs,
        long readTimeoutNs,
        long topologyDeferNs,
        long gcDeferNs,
        long routeRecalcDeferNs,
        long gossipIntervalNs,
        long backoffInitialNs,
        long backoffMaxNs,
        long backoffResetAfterNs,
        long dialSpacingNs,
        long fastHeartbeatNs,
        long slowHeartbeatNs,
        long heartbeatTimeoutNs,
        long macMaxAgeNs) {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    /** Weave Net 2.8's timings (see docs/protocol.md). */
    public static Timings weave() {
        return new Timings(10 * S, 30 * S, 60 * S, 1 * S, 1 * S, 100 * MS, 30 * S,
                2 * S, 360 * S, 60 * S, 50 * MS, 500 * MS, 10 * S, 60 * S, 600 * S);
    }
}
