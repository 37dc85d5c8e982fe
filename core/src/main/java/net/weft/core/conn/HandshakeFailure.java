package net.weft.core.conn;

/**
 * Why a handshake was refused, and what that means for the connection maker: {@link EndCause#ERROR} is retried
 * with backoff; connecting to ourselves or meeting a peer-name collision never is, as in Weave.
 */
public record HandshakeFailure(String reason, EndCause cause) {

    /** A refusal worth retrying later. */
    public static HandshakeFailure of(String reason) {
        return new HandshakeFailure(reason, EndCause.ERROR);
    }
}
