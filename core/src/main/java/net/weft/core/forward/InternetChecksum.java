package net.weft.core.forward;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit big-endian
 * words. IPv4 headers and ICMP messages carry it; a region whose checksum field is correct sums to zero.
 */
public final class InternetChecksum {

    private static final int WORD_MASK = 0xFFFF;

    private InternetChecksum() {
    }

    /** The checksum of {@code bytes[offset, offset + length)} (an odd length is padded with a zero byte). */
    public static int of(byte[] bytes, int offset, int length) {
        long sum = 0;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (bytes[i] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & WORD_MASK) + (sum >>> 16);
        }
        return (int) (~sum & WORD_MASK);
    }

    /** True when the region, checksum field included, verifies (its checksum is zero). */
    public static boolean verifies(byte[] bytes, int offset, int length) {
        return of(bytes, offset, length) == 0;
    }

    /** Writes the checksum of {@code bytes[offset, offset + length)} at {@code fieldOffset} (zeroed first). */
    static void fill(byte[] bytes, int offset, int length, int fieldOffset) {
        bytes[fieldOffset] = 0;
        bytes[fieldOffset + 1] = 0;
        int sum = of(bytes, offset, length);
        bytes[fieldOffset] = (byte) (sum >>> 8);
        bytes[fieldOffset + 1] = (byte) sum;
    }
}
