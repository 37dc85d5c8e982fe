package net.weft.core.crypto;

/**
 * The HSalsa20 core function (Bernstein, "Extending the Salsa20 nonce"): 32-byte key and 16-byte input to a
 * 32-byte output. NaCl uses it twice: to turn an X25519 secret into a box key ({@link Box#beforenm}), and
 * inside XSalsa20 to derive a per-nonce subkey (which BouncyCastle's {@code XSalsa20Engine} does itself).
 *
 * <p>The function runs the 20 Salsa20 rounds on a state of four constant words, the key and the input, and
 * outputs the eight words at the diagonal and input positions without the final feed-forward addition.
 */
public final class HSalsa20 {

    /** Key size. */
    public static final int KEY_BYTES = 32;
    /** Input size. */
    public static final int INPUT_BYTES = 16;
    /** Output size. */
    public static final int OUTPUT_BYTES = 32;
    /** The constant "expand 32-byte k" (sigma) as 16 bytes; the constant every NaCl use of HSalsa20 passes. */
    public static final byte[] SIGMA = {
        'e', 'x', 'p', 'a', 'n', 'd', ' ', '3', '2', '-', 'b', 'y', 't', 'e', ' ', 'k'};

    private static final int ROUNDS = 20;
    private static final int STATE_WORDS = 16;
    /** State positions of the four constant words. */
    private static final int[] CONSTANT_POSITIONS = {0, 5, 10, 15};
    /** State positions of the eight key words. */
    private static final int[] KEY_POSITIONS = {1, 2, 3, 4, 11, 12, 13, 14};
    /** State positions of the four input words. */
    private static final int[] INPUT_POSITIONS = {6, 7, 8, 9};
    /** State positions copied to the output, in output order. */
    private static final int[] OUTPUT_POSITIONS = {0, 5, 10, 15, 6, 7, 8, 9};

    private HSalsa20() {
    }

    /** HSalsa20 with the {@link #SIGMA} constant, returning a new 32-byte array. */
    public static byte[] hash(byte[] key, byte[] input) {
        byte[] out = new byte[OUTPUT_BYTES];
        hash(key, input, SIGMA, out, 0);
        return out;
    }

    /**
     * HSalsa20 with an explicit 16-byte constant, written to {@code out} at {@code outOffset}.
     *
     * @throws IllegalArgumentException on wrong sizes (a caller bug; all inputs here are our own)
     */
    public static void hash(byte[] key, byte[] input, byte[] constant, byte[] out, int outOffset) {
        if (key.length != KEY_BYTES || input.length != INPUT_BYTES || constant.length != INPUT_BYTES) {
            throw new IllegalArgumentException("HSalsa20 needs a 32-byte key, 16-byte input and 16-byte constant");
        }
        int[] x = new int[STATE_WORDS];
        for (int i = 0; i < CONSTANT_POSITIONS.length; i++) {
            x[CONSTANT_POSITIONS[i]] = littleEndianInt(constant, 4 * i);
        }
        for (int i = 0; i < KEY_POSITIONS.length; i++) {
            x[KEY_POSITIONS[i]] = littleEndianInt(key, 4 * i);
        }
        for (int i = 0; i < INPUT_POSITIONS.length; i++) {
            x[INPUT_POSITIONS[i]] = littleEndianInt(input, 4 * i);
        }
        for (int round = 0; round < ROUNDS; round += 2) {
            columnRound(x);
            rowRound(x);
        }
        for (int i = 0; i < OUTPUT_POSITIONS.length; i++) {
            writeLittleEndianInt(x[OUTPUT_POSITIONS[i]], out, outOffset + 4 * i);
        }
    }

    private static void columnRound(int[] x) {
        quarterRound(x, 0, 4, 8, 12);
        quarterRound(x, 5, 9, 13, 1);
        quarterRound(x, 10, 14, 2, 6);
        quarterRound(x, 15, 3, 7, 11);
    }

    private static void rowRound(int[] x) {
        quarterRound(x, 0, 1, 2, 3);
        quarterRound(x, 5, 6, 7, 4);
        quarterRound(x, 10, 11, 8, 9);
        quarterRound(x, 15, 12, 13, 14);
    }

    /** The Salsa20 quarter-round on state words a, b, c, d. */
    private static void quarterRound(int[] x, int a, int b, int c, int d) {
        x[b] ^= Integer.rotateLeft(x[a] + x[d], 7);
        x[c] ^= Integer.rotateLeft(x[b] + x[a], 9);
        x[d] ^= Integer.rotateLeft(x[c] + x[b], 13);
        x[a] ^= Integer.rotateLeft(x[d] + x[c], 18);
    }

    private static int littleEndianInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    private static void writeLittleEndianInt(int v, byte[] out, int off) {
        out[off] = (byte) v;
        out[off + 1] = (byte) (v >>> 8);
        out[off + 2] = (byte) (v >>> 16);
        out[off + 3] = (byte) (v >>> 24);
    }
}
