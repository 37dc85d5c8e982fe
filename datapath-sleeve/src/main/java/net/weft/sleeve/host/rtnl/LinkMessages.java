package net.weft.sleeve.host.rtnl;

import java.util.Optional;

import net.weft.core.id.MacAddress;
import net.weft.core.id.PeerName;
import net.weft.sleeve.host.netlink.Attributes;
import net.weft.sleeve.host.netlink.Netlink;
import net.weft.sleeve.host.netlink.NetlinkMessage;
import net.weft.sleeve.host.netlink.NetlinkMessageWriter;

/** Encodes link and address requests and decodes RTM_NEWLINK / RTM_NEWADDR replies. */
final class LinkMessages {

    /** Flags of a request that creates an object and must fail if it exists. */
    static final int CREATE_EXCLUSIVE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE
            | Netlink.NLM_F_EXCL;
    /** Flags of a request that changes or deletes an existing object. */
    static final int CHANGE = Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK;
    private static final int MAC_BYTES = 6;
    private static final int IPV4_BYTES = 4;

    private LinkMessages() {
    }

    /** A link request with its {@code ifinfomsg}; {@code change} selects which {@code flags} bits apply. */
    static NetlinkMessageWriter link(int type, int requestFlags, int index, int flags, int change) {
        NetlinkMessageWriter w = new NetlinkMessageWriter(type, requestFlags);
        w.putByte(Rtnl.AF_UNSPEC).putByte(0).putShort(0).putInt(index).putInt(flags).putInt(change);
        return w;
    }

    /** A link request addressed by name (index 0 plus IFLA_IFNAME), changing no flags. */
    static NetlinkMessageWriter linkByName(int type, String name) {
        return link(type, CHANGE, 0, 0, 0).putStringAttribute(Rtnl.IFLA_IFNAME, name);
    }

    /** The {@code ifinfomsg} of a veth peer, nested in VETH_INFO_PEER. */
    static void peerHeader(NetlinkMessageWriter w) {
        w.putByte(Rtnl.AF_UNSPEC).putByte(0).putShort(0).putInt(0).putInt(0).putInt(0);
    }

    /** An address request with its {@code ifaddrmsg}. */
    static NetlinkMessageWriter address(int type, int requestFlags, Ipv4Prefix prefix, int index) {
        NetlinkMessageWriter w = new NetlinkMessageWriter(type, requestFlags);
        w.putByte(Rtnl.AF_INET).putByte(prefix.prefixLength()).putByte(0).putByte(0).putInt(index);
        w.putAttribute(Rtnl.IFA_LOCAL, prefix.addressBytes());
        w.putAttribute(Rtnl.IFA_ADDRESS, prefix.addressBytes());
        return w;
    }

    /** The six bytes of a MAC address, for IFLA_ADDRESS. */
    static byte[] macBytes(MacAddress mac) {
        return new PeerName(mac.value()).toBytes();
    }

    /** Decodes an RTM_NEWLINK message; empty when it has no name. */
    static Optional<LinkInfo> decodeLink(NetlinkMessage message) {
        if (message.payload().length < Rtnl.IFINFOMSG_BYTES) {
            return Optional.empty();
        }
        Attributes a = message.attributes(Rtnl.IFINFOMSG_BYTES);
        Optional<String> name = a.string(Rtnl.IFLA_IFNAME);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<MacAddress> mac = a.bytes(Rtnl.IFLA_ADDRESS).filter(b -> b.length == MAC_BYTES)
                .map(b -> MacAddress.read(b, 0));
        int flags = message.intAt(Rtnl.IFINFOMSG_FLAGS_OFFSET);
        return Optional.of(new LinkInfo(name.get(), message.intAt(Rtnl.IFINFOMSG_INDEX_OFFSET), mac,
                a.intValue(Rtnl.IFLA_MTU).orElse(0),
                a.nested(Rtnl.IFLA_LINKINFO).string(Rtnl.IFLA_INFO_KIND).orElse(""),
                a.intValue(Rtnl.IFLA_MASTER).orElse(0),
                (flags & Rtnl.IFF_UP) != 0,
                a.intValue(Rtnl.IFLA_LINK).orElse(0)));
    }

    /** Decodes an IPv4 RTM_NEWADDR message as (interface index, prefix); empty for other families. */
    static Optional<InterfaceAddress> decodeAddress(NetlinkMessage message) {
        if (message.payload().length < Rtnl.IFADDRMSG_BYTES
                || message.byteAt(Rtnl.IFADDRMSG_FAMILY_OFFSET) != Rtnl.AF_INET) {
            return Optional.empty();
        }
        Attributes a = message.attributes(Rtnl.IFADDRMSG_BYTES);
        Optional<byte[]> local = a.bytes(Rtnl.IFA_LOCAL).or(() -> a.bytes(Rtnl.IFA_ADDRESS))
                .filter(b -> b.length == IPV4_BYTES);
        return local.map(b -> new InterfaceAddress(message.intAt(Rtnl.IFADDRMSG_INDEX_OFFSET),
                Ipv4Prefix.fromBytes(b, message.byteAt(Rtnl.IFADDRMSG_PREFIX_OFFSET))));
    }

    /** One address of one interface, as dumped. */
    record InterfaceAddress(int index, Ipv4Prefix prefix) {
    }
}
