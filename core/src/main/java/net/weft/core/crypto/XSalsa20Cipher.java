package net.weft.core.crypto;

/**
 * XSalsa20 keystream for one long-term key, restarted per 24-byte nonce without allocating: the packet-rate
 * stream cipher of {@link SecretBox}.
 *
 * <p>How it works: {@link #start} runs HSalsa20 over the key and the first 16 nonce bytes to get a per-nonce
 * subkey, and lays out the Salsa20 input state: constants, subkey, the last 8 nonce bytes and a 64-bit block
 * counter. Block {@code n} of the keystream is Salsa20/20 of that state with counter {@code n}: 20 rounds on 16
 * local ints, then the input added back. {@link #xor} XORs data with the keystream eight bytes at a time from
 * any block-aligned keystream position, 16 blocks at a time through {@link Salsa20Lanes} while at least that
 * many remain; {@link #block} hands out one block's words (the poly key lives in block 0).
 *
 * <p>Not thread-safe: the state is per instance and set by {@link #start}.
 */
final class XSalsa20Cipher {

    /** Bytes of one Salsa20 block. */
    static final int BLOCK_BYTES = 64;
    /** Words of the Salsa20 state and of one keystream block. */
    static final int BLOCK_WORDS = 16;
    /** Key size. */
    static final int KEY_BYTES = 32;
    /** Nonce size. */
    static final int NONCE_BYTES = 24;
    /** Double rounds of Salsa20/20 and HSalsa20. */
    private static final int DOUBLE_ROUNDS = 10;
    /** Nonce bytes fed to HSalsa20; the remaining 8 go to Salsa20. */
    private static final int HSALSA_NONCE_BYTES = 16;
    /** State positions of the counter's low and high words. */
    private static final int COUNTER_LOW = 8;
    private static final int COUNTER_HIGH = 9;
    /** "expand 32-byte k" as four little-endian words, at state positions 0, 5, 10 and 15. */
    private static final int SIGMA0 = 0x61707865;
    private static final int SIGMA1 = 0x3320646e;
    private static final int SIGMA2 = 0x79622d32;
    private static final int SIGMA3 = 0x6b206574;

    private final int[] keyWords = new int[KEY_BYTES / 4];
    /** The Salsa20 input state for the current nonce; the counter words change per block. */
    private final int[] state = new int[BLOCK_WORDS];
    /** One block of keystream words. */
    private final int[] keystream = new int[BLOCK_WORDS];
    /** Batches of 16 blocks for the long stretches of long messages. */
    private final Salsa20Lanes lanes = new Salsa20Lanes();

