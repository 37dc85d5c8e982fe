package net.weft.core.overlay;

/**
 * The probing side of the sleeve's path-MTU discovery for one connection, without I/O (data-plane notes §1.7,
 * Weave's {@code sendMTUTest}/{@code handleMTUTestFailure}/{@code searchMTU}).
 *
 * <p>A search tests one <em>candidate</em> overlay MTU at a time: the forwarder sends a DF probe frame of
 * {@code candidate + 14} bytes and the peer answers PMTUVerified(candidate) over TCP when it arrives. An answer
 * makes the candidate the highest good value; {@link #PROBE_ATTEMPTS} probes without an answer, each waiting
 * twice as long as the last (from {@link #FIRST_PROBE_TIMEOUT_NS}), make it the lowest bad one. The next
 * candidate is the midpoint of the interval, until {@code highestGood + 1 >= lowestBad}; then
 * {@code highestGood} becomes {@link #mtu()}. The interval's floor is {@link OverlayForwarder#MIN_MTU}, assumed
 * good without a probe as in Weave, so the MTU never walks below it however many probes are lost.
 *
 * <p>Until a search ends, {@link #mtu()} keeps its previous value (at first the configured MTU), so traffic
 * flows from the start. A search runs when the overlay is established ({@link #start}), again every
 * {@link #REVERIFY_INTERVAL_NS} from the configured MTU (so a path that grew back is noticed), and when the host
 * reports that a send was too big for the local route ({@link #onTooBig}): that bound is the kernel's own and
 * is applied at once, as Weave does. Every method returns what to do next as a {@link Next}.
 */
public final class PmtuSearch {

    /** Probes per candidate before it counts as too big ({@code MTUVerifyAttempts}). */
    public static final int PROBE_ATTEMPTS = 8;
    /** How long a candidate's first probe waits for its answer; each retry doubles it ({@code MTUVerifyTimeout}). */
    public static final long FIRST_PROBE_TIMEOUT_NS = 10_000_000L;
    /** How often a settled MTU is verified again from the configured value: 10 minutes. */
    public static final long REVERIFY_INTERVAL_NS = 600_000_000_000L;
    /** {@link #deadlineNs()} when nothing is due. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    /** What the forwarder should do after a search step. */
    public sealed interface Next {
        /** Send (or resend) a probe for {@code mtu}. */
        record Probe(int mtu) implements Next { }

        /** The search ended: {@code mtu} is the effective overlay MTU now. */
        record Settled(int mtu) implements Next { }

        /** Nothing to do (no search running, not due yet, or a stale answer). */
        record Wait() implements Next { }
    }

    private static final Next WAIT = new Next.Wait();

    private final int configuredMtu;
    private int mtu;
    private boolean searching;
    private int candidate;
    private int highestGood;
    private int lowestBad;
    private int attempts;
    private long probeDeadlineNs = NO_DEADLINE;
    private long reverifyAtNs = NO_DEADLINE;

    /** A search that starts from, and until verified reports, {@code configuredMtu}. */
    public PmtuSearch(int configuredMtu) {
        if (configuredMtu < OverlayForwarder.MIN_MTU || configuredMtu > OverlayForwarder.MAX_MTU) {
            throw new IllegalArgumentException("overlay MTU out of range: " + configuredMtu);
        }
        this.configuredMtu = configuredMtu;
        this.mtu = configuredMtu;
    }

    /** Starts verifying the configured MTU (the overlay was just established); the first probe is due now. */
    public Next start(long nowNs) {
        return begin(configuredMtu, nowNs);
    }

    /**
     * The peer confirmed a probe for {@code verifiedMtu} arrived. Counts only for the candidate under test;
     * an answer to an earlier candidate (a retry's late twin) changes nothing.
     */
    public Next onVerified(int verifiedMtu, long nowNs) {
        if (!searching || verifiedMtu != candidate) {
            return WAIT;
        }
        highestGood = candidate;
        return advance(nowNs);
    }

    /** Runs what is due: a probe retry, giving up on a candidate, or the periodic re-verification. */
    public Next onTimer(long nowNs) {
        if (!searching) {
            return nowNs >= reverifyAtNs ? begin(configuredMtu, nowNs) : WAIT;
        }
        if (nowNs < probeDeadlineNs) {
            return WAIT;
        }
        attempts++;
        if (attempts < PROBE_ATTEMPTS) {
            probeDeadlineNs = nowNs + (FIRST_PROBE_TIMEOUT_NS << attempts);
            return new Next.Probe(candidate);
        }
        lowestBad = candidate;
        return advance(nowNs);
    }

    /**
     * The host could not send a datagram because the local route's MTU allows overlay frames of at most
     * {@code routeOverlayMtu}. Lowers {@link #mtu()} to it at once (not below the floor) and verifies it,
     * unless a search already tests a candidate no larger.
     */
    public Next onTooBig(int routeOverlayMtu, long nowNs) {
        int bound = Math.max(OverlayForwarder.MIN_MTU, Math.min(routeOverlayMtu, configuredMtu));
        if (searching && candidate <= bound || !searching && mtu <= bound) {
            return WAIT;
        }
        mtu = Math.min(mtu, bound);
        return begin(bound, nowNs);
    }

    /** When {@link #onTimer} must run next, or {@link #NO_DEADLINE}. */
    public long deadlineNs() {
        return searching ? probeDeadlineNs : reverifyAtNs;
    }

    /** The effective overlay MTU: the last search's result, or the configured MTU before any ended. */
    public int mtu() {
        return mtu;
    }

    /** The MTU the search starts from: the configured one. */
    public int configuredMtu() {
        return configuredMtu;
    }

    /** True while a candidate is under test. */
    public boolean searching() {
        return searching;
    }

    private Next begin(int upperMtu, long nowNs) {
        searching = true;
        highestGood = OverlayForwarder.MIN_MTU;
        lowestBad = upperMtu + 1;
        return probe(upperMtu, nowNs);
    }

    private Next advance(long nowNs) {
        if (highestGood + 1 >= lowestBad) {
            searching = false;
            mtu = highestGood;
            probeDeadlineNs = NO_DEADLINE;
            reverifyAtNs = nowNs + REVERIFY_INTERVAL_NS;
            return new Next.Settled(mtu);
        }
        return probe((highestGood + lowestBad) / 2, nowNs);
    }

    private Next probe(int mtuToTest, long nowNs) {
        candidate = mtuToTest;
        attempts = 0;
        probeDeadlineNs = nowNs + FIRST_PROBE_TIMEOUT_NS;
        return new Next.Probe(mtuToTest);
    }
}
