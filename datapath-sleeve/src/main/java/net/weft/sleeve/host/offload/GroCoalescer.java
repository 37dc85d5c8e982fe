package net.weft.sleeve.host.offload;

import static net.weft.sleeve.host.offload.TcpIpHeaders.ETHERNET_BYTES;
import static net.weft.sleeve.host.offload.TcpIpHeaders.IPV4_CHECKSUM;
import static net.weft.sleeve.host.offload.TcpIpHeaders.IPV4_TOTAL_LENGTH;
import static net.weft.sleeve.host.offload.TcpIpHeaders.IPV6_PAYLOAD_LENGTH;
import static net.weft.sleeve.host.offload.TcpIpHeaders.PROTOCOL_TCP;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_ACK_FLAG;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_CHECKSUM;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_FLAGS;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_PSH;
import static net.weft.sleeve.host.offload.TcpIpHeaders.TCP_SEQ;
import static net.weft.sleeve.host.offload.TcpIpHeaders.put16;
import static net.weft.sleeve.host.offload.TcpIpHeaders.u32;

/**
 * Merges the frames one receive burst delivers to an offload TAP into as few writes as possible: runs of
 * consecutive, in-order TCP segments of one flow become one super-frame with a virtio header asking for
 * TCP segmentation ({@code gso_type} TCPV4/TCPV6, {@code gso_size} = the segments' payload size), so the
 * kernel takes ~45 segments in one write and the container's TCP stack handles them in one pass.
 * Everything else is written as it came, behind an all-zero header.
 *
 * <p>A segment joins the run before it only when {@link SegmentMatch} says it continues that run (same
 * flow and headers, only ACK, or PSH on the last, timestamps the only option, sequence contiguous, payload
 * no larger than the first segment's; a shorter segment or PSH ends the run) and both its IPv4 header
 * checksum and TCP checksum verify: a damaged segment is passed through for the kernel to drop, never
 * laundered into a valid super-frame. Frames whose order relative to the run does not matter (not IP,
 * or TCP of another connection, e.g. the pure ACKs of a transfer in the other direction) are set aside
 * and written right after the run instead of ending it; anything else (another run, UDP, ICMP, this
 * connection's other segments) ends the run first, so each connection's frames keep their order.
 *
 * <p>A finished super-frame carries {@code NEEDS_CSUM} with the TCP checksum field seeded with the
 * pseudo-header sum (as the kernel's own TSO output does), the IPv4 total length and header checksum of
 * the merged packet, and the first segment's IPv4 ID; runs of one segment are written unchanged. Runs
 * end at {@link GsoSplitter#MAX_SEGMENTS} segments or a 64 KB IP packet.
 *
 * <p>Output is written to the sink given at construction, in input order per connection, one call per
 * TAP write: at {@link #flush()} (the end of a burst) or earlier when the held bytes fill the arena. One
 * instance per thread; frames are copied once into a preallocated arena, no allocation per frame. To
 * write into a TAP, use a {@link net.weft.sleeve.host.tap.TapWriter} as the sink (one direct buffer, no
 * further allocation).
 */
public final class GroCoalescer {

    /** Bytes held before an automatic flush: room for four largest super-frames. */
    public static final int ARENA_BYTES = 4 * GsoSplitter.MAX_READ_BYTES;
    /** Writes held before an automatic flush. */
    public static final int MAX_PENDING_WRITES = 1_024;
    /** Bytes of frames set aside while a run is open (room for one largest frame). */
    public static final int ASIDE_BYTES = GsoSplitter.MAX_SUPER_FRAME_BYTES;
    /** Frames set aside while a run is open before the run is closed to make room. */
    public static final int MAX_ASIDE_FRAMES = 256;
    /** Largest frame {@link #add} takes (an Ethernet header and a 64 KB IP packet). */
    public static final int MAX_FRAME_BYTES = GsoSplitter.MAX_SUPER_FRAME_BYTES;

