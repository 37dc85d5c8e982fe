package net.weft.sleeve.host.sodium;

import java.nio.ByteBuffer;
import java.util.Objects;
import net.weft.core.crypto.SecretBox;
import net.weft.core.crypto.SecretBoxEngine;

/**
 * One key's secretbox computed by libsodium ({@code crypto_secretbox_detached} and
 * {@code crypto_secretbox_open_detached}), byte for byte what {@link SecretBox} produces: the detached forms
 * let the tag go at {@code outOffset} and the ciphertext right after it, libsodium's {@code _easy} layout, with
 * the plaintext and ciphertext at the same address when sealing or opening in place (libsodium supports that,
 * and moves overlapping buffers itself otherwise). Make instances through {@link Sodium#load()}. It keeps only
 * the key, no scratch state.
 */
final class SodiumSecretBox implements SecretBoxEngine {

    private static final int TAG_BYTES = SecretBox.TAG_BYTES;

    private final LibSodium sodium;
    private final byte[] key;

    SodiumSecretBox(LibSodium sodium, byte[] key) {
        if (key == null || key.length != SecretBox.KEY_BYTES) {
            throw new IllegalArgumentException("secretbox key must be " + SecretBox.KEY_BYTES + " bytes");
        }
        this.sodium = sodium;
        this.key = key.clone();
    }

    @Override
    public int sealInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkNonce(nonce);
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, length + TAG_BYTES, out.length);
        ByteBuffer cipher = ByteBuffer.wrap(out, outOffset + TAG_BYTES, length);
        ByteBuffer tag = ByteBuffer.wrap(out, outOffset, TAG_BYTES);
        ByteBuffer message = ByteBuffer.wrap(in, inOffset, length);
        if (sodium.crypto_secretbox_detached(cipher, tag, message, length, nonce, key) != 0) {
            throw new IllegalStateException("crypto_secretbox_detached failed");
        }
        return length + TAG_BYTES;
    }

    @Override
    public boolean openInto(byte[] nonce, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        checkNonce(nonce);
        if (length < TAG_BYTES) {
            return false;
        }
        int cipherLength = length - TAG_BYTES;
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(outOffset, cipherLength, out.length);
        ByteBuffer message = ByteBuffer.wrap(out, outOffset, cipherLength);
        ByteBuffer cipher = ByteBuffer.wrap(in, inOffset + TAG_BYTES, cipherLength);
        ByteBuffer tag = ByteBuffer.wrap(in, inOffset, TAG_BYTES);
        return sodium.crypto_secretbox_open_detached(message, cipher, tag, cipherLength, nonce, key) == 0;
    }

    private static void checkNonce(byte[] nonce) {
        if (nonce.length != SecretBox.NONCE_BYTES) {
            throw new IllegalArgumentException("secretbox nonce must be " + SecretBox.NONCE_BYTES + " bytes");
        }
    }
}
