package net.weft.core.fastpath;

import java.util.Objects;
import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;

/**
 * The fast path forwarded a frame whose source MAC the table placed behind {@code owner}: the router refreshes
 * that entry's age if it still says so.
 *
 * @param mac   the source MAC
 * @param owner the peer the table had it behind (us for captured frames)
 */
public record MacSighting(MacAddress mac, PeerName owner) {

    /** Validates presence of both parts. */
    public MacSighting {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(owner, "owner");
    }
}
