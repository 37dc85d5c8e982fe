package net.weft.core.rng;

/**
 * The only source of randomness the core may use. Implementations are seeded and reproducible, so a
 * simulation replays exactly from its seed; the daemon seeds one from a secure source at start.
 */
public interface DeterministicRandom {

    /** A uniformly distributed 64-bit value. */
    long nextLong();

    /** A uniform value in {@code [0, bound)}; {@code bound} must be positive. */
    default int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // Lemire's multiply-shift with rejection: unbiased.
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFF_FFFFL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFF_FFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** A uniform value in {@code [0, 1)}. */
    default double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}. */
    default boolean chance(double p) {
        return nextDouble() < p;
    }

    /**
     * An independent stream derived from this one's seed and {@code stream}, without consuming values
     * from this one, so adding a consumer does not change the others' draws.
     */
    DeterministicRandom fork(long stream);
}
