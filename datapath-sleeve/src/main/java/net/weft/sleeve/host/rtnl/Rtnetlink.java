package net.weft.sleeve.host.rtnl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import net.weft.core.id.MacAddress;
import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.HostNetworkException.Reason;
import net.weft.sleeve.host.libc.Libc;
import net.weft.sleeve.host.netlink.Netlink;
import net.weft.sleeve.host.netlink.NetlinkMessage;
import net.weft.sleeve.host.netlink.NetlinkMessageWriter;
import net.weft.sleeve.host.netlink.NetlinkSocket;
import net.weft.sleeve.host.netns.NetworkNamespace;

/**
 * Link and address operations on one network namespace, through an rtnetlink socket opened in it.
 * Each method is one (or two) request/acknowledgement exchanges; failures are
 * {@link HostNetworkException}s naming the operation and the errno (EPERM becomes "weft needs root
 * (CAP_NET_ADMIN) to ...", EEXIST an "already taken" message). Not thread-safe; cheap to open.
 */
public final class Rtnetlink implements AutoCloseable {

    /** Longest interface name the kernel accepts (IFNAMSIZ minus the terminator). */
    public static final int MAX_NAME_LENGTH = 15;

    private final NetlinkSocket socket;
    private final String where;

    private Rtnetlink(NetlinkSocket socket, String where) {
        this.socket = socket;
        this.where = where;
    }

    /** Opens a client for the calling thread's network namespace (normally the host's). */
    public static Rtnetlink openHost() {
        return new Rtnetlink(NetlinkSocket.open(Netlink.NETLINK_ROUTE), "");
    }

    /** Opens a client whose every operation acts inside {@code namespace}. */
    public static Rtnetlink openInside(NetworkNamespace namespace) {
        NetlinkSocket socket = namespace.callInside(() -> NetlinkSocket.open(Netlink.NETLINK_ROUTE));
        return new Rtnetlink(socket, " in namespace " + namespace.label());
    }

    /** All links, in index order. */
    public List<LinkInfo> links() {
        NetlinkMessageWriter w = LinkMessages.link(Rtnl.RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP,
                0, 0, 0).putIntAttribute(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_SKIP_STATS);
        List<LinkInfo> links = new ArrayList<>();
        for (NetlinkMessage m : socket.query("list links" + where, w)) {
            LinkMessages.decodeLink(m).ifPresent(links::add);
        }
        links.sort(Comparator.comparingInt(LinkInfo::index));
        return links;
    }

