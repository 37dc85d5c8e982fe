package net.weft.sleeve.host.offload;

import static net.weft.sleeve.host.offload.TcpIpHeaders.ETHERNET_BYTES;
import static net.weft.sleeve.host.offload.TcpIpHeaders.IPV4_CHECKSUM;
import static net.weft.sleeve.host.offload.TcpIpHeaders.IPV4_ID;
import static net.weft.sleeve.host.offload.TcpIpHeaders.IPV4_TOTAL_LENGTH;
import static net.weft.sleeve.host.offload.TcpIpHeaders.IPV6_PAYLOAD_LENGTH;
import static net.weft.sleeve.host.offload.TcpIpHeaders.PROTOCOL_TCP;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_CHECKSUM;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_CWR;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_FIN;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_FLAGS;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_PSH;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_SEQ;
import static net.weft.sleeve.host.offload.TcpIpHeaders.put16;
import static net.weft.sleeve.host.offload.TcpIpHeaders.put32;
import static net.weft.sleeve.host.offload.TcpIpHeaders.u16;
import static net.weft.sleeve.host.offload.TcpIpHeaders.u32;

/**
 * Turns what one read from an offload TAP returns (virtio header + frame) into wire frames: Ethernet
 * frames no longer than the segment size the kernel chose, each with complete IPv4/TCP/UDP checksums, as
 * a Weave peer expects them.
 *
 * <p>Three cases, by the header: a plain frame is emitted as it is; a frame flagged
 * {@link VirtioNetHeader#FLAG_NEEDS_CSUM} gets the Internet checksum of {@code csum_start..end} (the
 * kernel has pre-seeded the field with the pseudo-header sum) stored at {@code csum_start + csum_offset}
 * <em>in the caller's buffer</em>, and is emitted from there; a TCPv4/TCPv6 super-frame is cut into
 * {@code gso_size} payload chunks, each emitted from one reused output buffer with the headers copied
 * and fixed (IP length, IPv4 ID + i and header checksum, TCP sequence number, FIN/PSH only on the last
 * segment, CWR only on the first, full TCP checksum). The header's {@code hdr_len} and checksum fields
 * are not trusted for super-frames: the headers are parsed and bound-checked here.
 *
 * <p>Input comes from the kernel but is checked as if a peer sent it: anything malformed is rejected with
 * a {@link SplitOutcome} reason before anything is emitted, and nothing throws. One instance per thread;
 * no allocation per call.
 */
public final class GsoSplitter {

    /** Most segments one super-frame may be cut into (64 KB / 1 KB MSS). */
    public static final int MAX_SEGMENTS = 64;
    /** Largest IP packet (the 16-bit IPv4 total length). */
    public static final int MAX_IP_PACKET_BYTES = 65_535;
    /** Largest super-frame: an Ethernet header and the largest IP packet. */
    public static final int MAX_SUPER_FRAME_BYTES = ETHERNET_BYTES + MAX_IP_PACKET_BYTES;
    /** Most bytes one offload TAP read returns: a virtio header and the largest super-frame. */
    public static final int MAX_READ_BYTES = VirtioNetHeader.BYTES + MAX_SUPER_FRAME_BYTES;
    /** The value stored for a checksum that computes to 0 (the same number in one's complement; UDP needs it). */
    private static final int MANGLED_ZERO_CHECKSUM = 0xFFFF;

    private final byte[] out = new byte[MAX_SUPER_FRAME_BYTES];
    private final TcpIpHeaders headers = new TcpIpHeaders();

