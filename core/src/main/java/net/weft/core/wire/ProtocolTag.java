package net.weft.core.wire;

import java.util.Optional;

/**
 * The first byte of every message body after the handshake, saying what the rest is. Tags 1 to 3 are
 * legacy sleeve control messages and, like tag 7, are handed to the overlay; unknown tags are ignored by
 * Weave (logged), not fatal.
 */
public enum ProtocolTag {
    /** Keep-alive with an empty body, sent every 30 s. */
    HEARTBEAT(0),
    /** Legacy sleeve "ConnectionEstablished". */
    RESERVED1(1),
    /** Legacy sleeve "FragmentationReceived". */
    RESERVED2(2),
    /** Legacy sleeve "PMTUVerified". */
    RESERVED3(3),
    /** Gossip to random neighbours: channel, immediate sender, payload. */
    GOSSIP(4),
    /** Gossip to one peer along routes: channel, source, destination, payload. */
    GOSSIP_UNICAST(5),
    /** Gossip along the source's broadcast tree: channel, source, payload. */
    GOSSIP_BROADCAST(6),
    /** Overlay-switch control message: overlay index byte, then that overlay's message. */
    OVERLAY_CONTROL(7);

    private static final ProtocolTag[] BY_CODE = values();

    private final int code;

    ProtocolTag(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The tag with this code, or empty for codes Weave does not define. */
    public static Optional<ProtocolTag> of(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.of(BY_CODE[code]) : Optional.empty();
    }
}
