package net.weft.sleeve.host.offload;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Crafts Ethernet + IPv4/IPv6 + TCP frames for the tests: wire frames with valid checksums, and super-frames
 * prefixed with the virtio header the kernel puts on a TAP read (NEEDS_CSUM, checksum field seeded with the
 * pseudo-header sum over the whole TCP length, as Linux's TSO path leaves it). Checksums come from
 * {@link ReferenceChecksum}, not from the code under test. Fields are public and mutable: set, then build.
 */
final class TcpFrameBuilder {

    static final byte[] SRC_MAC = {2, 0, 0, 0, 0, 1};
    static final byte[] DST_MAC = {2, 0, 0, 0, 0, 2};
    static final byte[] SRC_V4 = {10, 47, 0, 1};
    static final byte[] DST_V4 = {10, 47, 0, 2};
    static final byte[] SRC_V6 = {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    static final byte[] DST_V6 = {(byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
    static final int ACK = 0x10;
    static final int PSH = 0x08;
    static final int FIN = 0x01;
    static final int CWR = 0x80;
    static final int ECE = 0x40;

    boolean ipv6;
    int srcPort = 40_000;
    int dstPort = 5_201;
    long seq = 1_000_000;
    long ack = 77;
    int flags = ACK;
    int window = 502;
    int ipId = 0x1234;
    int ttl = 64;
    /** TCP timestamp option values, or null for no options. */
    long[] timestamps;

    TcpFrameBuilder ipv6(boolean v6) {
        ipv6 = v6;
        return this;
    }

    TcpFrameBuilder timestamps(long tsval, long tsecr) {
        timestamps = new long[] {tsval, tsecr};
        return this;
    }

    int ipHeaderBytes() {
        return ipv6 ? 40 : 20;
    }

    int tcpHeaderBytes() {
        return timestamps == null ? 20 : 32;
    }

    int headerBytes() {
        return 14 + ipHeaderBytes() + tcpHeaderBytes();
    }

    /** A wire frame carrying {@code payload} with valid IP and TCP checksums. */
    byte[] frame(byte[] payload) {
        byte[] f = unchecked(payload);
        int ip = 14;
        int tcp = ip + ipHeaderBytes();
        if (!ipv6) {
            ByteBuffer.wrap(f).putShort(ip + 10, (short) ~ReferenceChecksum.onesComplementSum(
                    Arrays.copyOfRange(f, ip, tcp)));
        }
        ByteBuffer.wrap(f).putShort(tcp + 16, (short) ~pseudoAndSegmentSum(f, tcp));
        return f;
    }

    /** What a TAP read returns for this flow sending {@code payload} at once: virtio header + super-frame. */
    byte[] gsoRead(byte[] payload, int mss) {
        byte[] f = unchecked(payload);
        int ip = 14;
        int tcp = ip + ipHeaderBytes();
        if (!ipv6) {
            ByteBuffer.wrap(f).putShort(ip + 10, (short) ~ReferenceChecksum.onesComplementSum(
                    Arrays.copyOfRange(f, ip, tcp)));
        }
        ByteBuffer.wrap(f).putShort(tcp + 16, (short) pseudoSum(f, tcp, f.length - tcp));
        ByteBuffer read = ByteBuffer.allocate(VirtioNetHeader.BYTES + f.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        read.put((byte) VirtioNetHeader.FLAG_NEEDS_CSUM)
                .put((byte) (ipv6 ? VirtioNetHeader.GSO_TCPV6 : VirtioNetHeader.GSO_TCPV4))
                .putShort((short) headerBytes()).putShort((short) mss).putShort((short) tcp).putShort((short) 16)
                .put(f);
        return read.array();
    }

    /** A header+frame with an all-zero (plain) virtio header. */
    static byte[] plainRead(byte[] frame) {
        byte[] read = new byte[VirtioNetHeader.BYTES + frame.length];
        System.arraycopy(frame, 0, read, VirtioNetHeader.BYTES, frame.length);
        return read;
    }

    private byte[] unchecked(byte[] payload) {
        int ipLength = ipHeaderBytes() + tcpHeaderBytes() + payload.length;
        ByteBuffer f = ByteBuffer.allocate(14 + ipLength);
        f.put(DST_MAC).put(SRC_MAC).putShort((short) (ipv6 ? 0x86DD : 0x0800));
        if (ipv6) {
            f.putInt(0x6000_0000).putShort((short) (tcpHeaderBytes() + payload.length)).put((byte) 6)
                    .put((byte) ttl).put(SRC_V6).put(DST_V6);
        } else {
            f.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) ipId)
                    .putShort((short) 0x4000).put((byte) ttl).put((byte) 6).putShort((short) 0)
                    .put(SRC_V4).put(DST_V4);
        }
        f.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack)
                .put((byte) (tcpHeaderBytes() / 4 << 4)).put((byte) flags).putShort((short) window)
                .putShort((short) 0).putShort((short) 0);
        if (timestamps != null) {
            f.put((byte) 1).put((byte) 1).put((byte) 8).put((byte) 10)
                    .putInt((int) timestamps[0]).putInt((int) timestamps[1]);
        }
        f.put(payload);
        return f.array();
    }

    private int pseudoAndSegmentSum(byte[] f, int tcp) {
        int length = f.length - tcp;
        byte[] all = new byte[2 + length];
        ByteBuffer.wrap(all).putShort((short) pseudoSum(f, tcp, length));
        System.arraycopy(f, tcp, all, 2, length);
        return ReferenceChecksum.onesComplementSum(all);
    }

    private int pseudoSum(byte[] f, int tcp, int tcpLength) {
        int addresses = ipv6 ? 32 : 8;
        int source = ipv6 ? 14 + 8 : 14 + 12;
        ByteBuffer pseudo = ByteBuffer.allocate(addresses + 4);
        pseudo.put(f, source, addresses).putShort((short) 6).putShort((short) tcpLength);
        return ReferenceChecksum.onesComplementSum(pseudo.array());
    }

    /** A payload of {@code length} bytes counting up from {@code seed}, so misplaced bytes show. */
    static byte[] payload(int length, int seed) {
        byte[] p = new byte[length];
        for (int i = 0; i < length; i++) {
            p[i] = (byte) (seed + i * 7 + (i >>> 8));
        }
        return p;
    }
}
