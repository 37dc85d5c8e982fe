package net.weft.core.crypto;

import net.weft.core.wire.ParseResult;

/**
 * Encryption of the TCP control channel, as Weave does it after an encrypted v2 handshake
 * ({@code mesh/protocol_crypto.go}): every length-prefixed message body is one secretbox
 * ({@code tag(16) || ciphertext}), so the 4-byte length prefix, which stays in clear, counts
 * {@link #OVERHEAD_BYTES} more than the plaintext.
 *
 * <p>Each direction of a connection has its own counter, starting at 0 and going up by one per message,
 * carried in the nonce and never on the wire. Make one {@link Sealer} for what we send and one
 * {@link Opener} for what we receive, both from the same session key and the same {@code localIsOutbound}
 * flag (true when we dialled). The opener builds the mirror nonce (the peer's polarity) and advances only
 * when a message opens, so the stream is strictly ordered and replay-proof; any failure is final and the
 * caller must close the connection. The sender must seal, advance and write in one step so that wire order
 * matches counter order. Neither class is thread-safe.
 */
public final class TcpCrypto {

    /** Bytes a sealed message adds to its plaintext (the Poly1305 tag). */
    public static final int OVERHEAD_BYTES = SecretBox.TAG_BYTES;

    private TcpCrypto() {
    }

    /** Seals the messages we send on one connection. */
    public static final class Sealer {
        private final SecretBox box;
        private final byte[] nonce;
        private long sequence;

        /**
         * @param sessionKey      the connection's {@link SessionKey}
         * @param localIsOutbound true when we dialled this connection
         */
        public Sealer(byte[] sessionKey, boolean localIsOutbound) {
            this.box = new SecretBox(sessionKey);
            this.nonce = Nonces.withFlags(localIsOutbound, true);
        }

        /** Seals the next message; returns {@code tag || ciphertext}. */
        public byte[] seal(byte[] message) {
            byte[] out = new byte[message.length + OVERHEAD_BYTES];
            seal(message, 0, message.length, out, 0);
            return out;
        }

        /**
         * Seals the next message from {@code in} into {@code out} (in place when
         * {@code in == out && inOffset == outOffset + OVERHEAD_BYTES}).
         *
         * @return bytes written, {@code length + OVERHEAD_BYTES}
         */
        public int seal(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
            Nonces.setCounter(nonce, sequence);
            int written = box.sealInto(nonce, in, inOffset, length, out, outOffset);
            sequence++;
            return written;
        }

        /** The sequence number the next message will use (the count of messages sealed so far). */
        public long nextSequence() {
            return sequence;
        }
    }

    /** Opens the messages we receive on one connection, in order. */
    public static final class Opener {
        private final SecretBox box;
        private final byte[] nonce;
        private long sequence;

        /**
         * @param sessionKey      the connection's {@link SessionKey}
         * @param localIsOutbound true when we dialled this connection (so the peer's messages carry the
         *                        inbound polarity)
         */
        public Opener(byte[] sessionKey, boolean localIsOutbound) {
            this.box = new SecretBox(sessionKey);
            this.nonce = Nonces.withFlags(!localIsOutbound, true);
        }

        /**
         * Opens the next message body (everything after the length prefix).
         *
         * @return the plaintext, or a rejection; after a rejection the connection must be closed
         */
        public ParseResult<byte[]> open(byte[] body) {
            return open(body, 0, body.length);
        }

        /** As {@link #open(byte[])} for {@code length} bytes of {@code in} from {@code offset}. */
        public ParseResult<byte[]> open(byte[] in, int offset, int length) {
            if (length < OVERHEAD_BYTES) {
                return ParseResult.rejected("unable to decrypt TCP msg " + sequence + ": " + length
                        + " bytes is shorter than the " + OVERHEAD_BYTES + "-byte tag");
            }
            byte[] plaintext = new byte[length - OVERHEAD_BYTES];
            Nonces.setCounter(nonce, sequence);
            if (!box.openInto(nonce, in, offset, length, plaintext, 0)) {
                return ParseResult.rejected("unable to decrypt TCP msg " + sequence
                        + ": authentication failed (wrong password, corruption or reordering)");
            }
            sequence++;
            return ParseResult.ok(plaintext);
        }

        /** The sequence number the next message must carry (the count of messages opened so far). */
        public long nextSequence() {
            return sequence;
        }
    }
}
