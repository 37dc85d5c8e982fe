package net.weft.sim.frame;

import net.weft.core.id.MacAddress;

/**
 * Builds and reads the real Ethernet frames simulated containers exchange: ARP requests and replies and
 * IPv4 ICMP echo requests and replies, with correct lengths and checksums, padded to Ethernet's minimum; and
 * reads the ICMP "fragmentation needed" a router answers a too-big DF echo with.
 */
public final class Frames {

    /** Ethernet header: destination, source, ethertype. */
    public static final int ETHERNET_HEADER_BYTES = 14;
    /** Frames shorter than this (without FCS) are padded, as a NIC would. */
    public static final int MIN_FRAME_BYTES = 60;
    /** IPv4 ethertype. */
    public static final int ETHERTYPE_IPV4 = 0x0800;
    /** ARP ethertype. */
    public static final int ETHERTYPE_ARP = 0x0806;
    /** ARP operation: request. */
    public static final int ARP_REQUEST = 1;
    /** ARP operation: reply. */
    public static final int ARP_REPLY = 2;
    /** ICMP echo request type. */
    public static final int ICMP_ECHO_REQUEST = 8;
    /** ICMP echo reply type. */
    public static final int ICMP_ECHO_REPLY = 0;
    /** ICMP "destination unreachable" type. */
    public static final int ICMP_DESTINATION_UNREACHABLE = 3;
    /** Its code "fragmentation needed and DF set". */
    public static final int ICMP_FRAGMENTATION_NEEDED = 4;
    /** IPv4 header bytes (no options). */
    public static final int IPV4_HEADER_BYTES = 20;
    /** ICMP header bytes of an echo. */
    public static final int ICMP_HEADER_BYTES = 8;

    private static final int ARP_BYTES = 28;
    private static final int DONT_FRAGMENT_FLAG = 0x4000;
    private static final int IP_PROTO_ICMP = 1;
    private static final int DEFAULT_TTL = 64;

    private Frames() {
    }

    /** Destination MAC of a frame. */
    public static MacAddress destination(byte[] frame) {
        return MacAddress.read(frame, 0);
    }

    /** Source MAC of a frame. */
    public static MacAddress source(byte[] frame) {
        return MacAddress.read(frame, 6);
    }

    /** Ethertype, or -1 when the frame is too short. */
    public static int etherType(byte[] frame) {
        return frame.length < ETHERNET_HEADER_BYTES ? -1 : u16(frame, 12);
    }

    /** An ARP request (broadcast) asking who has {@code targetIp}. */
    public static byte[] arpRequest(MacAddress srcMac, int srcIp, int targetIp) {
        return arp(MacAddress.BROADCAST, ARP_REQUEST, srcMac, srcIp, new MacAddress(0), targetIp);
    }

    /** An ARP reply telling {@code dstMac} that {@code srcIp} is at {@code srcMac}. */
    public static byte[] arpReply(MacAddress srcMac, int srcIp, MacAddress dstMac, int dstIp) {
        return arp(dstMac, ARP_REPLY, srcMac, srcIp, dstMac, dstIp);
    }

    private static byte[] arp(MacAddress ethDst, int op, MacAddress sha, int spa, MacAddress tha, int tpa) {
        byte[] f = new byte[MIN_FRAME_BYTES];
        ethernet(f, ethDst, sha, ETHERTYPE_ARP);
        int o = ETHERNET_HEADER_BYTES;
        put16(f, o, 1);
        put16(f, o + 2, ETHERTYPE_IPV4);
        f[o + 4] = 6;
        f[o + 5] = 4;
        put16(f, o + 6, op);
        putMac(f, o + 8, sha);
        put32(f, o + 14, spa);
        putMac(f, o + 18, tha);
        put32(f, o + 24, tpa);
        return f;
    }

    /** True for a well-formed IPv4-over-Ethernet ARP frame. */
    public static boolean isArp(byte[] f) {
        return etherType(f) == ETHERTYPE_ARP && f.length >= ETHERNET_HEADER_BYTES + ARP_BYTES
                && u16(f, 14) == 1 && u16(f, 16) == ETHERTYPE_IPV4;
    }

