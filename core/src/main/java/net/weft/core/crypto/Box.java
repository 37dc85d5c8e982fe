package net.weft.core.crypto;

import net.weft.core.wire.ParseResult;

/**
 * NaCl's box key agreement: the symmetric key two peers share after exchanging X25519 public keys.
 *
 * <p>Weave derives its session key from {@code box.Precompute(remotePub, localPriv)}, which is
 * {@code HSalsa20(key = X25519(localPriv, remotePub), input = 16 zero bytes, constant = sigma)}; libsodium
 * calls the same thing {@code crypto_box_beforenm}. It is not the raw X25519 output, which matters for
 * interoperability.
 */
public final class Box {

    /** Size of the precomputed key. */
    public static final int KEY_BYTES = 32;

    private static final byte[] ZERO_INPUT = new byte[HSalsa20.INPUT_BYTES];

    private Box() {
    }

    /**
     * The precomputed box key from the peer's public key and our private key.
     *
     * @return the 32-byte key, or a rejection (wrong lengths, low-order peer point) from {@link X25519}
     */
    public static ParseResult<byte[]> beforenm(byte[] peerPublicKey, byte[] privateKey) {
        return X25519.sharedSecret(privateKey, peerPublicKey).map(shared -> HSalsa20.hash(shared, ZERO_INPUT));
    }
}
