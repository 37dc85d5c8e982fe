package net.weft.sleeve.host.offload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The RFC 1071 Internet checksum: a one's complement sum of big-endian 16-bit words. Sums are carried
 * in a {@code long} and folded at the end, so partial sums (pseudo-header, header, payload) add up.
 *
 * <p>The bulk loop reads eight bytes at a time in the machine's little-endian order and adds their two
 * 32-bit halves: since 2^16 = 1 modulo 0xFFFF, 32-bit words folded at the end give the same one's
 * complement sum as 16-bit words, and 64 KB of them cannot overflow the {@code long}. The one's
 * complement sum is byte-order independent (RFC 1071, 2.B): the sum of byte-swapped words is the
 * byte-swapped sum, so the folded little-endian sum is swapped once instead of every word.
 */
public final class InternetChecksum {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_32_BITS = 0xFFFF_FFFFL;

    private InternetChecksum() {
    }

    /** Adds {@code b[off, off + len)} as 16-bit big-endian words (an odd last byte is padded) to {@code sum}. */
    public static long add(long sum, byte[] b, int off, int len) {
        long swapped = 0;
        int end = off + len;
        int i = off;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long v = (long) LONGS.get(b, i);
            swapped += (v >>> 32) + (v & LOW_32_BITS);
        }
        int folded = fold(swapped);
        long s = sum + ((folded & 0xFF) << 8 | folded >>> 8);
        for (; i + 1 < end; i += 2) {
            s += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        }
        if (i < end) {
            s += (b[i] & 0xFF) << 8;
        }
        return s;
    }

    /** Folds a sum to 16 bits (not complemented). */
    public static int fold(long sum) {
        long s = sum;
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    /** The value to store in a checksum field: the complement of the folded sum. */
    public static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /**
     * The TCP/UDP pseudo-header sum: source and destination addresses ({@code addressBytes} each, 4 or
     * 16, starting at {@code srcOff}; the destination follows the source as in both IP headers), the
     * protocol and the transport length.
     */
    public static long pseudoHeader(byte[] b, int srcOff, int addressBytes, int protocol, int transportLength) {
        return add(0, b, srcOff, 2 * addressBytes) + protocol + transportLength;
    }

    /** True when {@code b[off, off + len)} plus {@code sum} checks out (folds to all ones). */
    public static boolean verifies(long sum, byte[] b, int off, int len) {
        return fold(add(sum, b, off, len)) == 0xFFFF;
    }
}