    /** ARP operation (1 request, 2 reply). */
    public static int arpOperation(byte[] f) {
        return u16(f, 20);
    }

    /** ARP sender MAC. */
    public static MacAddress arpSenderMac(byte[] f) {
        return MacAddress.read(f, 22);
    }

    /** ARP sender IPv4. */
    public static int arpSenderIp(byte[] f) {
        return i32(f, 28);
    }

    /** ARP target IPv4. */
    public static int arpTargetIp(byte[] f) {
        return i32(f, 38);
    }

    /** An ICMP echo request or reply with {@code dataBytes} of patterned data, DF clear. */
    public static byte[] icmpEcho(int type, MacAddress srcMac, MacAddress dstMac, int srcIp, int dstIp, int id,
            int seq, int dataBytes) {
        return icmpEcho(type, srcMac, dstMac, srcIp, dstIp, id, seq, dataBytes, false);
    }

    /** The same with the IPv4 "don't fragment" flag as given (Linux ping sets it by default, {@code -M do}). */
    public static byte[] icmpEcho(int type, MacAddress srcMac, MacAddress dstMac, int srcIp, int dstIp, int id,
            int seq, int dataBytes, boolean dontFragment) {
        int ipLen = IPV4_HEADER_BYTES + ICMP_HEADER_BYTES + dataBytes;
        byte[] f = new byte[Math.max(MIN_FRAME_BYTES, ETHERNET_HEADER_BYTES + ipLen)];
        ethernet(f, dstMac, srcMac, ETHERTYPE_IPV4);
        int ip = ETHERNET_HEADER_BYTES;
        f[ip] = 0x45;
        put16(f, ip + 2, ipLen);
        put16(f, ip + 4, seq);
        put16(f, ip + 6, dontFragment ? DONT_FRAGMENT_FLAG : 0);
        f[ip + 8] = (byte) DEFAULT_TTL;
        f[ip + 9] = IP_PROTO_ICMP;
        put32(f, ip + 12, srcIp);
        put32(f, ip + 16, dstIp);
        put16(f, ip + 10, checksum(f, ip, IPV4_HEADER_BYTES));
        int icmp = ip + IPV4_HEADER_BYTES;
        f[icmp] = (byte) type;
        put16(f, icmp + 4, id);
        put16(f, icmp + 6, seq);
        for (int i = 0; i < dataBytes; i++) {
            f[icmp + ICMP_HEADER_BYTES + i] = (byte) i;
        }
        put16(f, icmp + 2, checksum(f, icmp, ICMP_HEADER_BYTES + dataBytes));
        return f;
    }

    /** True for an IPv4 ICMP echo (request or reply) with a valid IP header checksum. */
    public static boolean isIcmpEcho(byte[] f) {
        if (etherType(f) != ETHERTYPE_IPV4 || f.length < ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES + 8) {
            return false;
        }
        int ip = ETHERNET_HEADER_BYTES;
        if (f[ip] != 0x45 || f[ip + 9] != IP_PROTO_ICMP || checksum(f, ip, IPV4_HEADER_BYTES) != 0) {
            return false;
        }
        int type = f[ip + IPV4_HEADER_BYTES] & 0xFF;
        return type == ICMP_ECHO_REQUEST || type == ICMP_ECHO_REPLY;
    }

    /**
     * True for an IPv4 ICMP "fragmentation needed" (type 3 code 4) with valid IP and ICMP checksums that quotes
     * an ICMP echo's IP header and first 8 bytes.
     */
    public static boolean isFragmentationNeeded(byte[] f) {
        int ip = ETHERNET_HEADER_BYTES;
        int icmp = ip + IPV4_HEADER_BYTES;
        int quoted = icmp + ICMP_HEADER_BYTES;
        if (etherType(f) != ETHERTYPE_IPV4 || f.length < quoted + IPV4_HEADER_BYTES + ICMP_HEADER_BYTES) {
            return false;
        }
        if (f[ip] != 0x45 || f[ip + 9] != IP_PROTO_ICMP || checksum(f, ip, IPV4_HEADER_BYTES) != 0) {
            return false;
        }
        int icmpLength = u16(f, ip + 2) - IPV4_HEADER_BYTES;
        return (f[icmp] & 0xFF) == ICMP_DESTINATION_UNREACHABLE && (f[icmp + 1] & 0xFF) == ICMP_FRAGMENTATION_NEEDED
                && icmpLength >= ICMP_HEADER_BYTES + IPV4_HEADER_BYTES + ICMP_HEADER_BYTES
                && ip + IPV4_HEADER_BYTES + icmpLength <= f.length && checksum(f, icmp, icmpLength) == 0
                && f[quoted + 9] == IP_PROTO_ICMP;
    }

