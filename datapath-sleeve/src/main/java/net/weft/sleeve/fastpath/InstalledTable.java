package net.weft.sleeve.fastpath;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.IdentityHashMap;
import java.util.Map;
import net.weft.core.fastpath.FastPathHop;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.id.Endpoint;
import net.weft.sleeve.host.udp.UdpAddress;

/**
 * A router's table with every hop's address already turned into a socket address, so the per-frame path never
 * parses text. Built on the router thread when a table is installed; immutable afterwards.
 */
final class InstalledTable {

    final FastPathTable table;
    private final Map<FastPathHop, UdpAddress> addresses;

    private InstalledTable(FastPathTable table, Map<FastPathHop, UdpAddress> addresses) {
        this.table = table;
        this.addresses = addresses;
    }

    /** Resolves the hops of {@code table}; a hop whose address is not an IP literal is left out (slow path). */
    static InstalledTable of(FastPathTable table, Iterable<FastPathHop> hops) {
        Map<FastPathHop, UdpAddress> addresses = new IdentityHashMap<>();
        for (FastPathHop hop : hops) {
            UdpAddress a = resolve(hop.remote());
            if (a != null) {
                addresses.put(hop, a);
            }
        }
        return new InstalledTable(table, addresses);
    }

    /** The hop's socket address, or null when it has none (the frame then takes the slow path). */
    UdpAddress address(FastPathHop hop) {
        return addresses.get(hop);
    }

    /** The socket address of an endpoint given as an IP literal (never a DNS lookup), or null. */
    static UdpAddress resolve(Endpoint endpoint) {
        String host = endpoint.host();
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        try {
            return UdpAddress.of(new InetSocketAddress(InetAddress.getByName(host), endpoint.port()));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }
}
