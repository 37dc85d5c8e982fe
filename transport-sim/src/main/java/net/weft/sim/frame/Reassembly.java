package net.weft.sim.frame;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IPv4 reassembly as a container's stack does it, so a router that fragments an oversize packet is judged by
 * whether the whole packet arrives. Fragments are grouped by source address and IP identification; when the
 * last fragment has arrived and the pieces cover the payload without a gap, the whole frame is rebuilt (the
 * first fragment's Ethernet and IP headers, total length and checksum recomputed, flags cleared). At most
 * {@link #MAX_PACKETS} packets are held; beyond that the oldest-keyed one is forgotten.
 */
final class Reassembly {

    /** Packets under reassembly at once. */
    static final int MAX_PACKETS = 64;

    private static final int ETH = Frames.ETHERNET_HEADER_BYTES;
    private static final int IP_HEADER = Frames.IPV4_HEADER_BYTES;
    private static final int MORE_FRAGMENTS = 0x2000;
    private static final int OFFSET_MASK = 0x1FFF;
    private static final int OFFSET_UNIT_BYTES = 8;

    /** Fragments of one packet by payload offset, and the payload length once the last fragment is known. */
    private static final class Packet {
        final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
        byte[] first;
        int totalPayload = -1;
    }

    private final TreeMap<Long, Packet> packets = new TreeMap<>();

    /** True for an IPv4 frame that is a fragment: more-fragments set or a non-zero offset. */
    static boolean isFragment(byte[] f) {
        if (Frames.etherType(f) != Frames.ETHERTYPE_IPV4 || f.length < ETH + IP_HEADER || f[ETH] != 0x45) {
            return false;
        }
        int flags = ((f[ETH + 6] & 0xFF) << 8) | (f[ETH + 7] & 0xFF);
        return (flags & (MORE_FRAGMENTS | OFFSET_MASK)) != 0;
    }

    /** Adds a fragment; returns the whole frame once every piece has arrived. */
    Optional<byte[]> add(byte[] f) {
        int flags = ((f[ETH + 6] & 0xFF) << 8) | (f[ETH + 7] & 0xFF);
        int ipLength = Math.min(f.length - ETH, ((f[ETH + 2] & 0xFF) << 8) | (f[ETH + 3] & 0xFF));
        int offset = (flags & OFFSET_MASK) * OFFSET_UNIT_BYTES;
        byte[] payload = java.util.Arrays.copyOfRange(f, ETH + IP_HEADER, ETH + Math.max(IP_HEADER, ipLength));
        long key = ((long) Frames.ipSource(f) << 16) | (((f[ETH + 4] & 0xFF) << 8) | (f[ETH + 5] & 0xFF));
        Packet p = packets.computeIfAbsent(key, k -> new Packet());
        p.pieces.put(offset, payload);
        if (offset == 0) {
            p.first = f;
        }
        if ((flags & MORE_FRAGMENTS) == 0) {
            p.totalPayload = offset + payload.length;
        }
        if (packets.size() > MAX_PACKETS) {
            packets.pollFirstEntry();
        }
        Optional<byte[]> whole = complete(p);
        whole.ifPresent(w -> packets.remove(key));
        return whole;
    }

    private static Optional<byte[]> complete(Packet p) {
        if (p.first == null || p.totalPayload < 0) {
            return Optional.empty();
        }
        int covered = 0;
        for (Map.Entry<Integer, byte[]> e : p.pieces.entrySet()) {
            if (e.getKey() > covered) {
                return Optional.empty();
            }
            covered = Math.max(covered, e.getKey() + e.getValue().length);
        }
        if (covered < p.totalPayload) {
            return Optional.empty();
        }
        byte[] out = new byte[ETH + IP_HEADER + p.totalPayload];
        System.arraycopy(p.first, 0, out, 0, ETH + IP_HEADER);
        for (Map.Entry<Integer, byte[]> e : p.pieces.entrySet()) {
            int n = Math.min(e.getValue().length, p.totalPayload - e.getKey());
            System.arraycopy(e.getValue(), 0, out, ETH + IP_HEADER + e.getKey(), n);
        }
        int ipLength = IP_HEADER + p.totalPayload;
        out[ETH + 2] = (byte) (ipLength >>> 8);
        out[ETH + 3] = (byte) ipLength;
        out[ETH + 6] = 0;
        out[ETH + 7] = 0;
        out[ETH + 10] = 0;
        out[ETH + 11] = 0;
        int sum = Frames.checksum(out, ETH, IP_HEADER);
        out[ETH + 10] = (byte) (sum >>> 8);
        out[ETH + 11] = (byte) sum;
        return Optional.of(out);
    }
}
