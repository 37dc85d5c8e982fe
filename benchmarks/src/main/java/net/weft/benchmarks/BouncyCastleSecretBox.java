package net.weft.benchmarks;

import java.security.MessageDigest;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The baseline {@link SecretBoxBenchmark} compares against: NaCl secretbox composed from BouncyCastle's
 * {@code XSalsa20Engine} and {@code Poly1305}, as core's {@code SecretBox} did before it got its own cipher
 * and MAC. Same layout ({@code tag || ciphertext}), same reuse of engine, MAC and scratch buffers.
 */
final class BouncyCastleSecretBox {

    private static final int TAG_BYTES = 16;
    private static final int POLY_KEY_BYTES = 32;

    private final KeyParameter key;
    private final XSalsa20Engine salsa = new XSalsa20Engine();
    private final Poly1305 mac = new Poly1305();
    private final byte[] zeros = new byte[POLY_KEY_BYTES];
    private final byte[] polyKey = new byte[POLY_KEY_BYTES];
    private final byte[] computedTag = new byte[TAG_BYTES];
    private final byte[] receivedTag = new byte[TAG_BYTES];

    BouncyCastleSecretBox(byte[] key) {
        this.key = new KeyParameter(key);
    }

    int sealInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        startKeystream(nonce);
        salsa.processBytes(in, inOffset, length, out, outOffset + TAG_BYTES);
        mac.update(out, outOffset + TAG_BYTES, length);
        mac.doFinal(out, outOffset);
        return length + TAG_BYTES;
    }

    boolean openInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (length < TAG_BYTES) {
            return false;
        }
        int cipherLength = length - TAG_BYTES;
        startKeystream(nonce);
        mac.update(in, inOffset + TAG_BYTES, cipherLength);
        mac.doFinal(computedTag, 0);
        System.arraycopy(in, inOffset, receivedTag, 0, TAG_BYTES);
        if (!MessageDigest.isEqual(computedTag, receivedTag)) {
            return false;
        }
        salsa.processBytes(in, inOffset + TAG_BYTES, cipherLength, out, outOffset);
        return true;
    }

    private void startKeystream(byte[] nonce) {
        salsa.init(true, new ParametersWithIV(key, nonce));
        salsa.processBytes(zeros, 0, POLY_KEY_BYTES, polyKey, 0);
        mac.init(new KeyParameter(polyKey));
    }
}