    /** A cipher bound to a copy of the 32-byte {@code key}. */
    XSalsa20Cipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("XSalsa20 key must be " + KEY_BYTES + " bytes");
        }
        for (int i = 0; i < keyWords.length; i++) {
            keyWords[i] = (int) LittleEndianViews.INTS.get(key, 4 * i);
        }
    }

    /** Derives the subkey for this 24-byte nonce and lays out the state for keystream block 0. */
    void start(byte[] nonce) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("XSalsa20 nonce must be " + NONCE_BYTES + " bytes");
        }
        int[] s = state;
        layOut(s, keyWords, (int) LittleEndianViews.INTS.get(nonce, 0), (int) LittleEndianViews.INTS.get(nonce, 4),
                (int) LittleEndianViews.INTS.get(nonce, 8), (int) LittleEndianViews.INTS.get(nonce, 12));
        int[] x = keystream;
        rounds(s, x);
        // HSalsa20's output, the subkey, is words 0, 5, 10, 15, 6, 7, 8, 9 of the rounds (no feed-forward);
        // it takes the key's places in the Salsa20 state.
        s[1] = x[0];
        s[2] = x[5];
        s[3] = x[10];
        s[4] = x[15];
        s[11] = x[6];
        s[12] = x[7];
        s[13] = x[8];
        s[14] = x[9];
        s[6] = (int) LittleEndianViews.INTS.get(nonce, HSALSA_NONCE_BYTES);
        s[7] = (int) LittleEndianViews.INTS.get(nonce, HSALSA_NONCE_BYTES + 4);
        s[COUNTER_LOW] = 0;
        s[COUNTER_HIGH] = 0;
    }

    /** Writes the 16 little-endian words of keystream block {@code counter} (for the current nonce) to out. */
    void block(long counter, int[] out) {
        int[] s = state;
        s[COUNTER_LOW] = (int) counter;
        s[COUNTER_HIGH] = (int) (counter >>> 32);
        rounds(s, out);
        for (int i = 0; i < BLOCK_WORDS; i++) {
            out[i] += s[i];
        }
    }

    /**
     * XORs {@code length} bytes of {@code in} with the keystream from the start of block {@code firstCounter},
     * writing to {@code out}. {@code in} and {@code out} may be the same bytes (same array and offset); each
     * eight bytes are read before they are written.
     */
    void xor(long firstCounter, byte[] in, int inOffset, byte[] out, int outOffset, int length) {
        int[] ks = keystream;
        long counter = firstCounter;
        int done = 0;
        for (; length - done >= Salsa20Lanes.BATCH_BYTES; done += Salsa20Lanes.BATCH_BYTES) {
            lanes.xorBatch(state, counter, in, inOffset + done, out, outOffset + done);
            counter += Salsa20Lanes.LANES;
        }
        for (; length - done >= BLOCK_BYTES; done += BLOCK_BYTES) {
            block(counter++, ks);
            int i = inOffset + done;
            int o = outOffset + done;
            for (int w = 0; w < BLOCK_WORDS; w += 2) {
                long word = (ks[w] & 0xFFFFFFFFL) | ((long) ks[w + 1] << 32);
                LittleEndianViews.LONGS.set(out, o + 4 * w, (long) LittleEndianViews.LONGS.get(in, i + 4 * w) ^ word);
            }
        }
        if (done < length) {
            block(counter, ks);
            xorWords(ks, 0, in, inOffset + done, out, outOffset + done, length - done);
        }
    }

    /**
     * XORs {@code length} bytes (at most what is left of the block) with keystream {@code words} starting at
     * byte {@code firstByte} of the block, which must be a multiple of 8.
     */
    static void xorWords(int[] words, int firstByte, byte[] in, int inOffset, byte[] out, int outOffset,
            int length) {
        int done = 0;
        for (; length - done >= 8; done += 8) {
            int w = (firstByte + done) >>> 2;
            long word = (words[w] & 0xFFFFFFFFL) | ((long) words[w + 1] << 32);
            LittleEndianViews.LONGS.set(out, outOffset + done,
                    (long) LittleEndianViews.LONGS.get(in, inOffset + done) ^ word);
        }
        for (; done < length; done++) {
            int k = firstByte + done;
            out[outOffset + done] = (byte) (in[inOffset + done] ^ (words[k >>> 2] >>> (8 * (k & 3))));
        }
    }

    /** The Salsa20 input state around four 16-byte-input words: constants, key, input, zero counter. */
    private static void layOut(int[] s, int[] key, int n0, int n1, int n2, int n3) {
        s[0] = SIGMA0;
        s[5] = SIGMA1;
        s[10] = SIGMA2;
        s[15] = SIGMA3;
        s[1] = key[0];
        s[2] = key[1];
        s[3] = key[2];
        s[4] = key[3];
        s[11] = key[4];
        s[12] = key[5];
        s[13] = key[6];
        s[14] = key[7];
        s[6] = n0;
        s[7] = n1;
        s[8] = n2;
        s[9] = n3;
    }

    /** The 20 Salsa20 rounds (ten column-then-row double rounds) of state {@code in}, without feed-forward. */
    private static void rounds(int[] in, int[] out) {
        int x0 = in[0], x1 = in[1], x2 = in[2], x3 = in[3];
        int x4 = in[4], x5 = in[5], x6 = in[6], x7 = in[7];
        int x8 = in[8], x9 = in[9], x10 = in[10], x11 = in[11];
        int x12 = in[12], x13 = in[13], x14 = in[14], x15 = in[15];
        for (int i = 0; i < DOUBLE_ROUNDS; i++) {
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);

            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        out[0] = x0; out[1] = x1; out[2] = x2; out[3] = x3;
        out[4] = x4; out[5] = x5; out[6] = x6; out[7] = x7;
        out[8] = x8; out[9] = x9; out[10] = x10; out[11] = x11;
        out[12] = x12; out[13] = x13; out[14] = x14; out[15] = x15;
    }
}
