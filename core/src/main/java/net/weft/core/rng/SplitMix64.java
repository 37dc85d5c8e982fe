package net.weft.core.rng;

/** SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, statistically sound for simulation use. */
public final class SplitMix64 implements DeterministicRandom {

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private final long seed;
    private long state;

    /** A generator whose whole output is decided by {@code seed}. */
    public SplitMix64(long seed) {
        this.seed = seed;
        this.state = seed;
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    @Override
    public DeterministicRandom fork(long stream) {
        return new SplitMix64(mix(seed ^ mix(stream + GOLDEN)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
