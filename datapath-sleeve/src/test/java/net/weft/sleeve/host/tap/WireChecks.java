package net.weft.sleeve.host.tap;

import java.nio.ByteBuffer;

/** Independent checks of wire frames the root tests relay (no production code involved). */
final class WireChecks {

    private WireChecks() {
    }

    static boolean isIpv4Tcp(byte[] f) {
        return f.length >= 54 && (ByteBuffer.wrap(f).getShort(12) & 0xFFFF) == 0x0800 && f[23] == 6;
    }

    static boolean isIpv6Tcp(byte[] f) {
        return f.length >= 74 && (ByteBuffer.wrap(f).getShort(12) & 0xFFFF) == 0x86DD && f[20] == 6;
    }

    /** True when the TCP checksum of an IPv6 frame (no extension headers) checks out. */
    static boolean ipv6TcpChecksumValid(byte[] f) {
        int tcpLength = ByteBuffer.wrap(f).getShort(18) & 0xFFFF;
        long pseudo = sum(f, 22, 32, 0) + 6 + tcpLength;
        return sum(f, 54, tcpLength, pseudo) == 0xFFFF;
    }

    /** True when both the IPv4 header checksum and the TCP checksum (with pseudo-header) check out. */
    static boolean ipv4TcpChecksumsValid(byte[] f) {
        ByteBuffer b = ByteBuffer.wrap(f);
        int ihl = (f[14] & 0xF) * 4;
        int total = b.getShort(16) & 0xFFFF;
        if (sum(f, 14, ihl, 0) != 0xFFFF) {
            return false;
        }
        int tcpLength = total - ihl;
        long pseudo = (b.getShort(26) & 0xFFFF) + (b.getShort(28) & 0xFFFF) + (b.getShort(30) & 0xFFFF)
                + (b.getShort(32) & 0xFFFF) + 6 + tcpLength;
        return sum(f, 14 + ihl, tcpLength, pseudo) == 0xFFFF;
    }

    private static int sum(byte[] f, int off, int len, long initial) {
        long s = initial;
        for (int i = 0; i < len; i++) {
            s += (i % 2 == 0 ? (f[off + i] & 0xFF) << 8 : f[off + i] & 0xFF);
        }
        while (s > 0xFFFF) {
            s = (s >>> 16) + (s & 0xFFFF);
        }
        return (int) s;
    }
}
