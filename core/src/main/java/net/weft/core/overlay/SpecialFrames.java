package net.weft.core.overlay;

import net.weft.core.wire.ParseResult;

/**
 * Builders and parsers of the sleeve's special frames: an Ethernet header of 14 zero bytes (zero MACs,
 * length 0) followed by a body whose total length says what the frame is. 22 bytes: heartbeat with the
 * 8-byte big-endian connection UID; 60001 bytes: fragmentation test; anything else: PMTU probe for
 * {@code length - 14}. Bodies other than the heartbeat's UID are zeros.
 */
public final class SpecialFrames {

    /** The zero Ethernet header that marks a special frame. */
    public static final int HEADER_BYTES = 14;
    /** Length of a heartbeat frame: header plus the 8-byte connection UID. */
    public static final int HEARTBEAT_BYTES = HEADER_BYTES + Long.BYTES;
    /** Length of the fragmentation test frame ({@code FragTestSize}). */
    public static final int FRAGMENTATION_TEST_BYTES = 60001;
    /** Length of the DF frame Weave sends to provoke EMSGSIZE and start PMTU discovery. */
    public static final int PMTU_DISCOVERY_BYTES = 60000;
    /** The largest MTU a probe can test: the frame must fit the 16-bit sleeve length field. */
    public static final int MAX_PROBE_MTU = SleevePacket.MAX_FRAME_BYTES - HEADER_BYTES;

    private SpecialFrames() {
    }

    /** True when the frame starts with the 14 zero bytes of a special frame. */
    public static boolean isSpecial(byte[] frame) {
        if (frame == null || frame.length < HEADER_BYTES) {
            return false;
        }
        for (int i = 0; i < HEADER_BYTES; i++) {
            if (frame[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A heartbeat frame for connection {@code connUid}. */
    public static byte[] heartbeat(long connUid) {
        byte[] frame = new byte[HEARTBEAT_BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            frame[HEADER_BYTES + i] = (byte) (connUid >>> (8 * (Long.BYTES - 1 - i)));
        }
        return frame;
    }

    /** The all-zero fragmentation test frame. */
    public static byte[] fragmentationTest() {
        return new byte[FRAGMENTATION_TEST_BYTES];
    }

    /** An all-zero PMTU probe for {@code mtu} (frame length {@code mtu + 14}). */
    public static byte[] pmtuProbe(int mtu) {
        if (mtu < 0 || mtu > MAX_PROBE_MTU || mtu + HEADER_BYTES == HEARTBEAT_BYTES
                || mtu + HEADER_BYTES == FRAGMENTATION_TEST_BYTES) {
            throw new IllegalArgumentException("MTU cannot be probed: " + mtu);
        }
        return new byte[mtu + HEADER_BYTES];
    }

    /** Classifies a frame a peer sent; rejects frames that are not special. Never throws. */
    public static ParseResult<SpecialFrame> parse(byte[] frame) {
        if (!isSpecial(frame)) {
            return ParseResult.rejected("not a special frame (needs " + HEADER_BYTES + " leading zero bytes)");
        }
        if (frame.length == HEARTBEAT_BYTES) {
            long uid = 0;
            for (int i = HEADER_BYTES; i < HEARTBEAT_BYTES; i++) {
                uid = (uid << 8) | (frame[i] & 0xFF);
            }
            return ParseResult.ok(new SpecialFrame.Heartbeat(uid));
        }
        if (frame.length == FRAGMENTATION_TEST_BYTES) {
            return ParseResult.ok(new SpecialFrame.FragmentationTest());
        }
        if (frame.length > SleevePacket.MAX_FRAME_BYTES) {
            return ParseResult.rejected("special frame longer than " + SleevePacket.MAX_FRAME_BYTES + " bytes");
        }
        return ParseResult.ok(new SpecialFrame.PmtuProbe(frame.length - HEADER_BYTES));
    }
}
