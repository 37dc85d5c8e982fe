package net.weft.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The session key of one connection, as Weave forms it ({@code mesh/protocol_crypto.go: formSessionKey}):
 * {@code SHA-256(shared || password)}, where {@code shared} is {@link Box#beforenm} of the two ephemeral keys
 * and {@code password} the raw bytes of the configured password.
 *
 * <p>The same key protects the TCP control channel ({@link TcpCrypto}) and, when the connection is not
 * trusted, the sleeve overlay ({@link SleeveEncryptor}). Mixing the password in means that a peer without it
 * derives a different key and fails to open the first message. An empty password means "no encryption" to
 * the caller; this function would still hash it.
 */
public final class SessionKey {

    /** Size of a session key (a SHA-256 digest). */
    public static final int KEY_BYTES = 32;

    private SessionKey() {
    }

    /** {@code SHA-256(shared || password)}. */
    public static byte[] derive(byte[] shared, byte[] password) {
        MessageDigest sha256 = sha256();
        sha256.update(shared);
        sha256.update(password);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
