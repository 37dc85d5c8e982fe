package net.weft.core.crypto;

/**
 * Poly1305 one-time authenticator (RFC 8439 section 2.5), computed in one call over a whole message without
 * allocating: the MAC of {@link SecretBox}.
 *
 * <p>How it works: the key is eight little-endian words, {@code r} (words 0..3, clamped here) and {@code s}
 * (words 4..7). The accumulator {@code h} and {@code r} are held as five 26-bit limbs in {@code long}s, so each
 * 16-byte block costs 25 exact 64-bit multiplications: {@code h = (h + block + 2^128) * r mod 2^130 - 5},
 * where the top limb's multiples wrap around multiplied by 5 (since {@code 2^130 = 5 mod p}). A final partial
 * block gets a {@code 0x01} byte after its data and no {@code 2^128}. At the end {@code h} is fully reduced
 * mod p in constant time and {@code s} is added mod {@code 2^128}.
 */
final class Poly1305Mac {

    /** Key size: {@code r || s}. */
    static final int KEY_BYTES = 32;
    /** Tag size. */
    static final int TAG_BYTES = 16;
    /** Message block size. */
    private static final int BLOCK_BYTES = 16;
    /** Bits per limb. */
    private static final int LIMB_BITS = 26;
    private static final long LIMB_MASK = (1L << LIMB_BITS) - 1;
    /** The {@code 2^128} added to every full block, as a bit of the top limb. */
    private static final long FULL_BLOCK_BIT = 1L << 24;
    private static final long WORD_MASK = 0xFFFFFFFFL;

    private Poly1305Mac() {
    }

    /** Converts a 32-byte key {@code r || s} to the eight words {@link #compute} takes. */
    static int[] keyWords(byte[] key) {
        int[] words = new int[KEY_BYTES / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = (int) LittleEndianViews.INTS.get(key, 4 * i);
        }
        return words;
    }

    /**
     * Writes the 16-byte tag of {@code length} bytes of {@code message} from {@code offset} under the one-time
     * key in {@code keyWords[0..7]} to {@code tag} at {@code tagOffset}.
     */
    static void compute(int[] keyWords, byte[] message, int offset, int length, byte[] tag, int tagOffset) {
        int w0 = keyWords[0];
        int w1 = keyWords[1];
        int w2 = keyWords[2];
        int w3 = keyWords[3];
        // r clamped (RFC 8439: r &= 0x0ffffffc0ffffffc0ffffffc0fffffff) and split into 26-bit limbs.
        long r0 = w0 & 0x3ffffff;
        long r1 = ((w0 >>> 26) | (w1 << 6)) & 0x3ffff03;
        long r2 = ((w1 >>> 20) | (w2 << 12)) & 0x3ffc0ff;
        long r3 = ((w2 >>> 14) | (w3 << 18)) & 0x3f03fff;
        long r4 = (w3 >>> 8) & 0x00fffff;
        long s1 = r1 * 5;
        long s2 = r2 * 5;
        long s3 = r3 * 5;
        long s4 = r4 * 5;
        long h0 = 0;
        long h1 = 0;
        long h2 = 0;
        long h3 = 0;
        long h4 = 0;
        for (int done = 0; done < length; done += BLOCK_BYTES) {
            int at = offset + done;
            int m0;
            int m1;
            int m2;
            int m3;
            long top;
            if (length - done >= BLOCK_BYTES) {
                m0 = (int) LittleEndianViews.INTS.get(message, at);
                m1 = (int) LittleEndianViews.INTS.get(message, at + 4);
                m2 = (int) LittleEndianViews.INTS.get(message, at + 8);
                m3 = (int) LittleEndianViews.INTS.get(message, at + 12);
                top = FULL_BLOCK_BIT;
            } else {
                long low = paddedHalf(message, at, length - done, 0);
                long high = paddedHalf(message, at, length - done, 8);
                m0 = (int) low;
                m1 = (int) (low >>> 32);
                m2 = (int) high;
                m3 = (int) (high >>> 32);
                top = 0;
            }
            h0 += m0 & 0x3ffffff;
            h1 += ((m0 >>> 26) | (m1 << 6)) & 0x3ffffff;
            h2 += ((m1 >>> 20) | (m2 << 12)) & 0x3ffffff;
            h3 += ((m2 >>> 14) | (m3 << 18)) & 0x3ffffff;
            h4 += (m3 >>> 8) | top;

            long d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1;
            long d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2;
            long d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3;
            long d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4;
            long d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0;
            d1 += d0 >>> LIMB_BITS;
            d2 += d1 >>> LIMB_BITS;
            d3 += d2 >>> LIMB_BITS;
            d4 += d3 >>> LIMB_BITS;
            h0 = (d0 & LIMB_MASK) + (d4 >>> LIMB_BITS) * 5;
            h1 = (d1 & LIMB_MASK) + (h0 >>> LIMB_BITS);
            h0 &= LIMB_MASK;
            h2 = d2 & LIMB_MASK;
            h3 = d3 & LIMB_MASK;
            h4 = d4 & LIMB_MASK;
        }
        finish(h0, h1, h2, h3, h4, keyWords, tag, tagOffset);
    }

