package net.weft.core.crypto;

import java.security.MessageDigest;
import net.weft.core.wire.ParseResult;

/**
 * NaCl secretbox (XSalsa20-Poly1305) with libsodium's {@code crypto_secretbox_easy} layout:
 * {@code box = tag(16) || ciphertext(len)}. This is what Go's {@code secretbox.Seal} emits, and so what Weave
 * sends on encrypted TCP connections and in encrypted sleeve packets.
 *
 * <p>How it works: XSalsa20 under the key and 24-byte nonce yields a keystream; its first 32 bytes become a
 * one-time Poly1305 key, and the rest is XORed with the message. The tag is Poly1305 over the ciphertext.
 * Opening recomputes the tag, compares it in constant time ({@link MessageDigest#isEqual}) and decrypts only
 * when it matches, so forged input never reaches the output buffer. The cipher is {@link XSalsa20Cipher} and
 * the MAC {@link Poly1305Mac}, our own allocation-free implementations working on words; tests hold them to
 * NaCl's vectors and to BouncyCastle's {@code XSalsa20Engine} and {@code Poly1305}.
 *
 * <p>Two ways to use it. The static {@link #seal(byte[], byte[], byte[])} and
 * {@link #open(byte[], byte[], byte[])} allocate everything per call and suit the handshake and tests. For
 * packet rates, make one instance per key and call {@link #sealInto} / {@link #openInto}: the instance keeps
 * its cipher state and scratch buffers, and writes into caller buffers at offsets. An instance is <b>not</b>
 * thread-safe; give each sending or receiving path its own. It is the default {@link SecretBoxEngine}
 * ({@link SecretBoxEngine#JAVA}).
 */
public final class SecretBox implements SecretBoxEngine {

    /** Key size. */
    public static final int KEY_BYTES = 32;
    /** Nonce size. */
    public static final int NONCE_BYTES = 24;
    /** Poly1305 tag size, which is the whole size overhead of a box. */
    public static final int TAG_BYTES = 16;
    /** Keystream bytes spent on the one-time Poly1305 key before the message is encrypted. */
    private static final int POLY_KEY_BYTES = 32;

    private final XSalsa20Cipher salsa;
    /** Keystream block 0: words 0..7 are the Poly1305 key, bytes 32..63 encrypt the first message bytes. */
    private final int[] firstBlock = new int[XSalsa20Cipher.BLOCK_WORDS];
    private final byte[] computedTag = new byte[TAG_BYTES];
    private final byte[] receivedTag = new byte[TAG_BYTES];

    /**
     * A reusable box bound to one key (copied).
     *
     * @throws IllegalArgumentException when the key is not {@value #KEY_BYTES} bytes (a caller bug)
     */
    public SecretBox(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("secretbox key must be " + KEY_BYTES + " bytes");
        }
        this.salsa = new XSalsa20Cipher(key);
    }

    /** Seals {@code plaintext} under a one-off key; returns {@code tag || ciphertext}. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        byte[] box = new byte[plaintext.length + TAG_BYTES];
        new SecretBox(key).sealInto(nonce, plaintext, 0, plaintext.length, box, 0);
        return box;
    }

    /**
     * Opens {@code tag || ciphertext} under a one-off key.
     *
     * @return the plaintext, or a rejection when the box is shorter than the tag or fails authentication
     */
    public static ParseResult<byte[]> open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < TAG_BYTES) {
            return ParseResult.rejected("secretbox of " + box.length + " bytes is shorter than its "
                    + TAG_BYTES + "-byte tag");
        }
        byte[] plaintext = new byte[box.length - TAG_BYTES];
        if (!new SecretBox(key).openInto(nonce, box, 0, box.length, plaintext, 0)) {
            return ParseResult.rejected("secretbox authentication failed");
        }
        return ParseResult.ok(plaintext);
    }

    /**
     * Seals {@code length} bytes of {@code in} from {@code inOffset}, writing the tag at {@code outOffset}
     * and the ciphertext right after it.
     *
     * <p>In-place sealing is supported when the plaintext already sits where the ciphertext goes, that is
     * {@code in == out} and {@code inOffset == outOffset + TAG_BYTES}; other overlaps are not.
     *
     * @return bytes written, {@code length + TAG_BYTES}
     */
    @Override
    public int sealInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        startKeystream(nonce);
        crypt(in, inOffset, out, outOffset + TAG_BYTES, length);
        Poly1305Mac.compute(firstBlock, out, outOffset + TAG_BYTES, length, out, outOffset);
        return length + TAG_BYTES;
    }

    /**
     * Opens the box of {@code length} bytes at {@code inOffset}, writing {@code length - TAG_BYTES} bytes of
     * plaintext at {@code outOffset} only when the tag is authentic; on failure {@code out} is untouched.
     *
     * <p>In-place opening is supported when {@code in == out} and {@code outOffset == inOffset + TAG_BYTES}.
     *
     * @return true when the box is authentic (and decrypted), false when it is shorter than the tag or forged
     */
    @Override
    public boolean openInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (length < TAG_BYTES) {
            return false;
        }
        int cipherLength = length - TAG_BYTES;
        startKeystream(nonce);
        Poly1305Mac.compute(firstBlock, in, inOffset + TAG_BYTES, cipherLength, computedTag, 0);
        System.arraycopy(in, inOffset, receivedTag, 0, TAG_BYTES);
        if (!MessageDigest.isEqual(computedTag, receivedTag)) {
            return false;
        }
        crypt(in, inOffset + TAG_BYTES, out, outOffset, cipherLength);
        return true;
    }

    /** Keys XSalsa20 for this nonce and keeps keystream block 0, whose first half is the Poly1305 key. */
    private void startKeystream(byte[] nonce) {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("secretbox nonce must be " + NONCE_BYTES + " bytes");
        }
        salsa.start(nonce);
        salsa.block(0, firstBlock);
    }

    /**
     * XORs {@code length} bytes with the keystream from byte {@link #POLY_KEY_BYTES}: the rest of block 0, then
     * blocks 1 onwards. In place is fine when {@code in}/{@code inOffset} and {@code out}/{@code outOffset}
     * are the same bytes.
     */
    private void crypt(byte[] in, int inOffset, byte[] out, int outOffset, int length) {
        int head = Math.min(length, XSalsa20Cipher.BLOCK_BYTES - POLY_KEY_BYTES);
        XSalsa20Cipher.xorWords(firstBlock, POLY_KEY_BYTES, in, inOffset, out, outOffset, head);
        salsa.xor(1, in, inOffset + head, out, outOffset + head, length - head);
    }
}
