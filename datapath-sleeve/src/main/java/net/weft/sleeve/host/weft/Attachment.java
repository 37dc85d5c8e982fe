package net.weft.sleeve.host.weft;

import java.util.List;
import java.util.Optional;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.rtnl.Ipv4Prefix;

/**
 * One container attached to Weft's bridge, as {@code weft ps} shows it.
 *
 * @param namespace the namespace's name or process id; empty when the host end's namespace could not
 *                  be found (the container is gone or was named by a path Weft does not scan)
 * @param hostEnd   the bridge port, {@code vethwepl<id>}
 * @param mac       the MAC of {@code ethwe} inside the container, when found
 * @param addresses the IPv4 addresses of {@code ethwe}
 */
public record Attachment(Optional<String> namespace, String hostEnd, Optional<MacAddress> mac,
                         List<Ipv4Prefix> addresses) {

    /** Copies the address list. */
    public Attachment {
        addresses = List.copyOf(addresses);
    }
}
