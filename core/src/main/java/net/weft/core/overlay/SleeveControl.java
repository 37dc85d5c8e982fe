package net.weft.core.overlay;

import net.weft.core.wire.ParseResult;

/**
 * The sleeve overlay's control messages, carried over TCP inside {@link OverlayControl} (or, with a peer
 * that predates overlay negotiation, as mesh tags 1-3 directly). Each answers something that arrived over
 * UDP, which is how a sender learns its datagrams get through.
 */
public sealed interface SleeveControl {

    /** Sub-tag of {@link ConnectionEstablished}. */
    int CONNECTION_ESTABLISHED = 1;
    /** Sub-tag of {@link FragmentationReceived}. */
    int FRAGMENTATION_RECEIVED = 2;
    /** Sub-tag of {@link PmtuVerified}. */
    int PMTU_VERIFIED = 3;
    /** Bytes of the PMTUVerified payload: a big-endian u16. */
    int PMTU_VERIFIED_BYTES = 2;

    /** The sub-tag on the wire. */
    int subTag();

    /** The message bytes after the sub-tag. */
    byte[] payload();

    /** "Your UDP heartbeat reached me": the receiver may consider the overlay established. */
    record ConnectionEstablished() implements SleeveControl {
        @Override
        public int subTag() {
            return CONNECTION_ESTABLISHED;
        }

        @Override
        public byte[] payload() {
            return new byte[0];
        }
    }

    /** "Your fragmentation test arrived": the path reassembles IP fragments. */
    record FragmentationReceived() implements SleeveControl {
        @Override
        public int subTag() {
            return FRAGMENTATION_RECEIVED;
        }

        @Override
        public byte[] payload() {
            return new byte[0];
        }
    }

    /** "Your probe for this MTU arrived". */
    record PmtuVerified(int mtu) implements SleeveControl {
        /** Checks the 16-bit range. */
        public PmtuVerified {
            if (mtu < 0 || mtu > 0xFFFF) {
                throw new IllegalArgumentException("MTU out of 16-bit range: " + mtu);
            }
        }

        @Override
        public int subTag() {
            return PMTU_VERIFIED;
        }

        @Override
        public byte[] payload() {
            return new byte[] {(byte) (mtu >>> 8), (byte) mtu};
        }
    }

    /** The tag-7 body carrying {@code message} for the sleeve at {@code overlayIndex}. */
    static byte[] encode(int overlayIndex, SleeveControl message) {
        return new OverlayControl(overlayIndex, message.subTag(), message.payload()).encode();
    }

    /**
     * Parses a sleeve control message a peer sent; never throws. Unknown sub-tags and payloads of the wrong
     * length (messages 1 and 2 carry none, message 3 exactly two bytes) are rejected.
     */
    static ParseResult<SleeveControl> decode(int subTag, byte[] payload) {
        int expected = subTag == PMTU_VERIFIED ? PMTU_VERIFIED_BYTES : 0;
        if (subTag < CONNECTION_ESTABLISHED || subTag > PMTU_VERIFIED) {
            return ParseResult.rejected("unknown sleeve control message " + subTag);
        }
        if (payload.length != expected) {
            return ParseResult.rejected("sleeve control message " + subTag + " needs " + expected
                    + " payload bytes, got " + payload.length);
        }
        if (subTag == CONNECTION_ESTABLISHED) {
            return ParseResult.ok(new ConnectionEstablished());
        }
        if (subTag == FRAGMENTATION_RECEIVED) {
            return ParseResult.ok(new FragmentationReceived());
        }
        return ParseResult.ok(new PmtuVerified(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF)));
    }
}
