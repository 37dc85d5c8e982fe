package net.weft.core.conn;

import java.nio.charset.StandardCharsets;
import net.weft.core.crypto.Box;
import net.weft.core.crypto.SessionKey;
import net.weft.core.crypto.TcpCrypto;
import net.weft.core.crypto.X25519;
import net.weft.core.wire.ParseResult;

/**
 * The encryption state of one TCP connection after an encrypted v2 handshake (control-plane notes §2.3,
 * §3.1, §3.2): the session key, a {@link TcpCrypto.Sealer} for the frames we send and a
 * {@link TcpCrypto.Opener} for those we receive. Every frame from the features frame on goes through it; the
 * 4-byte length prefix stays in clear and counts the sealed body.
 *
 * <p>The opener is strict: any failure (wrong password, bit flip, truncation, a missing or reordered frame)
 * is final and the caller closes the connection. There is no way back to plain text. Not thread-safe.
 */
public final class TcpSession {

    private final byte[] sessionKey;
    private final TcpCrypto.Sealer sealer;
    private final TcpCrypto.Opener opener;

    private TcpSession(byte[] sessionKey, boolean localIsOutbound) {
        this.sessionKey = sessionKey.clone();
        this.sealer = new TcpCrypto.Sealer(sessionKey, localIsOutbound);
        this.opener = new TcpCrypto.Opener(sessionKey, localIsOutbound);
    }

    /**
     * Derives the session from our ephemeral private key and the peer's public key:
     * {@code SHA-256(box.beforenm(peerPub, ourPriv) || UTF-8(password))}.
     *
     * @return the session, or a rejection when the peer's key is unusable (a low-order point)
     */
    public static ParseResult<TcpSession> establish(byte[] ourPrivateKey, byte[] peerPublicKey, String password,
            boolean localIsOutbound) {
        ParseResult<byte[]> shared = Box.beforenm(peerPublicKey, ourPrivateKey);
        if (!shared.isOk()) {
            return ParseResult.rejected("unusable peer public key: " + shared.reason());
        }
        byte[] key = SessionKey.derive(shared.value(), password.getBytes(StandardCharsets.UTF_8));
        return ParseResult.ok(new TcpSession(key, localIsOutbound));
    }

    /** Our public key for a private key drawn by the router. */
    public static byte[] publicKey(byte[] ourPrivateKey) {
        return X25519.publicKey(ourPrivateKey);
    }

    /** Seals the next frame body we send (the result is 16 bytes longer). */
    public byte[] seal(byte[] body) {
        return sealer.seal(body);
    }

    /** Opens the next frame body we received, in order; a rejection means: close the connection. */
    public ParseResult<byte[]> open(byte[] sealedBody) {
        return opener.open(sealedBody);
    }

    /** A copy of the 32-byte session key, which also keys the sleeve when the connection is untrusted. */
    public byte[] sessionKey() {
        return sessionKey.clone();
    }
}
