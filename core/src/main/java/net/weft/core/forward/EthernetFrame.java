package net.weft.core.forward;

import net.weft.core.id.MacAddress;

/**
 * Static flyweight accessors over an Ethernet II frame held in a {@code byte[]} (no FCS), so that the hot
 * path reads fields in place without allocating a view object per frame.
 *
 * <p>Callers check {@link #isValid(byte[])} first: the accessors assume at least the 14-byte header (and,
 * for the IPv4 accessors, {@link #hasIpv4Header(byte[])}); reading beyond the array is our bug, not the
 * peer's, and throws.
 */
public final class EthernetFrame {

    /** Destination MAC (6) + source MAC (6) + EtherType (2). */
    public static final int HEADER_BYTES = 14;
    /** The sleeve length field is 16 bits, so no frame we carry can be longer. */
    public static final int MAX_FRAME_BYTES = 65535;
    /** EtherType of IPv4. */
    public static final int ETHERTYPE_IPV4 = 0x0800;
    /** EtherType of ARP. */
    public static final int ETHERTYPE_ARP = 0x0806;
    /** The smallest IPv4 header (IHL 5). */
    public static final int IPV4_MIN_HEADER_BYTES = 20;
    /** The spanning-tree protocol multicast address, never forwarded. */
    public static final MacAddress STP_MULTICAST = MacAddress.of("01:80:c2:00:00:00");

    private static final int DST_OFFSET = 0;
    /** Where the source MAC starts in a frame. */
    public static final int SRC_MAC_OFFSET = 6;
    private static final int ETHERTYPE_OFFSET = 12;
    private static final int IP_TOTAL_LENGTH_OFFSET = HEADER_BYTES + 2;
    private static final int IP_FLAGS_OFFSET = HEADER_BYTES + 6;
    private static final int IP_DF_BIT = 0x40;

    private EthernetFrame() {
    }

    /** True when the frame holds at least a full Ethernet header and fits the sleeve length field. */
    public static boolean isValid(byte[] frame) {
        return frame != null && frame.length >= HEADER_BYTES && frame.length <= MAX_FRAME_BYTES;
    }

    /** Why the frame is not {@link #isValid valid}, or empty when it is. */
    public static String invalidReason(byte[] frame) {
        if (frame == null || frame.length < HEADER_BYTES) {
            return "frame shorter than the " + HEADER_BYTES + "-byte Ethernet header: "
                    + (frame == null ? 0 : frame.length) + " bytes";
        }
        if (frame.length > MAX_FRAME_BYTES) {
            return "frame longer than " + MAX_FRAME_BYTES + " bytes: " + frame.length;
        }
        return "";
    }

    /** The destination MAC (bytes 0..5). */
    public static MacAddress dst(byte[] frame) {
        return new MacAddress(readMac(frame, DST_OFFSET));
    }

    /** The source MAC (bytes 6..11). */
    public static MacAddress src(byte[] frame) {
        return new MacAddress(readMac(frame, SRC_MAC_OFFSET));
    }

    /** The destination MAC as a 48-bit number, without allocating. */
    public static long dstValue(byte[] frame) {
        return readMac(frame, DST_OFFSET);
    }

    /** The source MAC as a 48-bit number, without allocating. */
    public static long srcValue(byte[] frame) {
        return readMac(frame, SRC_MAC_OFFSET);
    }

    /** The EtherType (or 802.3 length) field, bytes 12..13 big-endian. */
    public static int etherType(byte[] frame) {
        return u16(frame, ETHERTYPE_OFFSET);
    }

    /** True when the EtherType says IPv4. */
    public static boolean isIpv4(byte[] frame) {
        return etherType(frame) == ETHERTYPE_IPV4;
    }

    /**
     * True when the frame is IPv4 and long enough to hold the IPv4 header its IHL announces (at least 20
     * bytes), so that {@link #ipv4DontFragment} and friends may be read.
     */
    public static boolean hasIpv4Header(byte[] frame) {
        if (!isIpv4(frame) || frame.length < HEADER_BYTES + IPV4_MIN_HEADER_BYTES) {
            return false;
        }
        int headerBytes = ipv4HeaderBytes(frame);
        return headerBytes >= IPV4_MIN_HEADER_BYTES && frame.length >= HEADER_BYTES + headerBytes;
    }

    /** The IPv4 header length in bytes (IHL x 4). */
    public static int ipv4HeaderBytes(byte[] frame) {
        return (frame[HEADER_BYTES] & 0x0F) * 4;
    }

    /** The IPv4 total length field (header + payload). */
    public static int ipv4TotalLength(byte[] frame) {
        return u16(frame, IP_TOTAL_LENGTH_OFFSET);
    }

    /** The IPv4 "don't fragment" flag: such frames must not be split on the way. */
    public static boolean ipv4DontFragment(byte[] frame) {
        return (frame[IP_FLAGS_OFFSET] & IP_DF_BIT) != 0;
    }

    /**
     * The 48-bit MAC at {@code offset} in {@code bytes} (a frame inside a larger buffer: destination at
     * {@code start}, source at {@code start + 6}), without allocating.
     */
    public static long macAt(byte[] bytes, int offset) {
        return readMac(bytes, offset);
    }

    private static long readMac(byte[] frame, int offset) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (frame[offset + i] & 0xFF);
        }
        return v;
    }

    private static int u16(byte[] frame, int offset) {
        return ((frame[offset] & 0xFF) << 8) | (frame[offset + 1] & 0xFF);
    }
}
