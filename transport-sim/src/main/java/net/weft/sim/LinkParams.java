package net.weft.sim;

/**
 * How one underlay link behaves. TCP streams see only the latency (they are reliable and ordered);
 * UDP datagrams also see loss, duplication, reordering and the MTU.
 *
 * @param latencyNs   one-way delay
 * @param jitterNs    extra uniform delay in {@code [0, jitterNs)} for datagrams picked for reordering
 * @param loss        probability that a datagram is dropped
 * @param duplicate   probability that a datagram arrives twice
 * @param reorder     probability that a datagram is delayed by jitter (and so may overtake or be overtaken)
 * @param mtu         underlay IP MTU; a datagram whose payload plus 28 bytes of IP/UDP headers exceeds it is
 *                    dropped
 */
public record LinkParams(long latencyNs, long jitterNs, double loss, double duplicate, double reorder, int mtu) {

    /** IPv4 plus UDP header bytes added to every datagram payload. */
    public static final int IP_UDP_OVERHEAD_BYTES = 28;
    /** Ethernet's usual MTU. */
    public static final int DEFAULT_MTU = 1500;
    /** Default one-way latency: 1 ms. */
    public static final long DEFAULT_LATENCY_NS = 1_000_000L;

    /** Validates ranges. */
    public LinkParams {
        if (latencyNs < 0 || jitterNs < 0) {
            throw new IllegalArgumentException("latency and jitter must be >= 0");
        }
        checkProbability("loss", loss);
        checkProbability("duplicate", duplicate);
        checkProbability("reorder", reorder);
        if (mtu < IP_UDP_OVERHEAD_BYTES + 1) {
            throw new IllegalArgumentException("mtu too small: " + mtu);
        }
    }

    /** A clean 1 ms link with a 1500-byte MTU. */
    public static LinkParams defaults() {
        return new LinkParams(DEFAULT_LATENCY_NS, 0, 0, 0, 0, DEFAULT_MTU);
    }

    /** Same, with another latency. */
    public LinkParams withLatencyNs(long ns) {
        return new LinkParams(ns, jitterNs, loss, duplicate, reorder, mtu);
    }

    /** Same, with another loss probability. */
    public LinkParams withLoss(double p) {
        return new LinkParams(latencyNs, jitterNs, p, duplicate, reorder, mtu);
    }

    /** Same, with another underlay MTU. */
    public LinkParams withMtu(int bytes) {
        return new LinkParams(latencyNs, jitterNs, loss, duplicate, reorder, bytes);
    }

    /** True when a datagram of {@code payloadBytes} fits the MTU. */
    public boolean fits(int payloadBytes) {
        return payloadBytes + IP_UDP_OVERHEAD_BYTES <= mtu;
    }

    private static void checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be within [0, 1]: " + p);
        }
    }
}