    private final FrameSink sink;
    private final byte[] arena = new byte[ARENA_BYTES];
    private final int[] writeStart = new int[MAX_PENDING_WRITES];
    private final int[] writeLength = new int[MAX_PENDING_WRITES];
    private final TcpIpHeaders headers = new TcpIpHeaders();
    private final SegmentMatch match = new SegmentMatch();
    private final byte[] aside = new byte[ASIDE_BYTES];
    private final int[] asideStart = new int[MAX_ASIDE_FRAMES];
    private final int[] asideLength = new int[MAX_ASIDE_FRAMES];
    private int asideUsed;
    private int asideCount;
    private int used;
    private int writes;
    /** The last pending write is a run that may still grow. */
    private boolean runOpen;
    private boolean runIpv6;
    private int runSegments;
    private int runSegmentBytes;
    private int runTcpOffset;
    private int runHeaderBytes;
    private int runSourceOffset;
    private int runAddressBytes;
    private boolean runPsh;
    private long runNextSeq;
    private long superFrames;
    private long segmentsMerged;

    /** A coalescer writing to {@code sink} (typically: write each header+frame to the TAP). */
    public GroCoalescer(FrameSink sink) {
        this.sink = sink;
    }

    /**
     * Takes one Ethernet frame {@code f[off, off + len)} (copied; the caller may reuse its buffer).
     *
     * @throws IllegalArgumentException when {@code len} exceeds {@link #MAX_FRAME_BYTES} (a caller bug)
     */
    public void add(byte[] f, int off, int len) {
        if (len > MAX_FRAME_BYTES || len < 0) {
            throw new IllegalArgumentException("frame of " + len + " bytes");
        }
        boolean segment = match.coalescible(f, off, len, headers);
        if (segment && runOpen && continuesRun(f, off)) {
            append(f, off + headers.headerBytes, headers.payloadBytes(), psh(f, off));
            return;
        }
        if (!segment && runOpen && unrelatedToRun(f, off, len) && setAside(f, off, len)) {
            return;
        }
        closeRun();
        appendWrite(f, off, len);
        if (segment) {
            openRun(f, off);
        }
    }

    /**
     * Writes everything held, in order, to the sink; call at the end of each burst. If the sink throws,
     * the rest of the held writes are dropped (as a full queue would drop them) and the coalescer is
     * empty and usable again.
     */
    public void flush() {
        closeRun();
        emitAll();
    }

    private void emitAll() {
        int count = writes;
        writes = 0;
        used = 0;
        for (int i = 0; i < count; i++) {
            sink.frame(arena, writeStart[i], writeLength[i]);
        }
    }

    /** Queues {@code f[off, off + len)} as a plain write behind the pending ones (emitting them if full). */
    private void appendWrite(byte[] f, int off, int len) {
        if (writes == MAX_PENDING_WRITES || used + VirtioNetHeader.BYTES + len > arena.length) {
            emitAll();
        }
        int start = used;
        VirtioNetHeader.writePlain(arena, start);
        System.arraycopy(f, off, arena, start + VirtioNetHeader.BYTES, len);
        writeStart[writes] = start;
        writeLength[writes] = VirtioNetHeader.BYTES + len;
        writes++;
        used += VirtioNetHeader.BYTES + len;
    }

    /**
     * True for a frame whose order relative to the open run does not matter: not IP at all, or TCP of
     * another connection (the parse {@link SegmentMatch#coalescible} left in {@code headers} succeeded).
     */
    private boolean unrelatedToRun(byte[] f, int off, int len) {
        if (len < TcpIpHeaders.ETHERNET_BYTES) {
            return true;
        }
        int ethertype = TcpIpHeaders.u16(f, off + TcpIpHeaders.ETHERTYPE_OFFSET);
        if (ethertype != TcpIpHeaders.ETHERTYPE_IPV4 && ethertype != TcpIpHeaders.ETHERTYPE_IPV6) {
            return true;
        }
        return headers.rejection == null && (headers.ipv6 != runIpv6 || !match.sameConnection(arena,
                writeStart[writes - 1] + VirtioNetHeader.BYTES, runTcpOffset, f, off, headers));
    }

    /** Holds a frame that arrived during the open run, to be written right after it; false when full. */
    private boolean setAside(byte[] f, int off, int len) {
        if (asideCount == MAX_ASIDE_FRAMES || asideUsed + len > aside.length) {
            return false;
        }
        System.arraycopy(f, off, aside, asideUsed, len);
        asideStart[asideCount] = asideUsed;
        asideLength[asideCount] = len;
        asideCount++;
        asideUsed += len;
        return true;
    }

    /** Super-frames written so far (runs of two or more segments). */
    public long superFrames() {
        return superFrames;
    }

