/**
 * rtnetlink (NETLINK_ROUTE) operations: list, create, change and delete links (bridges, veth pairs),
 * move links between network namespaces, and manage IPv4 addresses.
 *
 * <p>{@link net.weft.sleeve.host.rtnl.Rtnetlink} wraps one netlink socket, opened either in the caller's
 * namespace or, through {@link net.weft.sleeve.host.netns.NetworkNamespace#callInside}, inside another
 * one; all its operations then act where the socket was born. Requests address links by name (index 0
 * plus IFLA_IFNAME) except where the name itself changes. Replies are decoded into
 * {@link net.weft.sleeve.host.rtnl.LinkInfo} and {@link net.weft.sleeve.host.rtnl.Ipv4Prefix} records.
 */
package net.weft.sleeve.host.rtnl;
