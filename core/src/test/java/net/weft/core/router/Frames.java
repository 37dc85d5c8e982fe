package net.weft.core.router;

/** Small Ethernet frames for router tests: host {@code i} owns the MAC {@code 02:00:00:00:00:i}. */
final class Frames {

    private static final int ARP_FRAME_BYTES = 42;
    private static final int MAC_BYTES = 6;

    private Frames() {
    }

    /** An ARP broadcast from host {@code from}'s MAC. */
    static byte[] broadcastFrom(int from) {
        byte[] f = frame(from);
        java.util.Arrays.fill(f, 0, MAC_BYTES, (byte) 0xff);
        return f;
    }

    /** An ARP reply from host {@code from}'s MAC to host {@code to}'s MAC. */
    static byte[] unicast(int from, int to) {
        byte[] f = frame(from);
        f[0] = 0x02;
        f[MAC_BYTES - 1] = (byte) to;
        return f;
    }

    private static byte[] frame(int from) {
        byte[] f = new byte[ARP_FRAME_BYTES];
        f[MAC_BYTES] = 0x02;
        f[2 * MAC_BYTES - 1] = (byte) from;
        f[12] = 0x08;
        f[13] = 0x06;
        return f;
    }
}
