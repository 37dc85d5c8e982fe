package net.weft.sleeve.host.offload;

/**
 * The header layout of one Ethernet + IPv4/IPv6 + TCP frame, parsed with every length bound-checked. A
 * mutable holder refilled by {@link #parse} so that parsing makes no object; offsets are relative to the
 * first byte of the Ethernet frame.
 */
final class TcpIpHeaders {

    static final int ETHERNET_BYTES = 14;
    static final int ETHERTYPE_OFFSET = 12;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int IPV4_MIN_HEADER_BYTES = 20;
    static final int IPV6_HEADER_BYTES = 40;
    static final int TCP_MIN_HEADER_BYTES = 20;
    static final int PROTOCOL_TCP = 6;
    static final int IPV4_TOTAL_LENGTH = 2;
    static final int IPV4_ID = 4;
    static final int IPV4_FRAGMENT = 6;
    static final int IPV4_PROTOCOL = 9;
    static final int IPV4_CHECKSUM = 10;
    static final int IPV4_SOURCE = 12;
    static final int IPV6_PAYLOAD_LENGTH = 4;
    static final int IPV6_NEXT_HEADER = 6;
    static final int IPV6_SOURCE = 8;
    static final int TCP_SEQ = 4;
    static final int TCP_ACK = 8;
    static final int TCP_DATA_OFFSET = 12;
    static final int TCP_FLAGS = 13;
    static final int TCP_WINDOW = 14;
    static final int TCP_CHECKSUM = 16;
    static final int TCP_FIN = 0x01;
    static final int TCP_SYN = 0x02;
    static final int TCP_RST = 0x04;
    static final int TCP_PSH = 0x08;
    static final int TCP_ACK_FLAG = 0x10;
    static final int TCP_URG = 0x20;
    static final int TCP_ECE = 0x40;
    static final int TCP_CWR = 0x80;
    /** IPv4 "more fragments" flag and fragment offset bits. */
    private static final int IPV4_FRAGMENT_MASK = 0x3FFF;

    boolean ipv6;
    /** Length of the IP header (IPv4 with options, or the fixed IPv6 header). */
    int ipHeaderBytes;
    /** Offset of the TCP header. */
    int tcpOffset;
    int tcpHeaderBytes;
    /** Offset just past the TCP header: where the payload starts. */
    int headerBytes;
    /** Offset just past the IP packet (frames may carry trailing padding beyond it). */
    int ipEnd;
    /** Offset of the source address (the destination follows it). */
    int sourceOffset;
    int addressBytes;
    /** Why the last {@link #parse} failed, or null after a success. */
    SplitOutcome rejection;

    /** Parses the frame {@code b[f, f + n)}; false (and {@link #rejection} set) when it is not sound TCP/IP. */
    boolean parse(byte[] b, int f, int n) {
        rejection = null;
        if (n < ETHERNET_BYTES) {
            return reject(SplitOutcome.NOT_IP);
        }
        int ethertype = u16(b, f + ETHERTYPE_OFFSET);
        boolean ok;
        if (ethertype == ETHERTYPE_IPV4) {
            ok = parseIpv4(b, f, n);
        } else if (ethertype == ETHERTYPE_IPV6) {
            ok = parseIpv6(b, f, n);
        } else {
            return reject(SplitOutcome.NOT_IP);
        }
        return ok && parseTcp(b, f);
    }

    int payloadBytes() {
        return ipEnd - headerBytes;
    }

    private boolean parseIpv4(byte[] b, int f, int n) {
        int ip = f + ETHERNET_BYTES;
        if (n < ETHERNET_BYTES + IPV4_MIN_HEADER_BYTES) {
            return reject(SplitOutcome.NOT_IP);
        }
        int versionAndLength = b[ip] & 0xFF;
        ipHeaderBytes = (versionAndLength & 0xF) * 4;
        if (versionAndLength >>> 4 != 4 || ipHeaderBytes < IPV4_MIN_HEADER_BYTES
                || ETHERNET_BYTES + ipHeaderBytes > n) {
            return reject(SplitOutcome.BAD_IPV4_HEADER);
        }
        if ((u16(b, ip + IPV4_FRAGMENT) & IPV4_FRAGMENT_MASK) != 0) {
            return reject(SplitOutcome.IP_FRAGMENT);
        }
        if ((b[ip + IPV4_PROTOCOL] & 0xFF) != PROTOCOL_TCP) {
            return reject(SplitOutcome.NOT_TCP);
        }
        int totalLength = u16(b, ip + IPV4_TOTAL_LENGTH);
        if (totalLength < ipHeaderBytes || ETHERNET_BYTES + totalLength > n) {
            return reject(SplitOutcome.BAD_IP_LENGTH);
        }
        ipv6 = false;
        ipEnd = ETHERNET_BYTES + totalLength;
        sourceOffset = ETHERNET_BYTES + IPV4_SOURCE;
        addressBytes = 4;
        return true;
    }

    private boolean parseIpv6(byte[] b, int f, int n) {
        int ip = f + ETHERNET_BYTES;
        if (n < ETHERNET_BYTES + IPV6_HEADER_BYTES || (b[ip] & 0xF0) != 0x60) {
            return reject(SplitOutcome.NOT_IP);
        }
        if ((b[ip + IPV6_NEXT_HEADER] & 0xFF) != PROTOCOL_TCP) {
            return reject(SplitOutcome.NOT_TCP);
        }
        int payloadLength = u16(b, ip + IPV6_PAYLOAD_LENGTH);
        if (ETHERNET_BYTES + IPV6_HEADER_BYTES + payloadLength > n) {
            return reject(SplitOutcome.BAD_IP_LENGTH);
        }
        ipv6 = true;
        ipHeaderBytes = IPV6_HEADER_BYTES;
        ipEnd = ETHERNET_BYTES + IPV6_HEADER_BYTES + payloadLength;
        sourceOffset = ETHERNET_BYTES + IPV6_SOURCE;
        addressBytes = 16;
        return true;
    }

    private boolean parseTcp(byte[] b, int f) {
        tcpOffset = ETHERNET_BYTES + ipHeaderBytes;
        if (ipEnd - tcpOffset < TCP_MIN_HEADER_BYTES) {
            return reject(SplitOutcome.BAD_IP_LENGTH);
        }
        tcpHeaderBytes = ((b[f + tcpOffset + TCP_DATA_OFFSET] & 0xFF) >>> 4) * 4;
        if (tcpHeaderBytes < TCP_MIN_HEADER_BYTES || tcpOffset + tcpHeaderBytes > ipEnd) {
            return reject(SplitOutcome.BAD_TCP_HEADER);
        }
        headerBytes = tcpOffset + tcpHeaderBytes;
        return true;
    }

    private boolean reject(SplitOutcome why) {
        rejection = why;
        return false;
    }

    static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    static long u32(byte[] b, int i) {
        return ((long) u16(b, i) << 16) | u16(b, i + 2);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        put16(b, i, (int) (v >>> 16));
        put16(b, i + 2, (int) v);
    }
}