    /** The next-hop MTU a "fragmentation needed" carries (second 16-bit word of its rest-of-header). */
    public static int fragmentationNeededMtu(byte[] f) {
        return u16(f, ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES + 6);
    }

    /** The identifier of the echo a "fragmentation needed" quotes. */
    public static int quotedIcmpId(byte[] f) {
        return u16(f, ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES + ICMP_HEADER_BYTES + IPV4_HEADER_BYTES + 4);
    }

    /** The sequence number of the echo a "fragmentation needed" quotes. */
    public static int quotedIcmpSeq(byte[] f) {
        return u16(f, ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES + ICMP_HEADER_BYTES + IPV4_HEADER_BYTES + 6);
    }

    /** True when the ICMP checksum of an echo frame covers its whole ICMP message correctly. */
    public static boolean icmpChecksumValid(byte[] f) {
        int icmpLength = u16(f, ETHERNET_HEADER_BYTES + 2) - IPV4_HEADER_BYTES;
        int icmp = ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES;
        return icmpLength >= ICMP_HEADER_BYTES && icmp + icmpLength <= f.length && checksum(f, icmp, icmpLength) == 0;
    }

    /** ICMP type of an echo frame. */
    public static int icmpType(byte[] f) {
        return f[ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES] & 0xFF;
    }

    /** IPv4 source of an IP frame. */
    public static int ipSource(byte[] f) {
        return i32(f, ETHERNET_HEADER_BYTES + 12);
    }

    /** IPv4 destination of an IP frame. */
    public static int ipDestination(byte[] f) {
        return i32(f, ETHERNET_HEADER_BYTES + 16);
    }

    /** ICMP echo identifier. */
    public static int icmpId(byte[] f) {
        return u16(f, ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES + 4);
    }

    /** ICMP echo sequence number. */
    public static int icmpSeq(byte[] f) {
        return u16(f, ETHERNET_HEADER_BYTES + IPV4_HEADER_BYTES + 6);
    }

    /** ICMP data length carried by an echo frame. */
    public static int icmpDataBytes(byte[] f) {
        return u16(f, ETHERNET_HEADER_BYTES + 2) - IPV4_HEADER_BYTES - ICMP_HEADER_BYTES;
    }

    /** Dotted-quad text of an IPv4 address held in an int. */
    public static String ipText(int ip) {
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
    }

    /** The Internet checksum (RFC 1071) over {@code len} bytes; 0 when the data includes a valid checksum. */
    static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i + 1 < len; i += 2) {
            sum += u16(b, off + i);
        }
        if ((len & 1) != 0) {
            sum += (b[off + len - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static void ethernet(byte[] f, MacAddress dst, MacAddress src, int etherType) {
        putMac(f, 0, dst);
        putMac(f, 6, src);
        put16(f, 12, etherType);
    }

    private static void putMac(byte[] f, int off, MacAddress mac) {
        for (int i = 0; i < 6; i++) {
            f[off + i] = (byte) (mac.value() >>> (8 * (5 - i)));
        }
    }

    private static void put16(byte[] f, int off, int v) {
        f[off] = (byte) (v >>> 8);
        f[off + 1] = (byte) v;
    }

    private static void put32(byte[] f, int off, int v) {
        put16(f, off, v >>> 16);
        put16(f, off + 2, v);
    }

    private static int u16(byte[] f, int off) {
        return ((f[off] & 0xFF) << 8) | (f[off + 1] & 0xFF);
    }

    private static int i32(byte[] f, int off) {
        return (u16(f, off) << 16) | u16(f, off + 2);
    }
}
