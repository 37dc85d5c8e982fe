package net.weft.core.routing;

import java.util.Arrays;
import net.weft.core.rng.DeterministicRandom;

/**
 * Picks the neighbours that periodic and relayed gossip goes to (Weave's {@code randomNeighbours}, notes §4.5).
 * Each neighbour weighs as many destinations as are routed through it, so neighbours behind bottleneck links,
 * which lead to more peers, are picked more often; picking is without replacement.
 */
final class NeighbourSampler {

    /** The fan-out grows as this many times the base-2 logarithm of the number of peers. */
    static final int FANOUT_PER_LOG2_PEERS = 2;

    private NeighbourSampler() {
    }

    /**
     * How many neighbours to pick: {@code floor(min(2·log2(peerCount), candidates))}.
     *
     * @param peerCount peers with a route, ourselves included
     */
    static int needed(int peerCount, int candidates) {
        return (int) Math.floor(Math.min(FANOUT_PER_LOG2_PEERS * log2(peerCount), candidates));
    }

    /**
     * Weighted sampling without replacement.
     *
     * @param weights a positive weight per candidate; candidates are scanned in the given order
     * @return the positions of the picked candidates, ascending
     */
    static int[] pick(int[] weights, int count, DeterministicRandom rng) {
        int[] remaining = weights.clone();
        int total = 0;
        for (int w : remaining) {
            total += w;
        }
        int[] picked = new int[count];
        for (int p = 0; p < count; p++) {
            int target = rng.nextInt(total);
            int i = 0;
            while (target >= remaining[i]) {
                target -= remaining[i];
                i++;
            }
            picked[p] = i;
            total -= remaining[i];
            remaining[i] = 0;
        }
        Arrays.sort(picked);
        return picked;
    }

    /** Base-2 logarithm, exact for powers of two (as Go's {@code math.Log2}). */
    static double log2(int x) {
        int exponent = 31 - Integer.numberOfLeadingZeros(x);
        double fraction = (double) x / (1L << exponent);
        return exponent + Math.log(fraction) / Math.log(2);
    }
}