    /**
     * Emits the wire frames of the header+frame {@code buf[off, off + len)} to {@code sink}.
     *
     * @return what was done, or why nothing was emitted
     */
    public SplitOutcome split(byte[] buf, int off, int len, FrameSink sink) {
        if (len < VirtioNetHeader.BYTES) {
            return SplitOutcome.TOO_SHORT;
        }
        int frame = off + VirtioNetHeader.BYTES;
        int n = len - VirtioNetHeader.BYTES;
        int gsoType = VirtioNetHeader.gsoType(buf, off);
        if (gsoType == VirtioNetHeader.GSO_NONE) {
            return plain(buf, off, frame, n, sink);
        }
        int type = gsoType & ~VirtioNetHeader.GSO_ECN;
        if (type != VirtioNetHeader.GSO_TCPV4 && type != VirtioNetHeader.GSO_TCPV6) {
            return SplitOutcome.UNSUPPORTED_GSO_TYPE;
        }
        int segmentBytes = VirtioNetHeader.gsoSize(buf, off);
        if (segmentBytes == 0) {
            return SplitOutcome.ZERO_GSO_SIZE;
        }
        if (!headers.parse(buf, frame, n)) {
            return headers.rejection;
        }
        if (headers.ipv6 != (type == VirtioNetHeader.GSO_TCPV6)) {
            return SplitOutcome.GSO_TYPE_MISMATCH;
        }
        int payload = headers.payloadBytes();
        if (payload == 0) {
            return SplitOutcome.NO_PAYLOAD;
        }
        if ((payload + segmentBytes - 1) / segmentBytes > MAX_SEGMENTS) {
            return SplitOutcome.TOO_MANY_SEGMENTS;
        }
        segment(buf, frame, segmentBytes, sink);
        return SplitOutcome.SEGMENTED;
    }

    private static SplitOutcome plain(byte[] buf, int off, int frame, int n, FrameSink sink) {
        if ((VirtioNetHeader.flags(buf, off) & VirtioNetHeader.FLAG_NEEDS_CSUM) == 0) {
            sink.frame(buf, frame, n);
            return SplitOutcome.PASSED;
        }
        int start = VirtioNetHeader.csumStart(buf, off);
        int field = start + VirtioNetHeader.csumOffset(buf, off);
        if (field + 2 > n) {
            return SplitOutcome.BAD_CHECKSUM_RANGE;
        }
        int checksum = InternetChecksum.finish(InternetChecksum.add(0, buf, frame + start, n - start));
        put16(buf, frame + field, checksum == 0 ? MANGLED_ZERO_CHECKSUM : checksum);
        sink.frame(buf, frame, n);
        return SplitOutcome.CHECKSUMMED;
    }

    /** Emits the segments of the super-frame at {@code buf[frame, ...)} whose headers were parsed. */
    private void segment(byte[] buf, int frame, int segmentBytes, FrameSink sink) {
        TcpIpHeaders h = headers;
        int ip = ETHERNET_BYTES;
        int tcp = h.tcpOffset;
        int payload = h.payloadBytes();
        int segments = (payload + segmentBytes - 1) / segmentBytes;
        System.arraycopy(buf, frame, out, 0, h.headerBytes);
        int firstId = u16(out, ip + IPV4_ID);
        long firstSeq = u32(out, tcp + TCP_SEQ);
        int flags = out[tcp + TCP_FLAGS] & 0xFF;
        for (int i = 0; i < segments; i++) {
            int start = i * segmentBytes;
            int length = Math.min(segmentBytes, payload - start);
            System.arraycopy(buf, frame + h.headerBytes + start, out, h.headerBytes, length);
            int tcpLength = h.tcpHeaderBytes + length;
            if (h.ipv6) {
                put16(out, ip + IPV6_PAYLOAD_LENGTH, tcpLength);
            } else {
                put16(out, ip + IPV4_TOTAL_LENGTH, h.ipHeaderBytes + tcpLength);
                put16(out, ip + IPV4_ID, firstId + i);
                put16(out, ip + IPV4_CHECKSUM, 0);
                put16(out, ip + IPV4_CHECKSUM, InternetChecksum.finish(InternetChecksum.add(0, out, ip,
                        h.ipHeaderBytes)));
            }
            put32(out, tcp + TCP_SEQ, firstSeq + start);
            int segmentFlags = flags;
            if (i < segments - 1) {
                segmentFlags &= ~(TCP_FIN | TCP_PSH);
            }
            if (i > 0) {
                segmentFlags &= ~TCP_CWR;
            }
            out[tcp + TCP_FLAGS] = (byte) segmentFlags;
            put16(out, tcp + TCP_CHECKSUM, 0);
            long sum = InternetChecksum.pseudoHeader(out, h.sourceOffset, h.addressBytes, PROTOCOL_TCP, tcpLength);
            put16(out, tcp + TCP_CHECKSUM, InternetChecksum.finish(InternetChecksum.add(sum, out, tcp, tcpLength)));
            sink.frame(out, 0, h.headerBytes + length);
        }
    }
}
