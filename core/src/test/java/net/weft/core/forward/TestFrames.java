package net.weft.core.forward;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;

/** Frames and route tables for forwarding scenarios. */
final class TestFrames {

    private TestFrames() {
    }

    /** An ARP-typed frame from {@code src} to {@code dst} with a few payload bytes. */
    static byte[] frame(String dst, String src) {
        byte[] f = new byte[EthernetFrame.HEADER_BYTES + 28];
        write(f, 0, MacAddress.of(dst));
        write(f, 6, MacAddress.of(src));
        f[12] = 0x08;
        f[13] = 0x06;
        return f;
    }

    private static void write(byte[] f, int offset, MacAddress mac) {
        new PeerName(mac.value()).writeTo(f, offset);
    }

    /** Route tables given as maps: destination -> next hop, source -> broadcast next hops. */
    static RouteLookup routes(Map<PeerName, PeerName> unicast, Map<PeerName, List<PeerName>> broadcast) {
        Map<PeerName, PeerName> u = new TreeMap<>(unicast);
        Map<PeerName, List<PeerName>> b = new TreeMap<>(broadcast);
        return new RouteLookup() {
            @Override
            public Optional<PeerName> unicast(PeerName dst) {
                return Optional.ofNullable(u.get(dst));
            }

            @Override
            public List<PeerName> broadcast(PeerName source) {
                return b.getOrDefault(source, List.of());
            }
        };
    }
}
