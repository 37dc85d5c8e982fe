package net.weft.sleeve.host.offload;

/**
 * The 10-byte {@code struct virtio_net_hdr} that prefixes every frame read from or written to a TAP opened
 * with {@code IFF_VNET_HDR}: how the kernel and this process tell each other that a frame still needs its
 * transport checksum, is already checked, or is a TCP super-frame to be cut into segments.
 *
 * <p>Layout (little-endian, as the TAP uses on x86 when {@code TUNSETVNETLE} is not set):
 * {@code flags u8, gso_type u8, hdr_len u16, gso_size u16, csum_start u16, csum_offset u16}. Offsets
 * ({@code csum_start}, {@code hdr_len}) count from the first byte of the Ethernet frame that follows.
 * Only static accessors: callers keep headers in their own buffers, so no object is made per frame.
 */
public final class VirtioNetHeader {

    /** Size of the header in bytes ({@code TUNSETVNETHDRSZ}). */
    public static final int BYTES = 10;

    /** flags: the checksum from {@code csum_start} to the end is still to be computed and stored. */
    public static final int FLAG_NEEDS_CSUM = 1;
    /** flags: the transport checksum has been verified; the receiver need not check it. */
    public static final int FLAG_DATA_VALID = 2;

    /** gso_type: a plain frame. */
    public static final int GSO_NONE = 0;
    /** gso_type: an IPv4 TCP super-frame. */
    public static final int GSO_TCPV4 = 1;
    /** gso_type: UDP fragmentation offload (not enabled by Weft, rejected). */
    public static final int GSO_UDP = 3;
    /** gso_type: an IPv6 TCP super-frame. */
    public static final int GSO_TCPV6 = 4;
    /** gso_type bit: the super-frame carries ECN (CWR set on the first segment only). */
    public static final int GSO_ECN = 0x80;

    private static final int FLAGS = 0;
    private static final int GSO_TYPE = 1;
    private static final int HDR_LEN = 2;
    private static final int GSO_SIZE = 4;
    private static final int CSUM_START = 6;
    private static final int CSUM_OFFSET = 8;

    private VirtioNetHeader() {
    }

    public static int flags(byte[] b, int off) {
        return b[off + FLAGS] & 0xFF;
    }

    public static int gsoType(byte[] b, int off) {
        return b[off + GSO_TYPE] & 0xFF;
    }

    public static int hdrLen(byte[] b, int off) {
        return u16le(b, off + HDR_LEN);
    }

    public static int gsoSize(byte[] b, int off) {
        return u16le(b, off + GSO_SIZE);
    }

    public static int csumStart(byte[] b, int off) {
        return u16le(b, off + CSUM_START);
    }

    public static int csumOffset(byte[] b, int off) {
        return u16le(b, off + CSUM_OFFSET);
    }

    /** Writes a header with every field given. */
    public static void write(byte[] b, int off, int flags, int gsoType, int hdrLen, int gsoSize,
            int csumStart, int csumOffset) {
        b[off + FLAGS] = (byte) flags;
        b[off + GSO_TYPE] = (byte) gsoType;
        putU16le(b, off + HDR_LEN, hdrLen);
        putU16le(b, off + GSO_SIZE, gsoSize);
        putU16le(b, off + CSUM_START, csumStart);
        putU16le(b, off + CSUM_OFFSET, csumOffset);
    }

    /** Writes the all-zero header of a plain, complete frame (no offload asked for). */
    public static void writePlain(byte[] b, int off) {
        write(b, off, 0, GSO_NONE, 0, 0, 0, 0);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static void putU16le(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
    }
}
