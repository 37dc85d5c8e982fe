package net.weft.core.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Reference secretbox for the property tests: NaCl's construction composed from BouncyCastle's
 * {@code XSalsa20Engine} and {@code Poly1305}, written out step by step and independent of our cipher and MAC.
 * Allocates freely; only out-of-place use.
 */
final class BouncyCastleSecretBox {

    private static final int TAG_BYTES = 16;
    private static final int POLY_KEY_BYTES = 32;

    private BouncyCastleSecretBox() {
    }

    /** {@code tag || ciphertext} of {@code length} bytes of {@code message} from {@code offset}. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] message, int offset, int length) {
        XSalsa20Engine salsa = keyed(key, nonce);
        byte[] polyKey = new byte[POLY_KEY_BYTES];
        salsa.processBytes(new byte[POLY_KEY_BYTES], 0, POLY_KEY_BYTES, polyKey, 0);
        byte[] box = new byte[TAG_BYTES + length];
        salsa.processBytes(message, offset, length, box, TAG_BYTES);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        mac.update(box, TAG_BYTES, length);
        mac.doFinal(box, 0);
        return box;
    }

    /** The plaintext of {@code box}, or null when it is shorter than a tag or its tag is wrong. */
    static byte[] open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < TAG_BYTES) {
            return null;
        }
        XSalsa20Engine salsa = keyed(key, nonce);
        byte[] polyKey = new byte[POLY_KEY_BYTES];
        salsa.processBytes(new byte[POLY_KEY_BYTES], 0, POLY_KEY_BYTES, polyKey, 0);
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        mac.update(box, TAG_BYTES, box.length - TAG_BYTES);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(box, TAG_BYTES))) {
            return null;
        }
        byte[] plaintext = new byte[box.length - TAG_BYTES];
        salsa.processBytes(box, TAG_BYTES, plaintext.length, plaintext, 0);
        return plaintext;
    }

    /** BouncyCastle's XSalsa20 keystream for this key and nonce, from keystream byte 0. */
    static XSalsa20Engine keyed(byte[] key, byte[] nonce) {
        XSalsa20Engine salsa = new XSalsa20Engine();
        salsa.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return salsa;
    }
}
