package net.weft.sleeve.host.rtnl;

import java.util.Optional;

import net.weft.core.id.MacAddress;

/**
 * What the kernel reports about one network interface.
 *
 * @param name        the interface name, e.g. {@code weft}
 * @param index       the interface index within its namespace
 * @param mac         the hardware address, when the link has a 6-byte one
 * @param mtu         the MTU in bytes
 * @param kind        the rtnetlink kind ({@code bridge}, {@code veth}, {@code tun}, ...), empty for
 *                    physical or kind-less links such as {@code lo}
 * @param masterIndex the index of the bridge this link is a port of, 0 when none
 * @param up          whether the link is administratively up (IFF_UP)
 * @param linkIndex   IFLA_LINK: for a veth, its peer's index (possibly in another namespace); 0 when none
 */
public record LinkInfo(String name, int index, Optional<MacAddress> mac, int mtu, String kind, int masterIndex,
                       boolean up, int linkIndex) {

    /** True when this link is a port of the bridge with the given index. */
    public boolean isPortOf(int bridgeIndex) {
        return masterIndex != 0 && masterIndex == bridgeIndex;
    }
}
