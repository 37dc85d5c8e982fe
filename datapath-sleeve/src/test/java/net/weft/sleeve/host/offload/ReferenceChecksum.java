package net.weft.sleeve.host.offload;

import java.nio.ByteBuffer;

/**
 * An independent Internet checksum for the tests: end-around carry after every addition (RFC 1071's
 * literal definition) over a ByteBuffer view, sharing no code with {@link InternetChecksum}.
 */
final class ReferenceChecksum {

    private ReferenceChecksum() {
    }

    /** The one's complement sum of the bytes (odd length padded with a zero byte), not complemented. */
    static int onesComplementSum(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data.length % 2 == 0 ? data : java.util.Arrays.copyOf(data, data.length + 1));
        int sum = 0;
        while (b.hasRemaining()) {
            sum += b.getShort() & 0xFFFF;
            if (sum > 0xFFFF) {
                sum = (sum & 0xFFFF) + 1;
            }
        }
        return sum;
    }

    /** True when the IPv4 header at {@code ip} checks out. */
    static boolean ipv4HeaderValid(byte[] frame, int ip) {
        int ihl = (frame[ip] & 0xF) * 4;
        return onesComplementSum(java.util.Arrays.copyOfRange(frame, ip, ip + ihl)) == 0xFFFF;
    }

    /**
     * True when the TCP or UDP checksum of the transport segment in {@code frame} checks out, the
     * pseudo-header built from the IP header (IPv4 or IPv6 without extension headers).
     */
    static boolean transportValid(byte[] frame) {
        ByteBuffer f = ByteBuffer.wrap(frame);
        boolean v6 = (f.getShort(12) & 0xFFFF) == 0x86DD;
        int ip = 14;
        int l4;
        int l4Length;
        int protocol;
        ByteBuffer pseudo = ByteBuffer.allocate(40);
        if (v6) {
            l4 = ip + 40;
            l4Length = f.getShort(ip + 4) & 0xFFFF;
            protocol = frame[ip + 6] & 0xFF;
            pseudo.put(frame, ip + 8, 32);
        } else {
            int ihl = (frame[ip] & 0xF) * 4;
            l4 = ip + ihl;
            l4Length = (f.getShort(ip + 2) & 0xFFFF) - ihl;
            protocol = frame[ip + 9] & 0xFF;
            pseudo.put(frame, ip + 12, 8);
        }
        pseudo.putShort((short) protocol).putShort((short) l4Length);
        byte[] all = new byte[pseudo.position() + l4Length];
        System.arraycopy(pseudo.array(), 0, all, 0, pseudo.position());
        System.arraycopy(frame, l4, all, pseudo.position(), l4Length);
        return onesComplementSum(all) == 0xFFFF;
    }
}
