package net.weft.viz.model;

import net.weft.core.id.PeerName;

/** An unordered pair of peers, stored low name first, naming one edge of the drawing. */
public record PeerPair(PeerName low, PeerName high) implements Comparable<PeerPair> {

    /** Orders the two ends. */
    public PeerPair {
        if (low.compareTo(high) > 0) {
            PeerName t = low;
            low = high;
            high = t;
        }
    }

    /** The pair of {@code a} and {@code b} in any order. */
    public static PeerPair of(PeerName a, PeerName b) {
        return new PeerPair(a, b);
    }

    /** True when {@code p} is one of the ends. */
    public boolean touches(PeerName p) {
        return low.equals(p) || high.equals(p);
    }

    /** The end that is not {@code p}. */
    public PeerName other(PeerName p) {
        return low.equals(p) ? high : low;
    }

    @Override
    public int compareTo(PeerPair o) {
        int c = low.compareTo(o.low);
        return c != 0 ? c : high.compareTo(o.high);
    }
}