    /** The link with this name, or empty. */
    public Optional<LinkInfo> findLink(String name) {
        checkName(name);
        NetlinkMessageWriter w = LinkMessages.linkByName(Rtnl.RTM_GETLINK, name)
                .putIntAttribute(Rtnl.IFLA_EXT_MASK, Rtnl.RTEXT_FILTER_SKIP_STATS);
        try {
            List<NetlinkMessage> replies = socket.query("look up link " + name + where, w);
            return replies.stream().map(LinkMessages::decodeLink).flatMap(Optional::stream).findFirst();
        } catch (HostNetworkException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The link with this name; {@link Reason#NOT_FOUND} when there is none. */
    public LinkInfo link(String name) {
        return findLink(name).orElseThrow(() ->
                HostNetworkException.of(Reason.NOT_FOUND, "no link named " + name + where));
    }

    /**
     * Creates a bridge, down. {@code mac} fixes its address (otherwise the kernel picks a random one).
     *
     * @throws HostNetworkException {@link Reason#ALREADY_EXISTS} when the name is taken
     */
    public void createBridge(String name, Optional<MacAddress> mac, int mtu) {
        checkName(name);
        NetlinkMessageWriter w = LinkMessages.link(Rtnl.RTM_NEWLINK, LinkMessages.CREATE_EXCLUSIVE, 0, 0, 0)
                .putStringAttribute(Rtnl.IFLA_IFNAME, name)
                .putIntAttribute(Rtnl.IFLA_MTU, mtu);
        mac.ifPresent(m -> w.putAttribute(Rtnl.IFLA_ADDRESS, LinkMessages.macBytes(m)));
        int info = w.beginNested(Rtnl.IFLA_LINKINFO);
        w.putStringAttribute(Rtnl.IFLA_INFO_KIND, "bridge");
        w.endNested(info);
        socket.execute("create bridge " + name + where, w);
    }

    /**
     * Creates a veth pair, both ends down, in this namespace. Deleting either end deletes both.
     *
     * @param peerMac the peer end's address (the host end gets a random one)
     */
    public void createVethPair(String name, String peerName, Optional<MacAddress> peerMac, int mtu) {
        checkName(name);
        checkName(peerName);
        NetlinkMessageWriter w = LinkMessages.link(Rtnl.RTM_NEWLINK, LinkMessages.CREATE_EXCLUSIVE, 0, 0, 0)
                .putStringAttribute(Rtnl.IFLA_IFNAME, name)
                .putIntAttribute(Rtnl.IFLA_MTU, mtu);
        int info = w.beginNested(Rtnl.IFLA_LINKINFO);
        w.putStringAttribute(Rtnl.IFLA_INFO_KIND, "veth");
        int data = w.beginNested(Rtnl.IFLA_INFO_DATA);
        int peer = w.beginNested(Rtnl.VETH_INFO_PEER);
        LinkMessages.peerHeader(w);
        w.putStringAttribute(Rtnl.IFLA_IFNAME, peerName).putIntAttribute(Rtnl.IFLA_MTU, mtu);
        peerMac.ifPresent(m -> w.putAttribute(Rtnl.IFLA_ADDRESS, LinkMessages.macBytes(m)));
        w.endNested(peer).endNested(data).endNested(info);
        socket.execute("create veth pair " + name + "/" + peerName + where, w);
    }

    /** Deletes a link (for a veth, both ends; for a bridge, its ports are released, not deleted). */
    public void deleteLink(String name) {
        checkName(name);
        socket.execute("delete link " + name + where, LinkMessages.linkByName(Rtnl.RTM_DELLINK, name));
    }

    /** Brings a link administratively up or down. */
    public void setUp(String name, boolean up) {
        checkName(name);
        NetlinkMessageWriter w = LinkMessages.link(Rtnl.RTM_SETLINK, LinkMessages.CHANGE, 0,
                up ? Rtnl.IFF_UP : 0, Rtnl.IFF_UP).putStringAttribute(Rtnl.IFLA_IFNAME, name);
        socket.execute("set link " + name + (up ? " up" : " down") + where, w);
    }

    /** Sets a link's MTU. */
    public void setMtu(String name, int mtu) {
        checkName(name);
        NetlinkMessageWriter w = LinkMessages.linkByName(Rtnl.RTM_SETLINK, name).putIntAttribute(Rtnl.IFLA_MTU, mtu);
        socket.execute("set MTU " + mtu + " on " + name + where, w);
    }

    /**
     * Sets a link's transmit queue length in frames; for a TAP device this is the ring of frames
     * waiting for this process to read them.
     */
    public void setTxQueueLength(String name, int frames) {
        checkName(name);
        NetlinkMessageWriter w = LinkMessages.linkByName(Rtnl.RTM_SETLINK, name)
                .putIntAttribute(Rtnl.IFLA_TXQLEN, frames);
        socket.execute("set transmit queue length " + frames + " on " + name + where, w);
    }

    /** Sets a link's hardware address. */
    public void setMac(String name, MacAddress mac) {
        checkName(name);
        NetlinkMessageWriter w = LinkMessages.linkByName(Rtnl.RTM_SETLINK, name)
                .putAttribute(Rtnl.IFLA_ADDRESS, LinkMessages.macBytes(mac));
        socket.execute("set MAC " + mac + " on " + name + where, w);
    }

    /** Renames a link; the kernel requires it to be down. */
    public void rename(String name, String newName) {
        checkName(newName);
        int index = link(name).index();
        NetlinkMessageWriter w = LinkMessages.link(Rtnl.RTM_SETLINK, LinkMessages.CHANGE, index, 0, 0)
                .putStringAttribute(Rtnl.IFLA_IFNAME, newName);
        socket.execute("rename " + name + " to " + newName + where, w);
    }

    /** Makes {@code name} a port of the bridge {@code bridgeName} (IFLA_MASTER). */
    public void setMaster(String name, String bridgeName) {
        int bridgeIndex = link(bridgeName).index();
        NetlinkMessageWriter w = LinkMessages.linkByName(Rtnl.RTM_SETLINK, name)
                .putIntAttribute(Rtnl.IFLA_MASTER, bridgeIndex);
        socket.execute("attach " + name + " to bridge " + bridgeName + where, w);
    }

    /**
     * Moves a link into another network namespace (IFLA_NET_NS_FD). It arrives down, with the same name,
     * and without its addresses.
     *
     * @throws HostNetworkException {@link Reason#NAMESPACE_MISSING} when the namespace does not exist
     */
    public void moveToNamespace(String name, NetworkNamespace namespace) {
        checkName(name);
        int fd = namespace.openDescriptor();
        try {
            NetlinkMessageWriter w = LinkMessages.linkByName(Rtnl.RTM_SETLINK, name)
                    .putIntAttribute(Rtnl.IFLA_NET_NS_FD, fd);
            socket.execute("move " + name + " into network namespace " + namespace.label() + where, w);
        } finally {
            Libc.closeQuietly(fd);
        }
    }

    /**
     * Adds an IPv4 address (with its subnet's broadcast address) to a link.
     *
     * @throws HostNetworkException {@link Reason#ALREADY_EXISTS} when the link already has the address
     */
    public void addIpv4Address(String name, Ipv4Prefix prefix) {
        int index = link(name).index();
        NetlinkMessageWriter w = LinkMessages.address(Rtnl.RTM_NEWADDR, LinkMessages.CREATE_EXCLUSIVE, prefix, index);
        prefix.broadcastBytes().ifPresent(b -> w.putAttribute(Rtnl.IFA_BROADCAST, b));
        socket.execute("add address " + prefix + " to " + name + where, w);
    }

    /** Removes an IPv4 address from a link. */
    public void deleteIpv4Address(String name, Ipv4Prefix prefix) {
        int index = link(name).index();
        NetlinkMessageWriter w = LinkMessages.address(Rtnl.RTM_DELADDR, LinkMessages.CHANGE, prefix, index);
        socket.execute("remove address " + prefix + " from " + name + where, w);
    }

    /** The IPv4 addresses of a link, in the kernel's order. */
    public List<Ipv4Prefix> ipv4Addresses(String name) {
        int index = link(name).index();
        NetlinkMessageWriter w = new NetlinkMessageWriter(Rtnl.RTM_GETADDR, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
        w.putByte(Rtnl.AF_INET).putByte(0).putByte(0).putByte(0).putInt(0);
        List<Ipv4Prefix> addresses = new ArrayList<>();
        for (NetlinkMessage m : socket.query("list addresses of " + name + where, w)) {
            LinkMessages.decodeAddress(m).filter(a -> a.index() == index).ifPresent(a -> addresses.add(a.prefix()));
        }
        return addresses;
    }

    /** Closes the socket. */
    @Override
    public void close() {
        socket.close();
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.contains("/") || name.contains(" ")) {
            throw new IllegalArgumentException("invalid interface name (1-" + MAX_NAME_LENGTH
                    + " characters, no '/' or space): " + name);
        }
    }
}