    /**
     * Eight bytes from {@code from} of the final partial block (of {@code remaining} bytes at {@code at}),
     * little-endian, with the {@code 0x01} pad byte right after the data and zeros beyond.
     */
    private static long paddedHalf(byte[] message, int at, int remaining, int from) {
        long half = 0;
        for (int i = 0; i < 8; i++) {
            int j = from + i;
            long b = j < remaining ? message[at + j] & 0xFF : (j == remaining ? 1 : 0);
            half |= b << (8 * i);
        }
        return half;
    }

    /** Reduces {@code h} fully mod {@code 2^130 - 5} in constant time, adds {@code s} and writes the tag. */
    private static void finish(long h0, long h1, long h2, long h3, long h4, int[] keyWords, byte[] tag,
            int tagOffset) {
        long c = h1 >>> LIMB_BITS;
        h1 &= LIMB_MASK;
        h2 += c;
        c = h2 >>> LIMB_BITS;
        h2 &= LIMB_MASK;
        h3 += c;
        c = h3 >>> LIMB_BITS;
        h3 &= LIMB_MASK;
        h4 += c;
        c = h4 >>> LIMB_BITS;
        h4 &= LIMB_MASK;
        h0 += c * 5;
        c = h0 >>> LIMB_BITS;
        h0 &= LIMB_MASK;
        h1 += c;
        // g = h + 5 - 2^130; when g is not negative, h >= p and g is the reduced value.
        long g0 = h0 + 5;
        long g1 = h1 + (g0 >>> LIMB_BITS);
        long g2 = h2 + (g1 >>> LIMB_BITS);
        long g3 = h3 + (g2 >>> LIMB_BITS);
        long g4 = h4 + (g3 >>> LIMB_BITS) - (1L << LIMB_BITS);
        long keepH = g4 >> 63;
        h0 = (h0 & keepH) | (g0 & LIMB_MASK & ~keepH);
        h1 = (h1 & keepH) | (g1 & LIMB_MASK & ~keepH);
        h2 = (h2 & keepH) | (g2 & LIMB_MASK & ~keepH);
        h3 = (h3 & keepH) | (g3 & LIMB_MASK & ~keepH);
        h4 = (h4 & keepH) | (g4 & LIMB_MASK & ~keepH);
        long f0 = ((h0 | (h1 << 26)) & WORD_MASK) + (keyWords[4] & WORD_MASK);
        long f1 = (((h1 >>> 6) | (h2 << 20)) & WORD_MASK) + (keyWords[5] & WORD_MASK) + (f0 >>> 32);
        long f2 = (((h2 >>> 12) | (h3 << 14)) & WORD_MASK) + (keyWords[6] & WORD_MASK) + (f1 >>> 32);
        long f3 = (((h3 >>> 18) | (h4 << 8)) & WORD_MASK) + (keyWords[7] & WORD_MASK) + (f2 >>> 32);
        LittleEndianViews.INTS.set(tag, tagOffset, (int) f0);
        LittleEndianViews.INTS.set(tag, tagOffset + 4, (int) f1);
        LittleEndianViews.INTS.set(tag, tagOffset + 8, (int) f2);
        LittleEndianViews.INTS.set(tag, tagOffset + 12, (int) f3);
    }
}
