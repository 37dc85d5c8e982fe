package net.weft.core.crypto;

import net.weft.core.wire.ParseResult;

/**
 * X25519 Diffie-Hellman (RFC 7748) for the per-connection ephemeral key exchange of Weave's v2 handshake.
 *
 * <p>The core owns no entropy: the binding draws 32 random bytes and passes them in as the private key.
 * Any 32 bytes are a valid private key; clamping is part of the scalar multiplication. A peer's public key
 * is untrusted input, so {@link #sharedSecret} returns a {@link ParseResult} and refuses wrong lengths and
 * the all-zero result that a low-order point produces (RFC 7748 §6.1).
 */
public final class X25519 {

    /** Size of a private key, a public key and a shared secret. */
    public static final int KEY_BYTES = 32;

    private X25519() {
    }

    /**
     * The public key (u-coordinate of {@code privateKey * 9}) to send to the peer.
     *
     * @throws IllegalArgumentException when the private key is not {@value #KEY_BYTES} bytes (a caller bug)
     */
    public static byte[] publicKey(byte[] privateKey) {
        if (privateKey == null || privateKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("X25519 private key must be " + KEY_BYTES + " bytes");
        }
        byte[] publicKey = new byte[KEY_BYTES];
        org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(privateKey, 0, publicKey, 0);
        return publicKey;
    }

    /**
     * The raw X25519 shared secret of our private key and the peer's public key.
     *
     * <p>Weave does not use this value directly: see {@link Box#beforenm} for the key both sides derive.
     *
     * @return the 32-byte secret, or a rejection for a wrong-length key or a low-order peer point
     */
    public static ParseResult<byte[]> sharedSecret(byte[] privateKey, byte[] peerPublicKey) {
        if (privateKey == null || privateKey.length != KEY_BYTES) {
            return ParseResult.rejected("X25519 private key must be " + KEY_BYTES + " bytes, got "
                    + (privateKey == null ? "none" : privateKey.length));
        }
        if (peerPublicKey == null || peerPublicKey.length != KEY_BYTES) {
            return ParseResult.rejected("peer public key must be " + KEY_BYTES + " bytes, got "
                    + (peerPublicKey == null ? "none" : peerPublicKey.length));
        }
        byte[] shared = new byte[KEY_BYTES];
        org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(privateKey, 0, peerPublicKey, 0, shared, 0);
        if (isAllZero(shared)) {
            return ParseResult.rejected("peer public key is a low-order point (X25519 result is all zero)");
        }
        return ParseResult.ok(shared);
    }

    /** Checks every byte, whatever the content, so the time taken does not depend on the secret. */
    private static boolean isAllZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }
}
