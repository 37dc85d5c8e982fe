package net.weft.core.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to do with an IPv4 frame too big for the overlay MTU of its next hop, as Weave's sleeve does: a
 * frame with "don't fragment" is answered with an ICMP "fragmentation needed" naming the overlay MTU
 * ({@link #fragmentationNeeded}), so the sender's path-MTU discovery shrinks its packets; any other IPv4
 * frame is split into IP fragments that each fit ({@link #fragment}), which the receiving host reassembles.
 *
 * <p>Both work on frames whose IPv4 header {@link EthernetFrame#hasIpv4Header is present}; the IP packet is
 * taken as the smaller of its total-length field and the bytes present (Ethernet padding is ignored). The MTU
 * must be at least {@link #MIN_MTU}: an MTU never walks down to a few bytes.
 */
public final class OversizeFrames {

    /** Weave's PMTU floor and IPv4's minimum reassembly size minus a little: the smallest MTU used here. */
    public static final int MIN_MTU = 552;
    /** Bytes of the original datagram after its IP header quoted in an ICMP error (RFC 792). */
    public static final int ICMP_QUOTED_PAYLOAD_BYTES = 8;
    /** TTL of the ICMP messages we originate, as Weave's. */
    public static final int ICMP_TTL = 64;
    /** ICMP type "destination unreachable". */
    public static final int ICMP_DESTINATION_UNREACHABLE = 3;
    /** ICMP code "fragmentation needed and DF set". */
    public static final int ICMP_FRAGMENTATION_NEEDED = 4;
    /** IP protocol number of ICMP. */
    public static final int PROTOCOL_ICMP = 1;
    /** Fragment offsets count 8-byte units. */
    public static final int FRAGMENT_UNIT_BYTES = 8;

    /** ICMP types that are error messages, never answered with another error. */
    private static final java.util.Set<Integer> ICMP_ERROR_TYPES = java.util.Set.of(3, 4, 5, 11, 12);
    private static final int ETH = EthernetFrame.HEADER_BYTES;
    private static final int IP_HEADER_BYTES = EthernetFrame.IPV4_MIN_HEADER_BYTES;
    private static final int ICMP_HEADER_BYTES = 8;
    private static final int VERSION_IHL_5 = 0x45;
    private static final int TOS = 1;
    private static final int TOTAL_LENGTH = 2;
    private static final int FLAGS_OFFSET = 6;
    private static final int TTL = 8;
    private static final int PROTOCOL = 9;
    private static final int HEADER_CHECKSUM = 10;
    private static final int SRC_IP = 12;
    private static final int DST_IP = 16;
    private static final int IP_ADDRESS_BYTES = 4;
    private static final int MAC_BYTES = 6;
    private static final int MF_BIT = 0x2000;
    private static final int OFFSET_MASK = 0x1FFF;
    private static final int ICMP_CHECKSUM = 2;
    private static final int ICMP_NEXT_HOP_MTU = 6;

    private OversizeFrames() {
    }

    /**
     * The ICMP "fragmentation needed" frame answering {@code frame} for the sender: Ethernet and IP addresses
     * swapped, TOS copied, TTL {@link #ICMP_TTL}, next-hop MTU {@code mtu}, payload the original IP header and
     * its first {@link #ICMP_QUOTED_PAYLOAD_BYTES} payload bytes, both checksums set.
     *
     * @return empty when the frame has no complete IPv4 header, is itself an ICMP error message (RFC 1122: no
     *         ICMP error answers an ICMP error; echo requests are answered), or is a non-first fragment
     */
    public static Optional<byte[]> fragmentationNeeded(byte[] frame, int mtu) {
        checkMtu(mtu);
        if (!EthernetFrame.isValid(frame) || !EthernetFrame.hasIpv4Header(frame)
                || isIcmpError(frame) || fragmentOffset(frame) != 0) {
            return Optional.empty();
        }
        int headerBytes = EthernetFrame.ipv4HeaderBytes(frame);
        int quoted = Math.min(headerBytes + ICMP_QUOTED_PAYLOAD_BYTES, ipLength(frame));
        int ipLength = IP_HEADER_BYTES + ICMP_HEADER_BYTES + quoted;
        byte[] out = new byte[ETH + ipLength];
        System.arraycopy(frame, MAC_BYTES, out, 0, MAC_BYTES);
        System.arraycopy(frame, 0, out, MAC_BYTES, MAC_BYTES);
        putU16(out, 2 * MAC_BYTES, EthernetFrame.ETHERTYPE_IPV4);
        out[ETH] = (byte) VERSION_IHL_5;
        out[ETH + TOS] = frame[ETH + TOS];
        putU16(out, ETH + TOTAL_LENGTH, ipLength);
        out[ETH + TTL] = (byte) ICMP_TTL;
        out[ETH + PROTOCOL] = (byte) PROTOCOL_ICMP;
        System.arraycopy(frame, ETH + DST_IP, out, ETH + SRC_IP, IP_ADDRESS_BYTES);
        System.arraycopy(frame, ETH + SRC_IP, out, ETH + DST_IP, IP_ADDRESS_BYTES);
        InternetChecksum.fill(out, ETH, IP_HEADER_BYTES, ETH + HEADER_CHECKSUM);
        int icmp = ETH + IP_HEADER_BYTES;
        out[icmp] = (byte) ICMP_DESTINATION_UNREACHABLE;
        out[icmp + 1] = (byte) ICMP_FRAGMENTATION_NEEDED;
        putU16(out, icmp + ICMP_NEXT_HOP_MTU, mtu);
        System.arraycopy(frame, ETH, out, icmp + ICMP_HEADER_BYTES, quoted);
        InternetChecksum.fill(out, icmp, ICMP_HEADER_BYTES + quoted, icmp + ICMP_CHECKSUM);
        return Optional.of(out);
    }

    /**
     * Splits an IPv4 frame into fragment frames whose IP packets fit {@code mtu}: each carries the original
     * Ethernet and IP headers, a payload slice that is a multiple of 8 bytes (but the last), MF on all but the
     * last (and on the last too if the original had MF), offsets counted from the original's own offset, and a
     * recomputed header checksum. IP options are copied into every fragment.
     *
     * @return the frame alone when it already fits; empty when it cannot be split (no complete IPv4 header,
     *         DF set, or a total length shorter than its header)
     */
    public static List<byte[]> fragment(byte[] frame, int mtu) {
        checkMtu(mtu);
        if (!EthernetFrame.isValid(frame) || !EthernetFrame.hasIpv4Header(frame)
                || EthernetFrame.ipv4DontFragment(frame)) {
            return List.of();
        }
        int headerBytes = EthernetFrame.ipv4HeaderBytes(frame);
        int ipLength = ipLength(frame);
        if (ipLength < headerBytes) {
            return List.of();
        }
        if (ipLength <= mtu) {
            return List.of(frame);
        }
        int sliceBytes = (mtu - headerBytes) / FRAGMENT_UNIT_BYTES * FRAGMENT_UNIT_BYTES;
        int flags = u16(frame, ETH + FLAGS_OFFSET);
        boolean originalMoreFragments = (flags & MF_BIT) != 0;
        int baseUnits = flags & OFFSET_MASK;
        List<byte[]> fragments = new ArrayList<>();
        for (int start = headerBytes; start < ipLength; start += sliceBytes) {
            int length = Math.min(sliceBytes, ipLength - start);
            boolean last = start + length >= ipLength;
            byte[] out = new byte[ETH + headerBytes + length];
            System.arraycopy(frame, 0, out, 0, ETH + headerBytes);
            System.arraycopy(frame, ETH + start, out, ETH + headerBytes, length);
            putU16(out, ETH + TOTAL_LENGTH, headerBytes + length);
            int units = baseUnits + (start - headerBytes) / FRAGMENT_UNIT_BYTES;
            putU16(out, ETH + FLAGS_OFFSET, (last && !originalMoreFragments ? 0 : MF_BIT) | units);
            InternetChecksum.fill(out, ETH, headerBytes, ETH + HEADER_CHECKSUM);
            fragments.add(out);
        }
        return fragments;
    }

    /** The IP packet's length: its total-length field, bounded by the bytes actually present. */
    static int ipLength(byte[] frame) {
        return Math.min(EthernetFrame.ipv4TotalLength(frame), frame.length - ETH);
    }

    /** True for ICMP destination unreachable, source quench, redirect, time exceeded and parameter problem. */
    private static boolean isIcmpError(byte[] frame) {
        if ((frame[ETH + PROTOCOL] & 0xFF) != PROTOCOL_ICMP) {
            return false;
        }
        int typeOffset = ETH + EthernetFrame.ipv4HeaderBytes(frame);
        if (typeOffset >= frame.length) {
            return true;
        }
        int type = frame[typeOffset] & 0xFF;
        return ICMP_ERROR_TYPES.contains(type);
    }

    private static int fragmentOffset(byte[] frame) {
        return u16(frame, ETH + FLAGS_OFFSET) & OFFSET_MASK;
    }

    private static void checkMtu(int mtu) {
        if (mtu < MIN_MTU || mtu > EthernetFrame.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("MTU out of range " + MIN_MTU + ".." + EthernetFrame.MAX_FRAME_BYTES
                    + ": " + mtu);
        }
    }

    private static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 8);
        b[offset + 1] = (byte) value;
    }
}
