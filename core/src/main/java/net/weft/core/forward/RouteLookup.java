package net.weft.core.forward;

import java.util.List;
import java.util.Optional;
import net.weft.core.id.PeerName;

/**
 * The data-plane route tables the forwarding rules consult: routes over established, symmetric
 * connections only (control-plane notes §5.2). Implemented by the routing package; tests pass fixed tables.
 */
public interface RouteLookup {

    /** The neighbour to send a frame for {@code dst} to, or empty when {@code dst} is unreachable. */
    Optional<PeerName> unicast(PeerName dst);

    /**
     * The neighbours to pass a broadcast from {@code source} on to: our children in {@code source}'s
     * spanning tree (for {@code source} = ourselves, all first hops of our own tree). Sorted by name.
     */
    List<PeerName> broadcast(PeerName source);
}
