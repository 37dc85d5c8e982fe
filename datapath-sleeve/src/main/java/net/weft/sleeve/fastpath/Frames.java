package net.weft.sleeve.fastpath;

/** Reads Ethernet and sleeve header fields in place. */
final class Frames {

    private static final int MAC_BYTES = 6;
    private static final int SRC_MAC_OFFSET = 6;

    private Frames() {
    }

    /** The source MAC of the frame at {@code offset}, as a 48-bit number. */
    static long srcMac(byte[] frame, int offset) {
        return read48(frame, offset + SRC_MAC_OFFSET);
    }

    /** The 48-bit big-endian number at {@code offset} (a MAC or a peer name). */
    static long read48(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < MAC_BYTES; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xFF);
        }
        return v;
    }
}