    /** Segments that went into super-frames so far. */
    public long segmentsMerged() {
        return segmentsMerged;
    }

    private boolean continuesRun(byte[] f, int off) {
        TcpIpHeaders h = headers;
        int head = writeStart[writes - 1] + VirtioNetHeader.BYTES;
        int payload = h.payloadBytes();
        return h.ipv6 == runIpv6 && h.headerBytes == runHeaderBytes
                && runSegments < GsoSplitter.MAX_SEGMENTS
                && payload <= runSegmentBytes
                && writeLength[writes - 1] - VirtioNetHeader.BYTES + payload <= MAX_FRAME_BYTES
                && used + payload <= arena.length
                && u32(f, off + h.tcpOffset + TCP_SEQ) == runNextSeq
                && match.sameFlowAndHeaders(arena, head, f, off, h);
    }

    private void openRun(byte[] f, int off) {
        TcpIpHeaders h = headers;
        runIpv6 = h.ipv6;
        runSegments = 1;
        runSegmentBytes = h.payloadBytes();
        runTcpOffset = h.tcpOffset;
        runHeaderBytes = h.headerBytes;
        runSourceOffset = h.sourceOffset;
        runAddressBytes = h.addressBytes;
        runPsh = psh(f, off);
        runNextSeq = (u32(f, off + h.tcpOffset + TCP_SEQ) + runSegmentBytes) & 0xFFFF_FFFFL;
        runOpen = !runPsh;
    }

    private void append(byte[] f, int payloadOff, int payload, boolean psh) {
        System.arraycopy(f, payloadOff, arena, used, payload);
        used += payload;
        writeLength[writes - 1] += payload;
        runSegments++;
        runNextSeq = (runNextSeq + payload) & 0xFFFF_FFFFL;
        runPsh = psh;
        runOpen = !psh && payload == runSegmentBytes;
    }

    /**
     * Ends the run in the last pending write, giving a run of two or more segments its super-frame header,
     * and queues the frames set aside during the run behind it.
     */
    private void closeRun() {
        if (runSegments >= 2) {
            finishSuperFrame(writeStart[writes - 1], writeLength[writes - 1] - VirtioNetHeader.BYTES);
            superFrames++;
            segmentsMerged += runSegments;
        }
        runOpen = false;
        runSegments = 0;
        int count = asideCount;
        asideCount = 0;
        asideUsed = 0;
        for (int i = 0; i < count; i++) {
            appendWrite(aside, asideStart[i], asideLength[i]);
        }
    }

    private void finishSuperFrame(int header, int frameBytes) {
        int frame = header + VirtioNetHeader.BYTES;
        int ip = frame + ETHERNET_BYTES;
        int tcpLength = frameBytes - runTcpOffset;
        if (runIpv6) {
            put16(arena, ip + IPV6_PAYLOAD_LENGTH, tcpLength);
        } else {
            int ipHeaderBytes = runTcpOffset - ETHERNET_BYTES;
            put16(arena, ip + IPV4_TOTAL_LENGTH, frameBytes - ETHERNET_BYTES);
            put16(arena, ip + IPV4_CHECKSUM, 0);
            put16(arena, ip + IPV4_CHECKSUM,
                    InternetChecksum.finish(InternetChecksum.add(0, arena, ip, ipHeaderBytes)));
        }
        int tcp = frame + runTcpOffset;
        if (runPsh) {
            arena[tcp + TCP_FLAGS] |= (byte) TCP_PSH;
        }
        long pseudo = InternetChecksum.pseudoHeader(arena, frame + runSourceOffset, runAddressBytes, PROTOCOL_TCP,
                tcpLength);
        put16(arena, tcp + TCP_CHECKSUM, InternetChecksum.fold(pseudo));
        VirtioNetHeader.write(arena, header, VirtioNetHeader.FLAG_NEEDS_CSUM,
                runIpv6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4, runHeaderBytes, runSegmentBytes,
                runTcpOffset, TCP_CHECKSUM);
    }

    private boolean psh(byte[] f, int off) {
        return (f[off + headers.tcpOffset + TCP_FLAGS] & TCP_PSH) != 0;
    }

    static boolean ackOnly(int flags) {
        return (flags & ~TCP_PSH) == TCP_ACK_FLAG;
    }
}
