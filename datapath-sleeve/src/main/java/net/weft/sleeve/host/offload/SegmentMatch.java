package net.weft.sleeve.host.offload;

import static net.weft.sleeve.host.offload.TcpIpHeaders.ETHERNET_BYTES;
import static net.weft.sleeve.host.offload.TcpIpHeaders.PROTOCOL_TCP;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_FLAGS;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_MIN_HEADER_BYTES;

import java.util.Arrays;

/**
 * The rules by which {@link GroCoalescer} decides what may be merged: which TCP segments may be part of a
 * super-frame at all, and whether a segment carries the same flow and headers as the first of a run.
 */
final class SegmentMatch {

    /** NOP, NOP, kind 8 (timestamps), length 10: the one option layout runs may carry. */
    private static final byte[] TIMESTAMPS_PREFIX = {1, 1, 8, 10};
    private static final int TIMESTAMPS_OPTION_BYTES = 12;
    /** Header bytes compared between segments, as [from, to) pairs relative to the IP or TCP header. */
    private static final int[] IPV4_SAME = {0, 2, 6, 10};
    private static final int IPV4_ADDRESSES = 12;
    private static final int[] IPV6_SAME = {0, 4, 6, 40};
    private static final int[] TCP_SAME = {0, 4, 8, 13, 14, 16};
    /** Source and destination port. */
    private static final int TCP_PORT_BYTES = 4;

    /**
     * True when {@code f[off, off + len)} could be part of a super-frame: sound Ethernet/IP/TCP (parsed
     * into {@code h}) with nothing after the IP packet, a payload, flags ACK or ACK|PSH, no option but
     * timestamps, and valid IPv4 header and TCP checksums.
     */
    boolean coalescible(byte[] f, int off, int len, TcpIpHeaders h) {
        if (!h.parse(f, off, len) || h.ipEnd != len || h.payloadBytes() == 0
                || !GroCoalescer.ackOnly(f[off + h.tcpOffset + TCP_FLAGS] & 0xFF)) {
            return false;
        }
        int options = h.tcpHeaderBytes - TCP_MIN_HEADER_BYTES;
        int optionsAt = off + h.tcpOffset + TCP_MIN_HEADER_BYTES;
        if (options != 0 && (options != TIMESTAMPS_OPTION_BYTES || !Arrays.equals(f, optionsAt,
                optionsAt + TIMESTAMPS_PREFIX.length, TIMESTAMPS_PREFIX, 0, TIMESTAMPS_PREFIX.length))) {
            return false;
        }
        if (!h.ipv6 && !InternetChecksum.verifies(0, f, off + ETHERNET_BYTES, h.ipHeaderBytes)) {
            return false;
        }
        int tcpLength = len - h.tcpOffset;
        long pseudo = InternetChecksum.pseudoHeader(f, off + h.sourceOffset, h.addressBytes, PROTOCOL_TCP,
                tcpLength);
        return InternetChecksum.verifies(pseudo, f, off + h.tcpOffset, tcpLength);
    }

    /**
     * True when the coalescible segment {@code f[off, ...)} (parsed into {@code h}) has the same MACs,
     * addresses, ports, IP fields other than length/ID/checksum, ACK number, window and options as the
     * first segment of a run at {@code run[head, ...)} with the same header lengths.
     */
    boolean sameFlowAndHeaders(byte[] run, int head, byte[] f, int off, TcpIpHeaders h) {
        if (!Arrays.equals(run, head, head + ETHERNET_BYTES, f, off, off + ETHERNET_BYTES)) {
            return false;
        }
        int ip = ETHERNET_BYTES;
        if (h.ipv6) {
            if (!sameRanges(run, head + ip, f, off + ip, IPV6_SAME)) {
                return false;
            }
        } else if (!sameRanges(run, head + ip, f, off + ip, IPV4_SAME)
                || !Arrays.equals(run, head + ip + IPV4_ADDRESSES, head + h.tcpOffset,
                        f, off + ip + IPV4_ADDRESSES, off + h.tcpOffset)) {
            return false;
        }
        int tcp = h.tcpOffset;
        return sameRanges(run, head + tcp, f, off + tcp, TCP_SAME)
                && Arrays.equals(run, head + tcp + TCP_MIN_HEADER_BYTES, head + h.headerBytes,
                        f, off + tcp + TCP_MIN_HEADER_BYTES, off + h.headerBytes);
    }

    /**
     * True when the TCP/IP frame {@code f[off, ...)} (parsed into {@code h}, same IP version as the run)
     * has the same addresses and ports as the first segment of a run at {@code run[head, ...)}.
     */
    boolean sameConnection(byte[] run, int head, int runTcpOffset, byte[] f, int off, TcpIpHeaders h) {
        int addresses = 2 * h.addressBytes;
        return Arrays.equals(run, head + h.sourceOffset, head + h.sourceOffset + addresses,
                f, off + h.sourceOffset, off + h.sourceOffset + addresses)
                && Arrays.equals(run, head + runTcpOffset, head + runTcpOffset + TCP_PORT_BYTES,
                        f, off + h.tcpOffset, off + h.tcpOffset + TCP_PORT_BYTES);
    }

    private static boolean sameRanges(byte[] a, int aBase, byte[] b, int bBase, int[] ranges) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (!Arrays.equals(a, aBase + ranges[i], aBase + ranges[i + 1], b, bBase + ranges[i],
                    bBase + ranges[i + 1])) {
                return false;
            }
        }
        return true;
    }
}
