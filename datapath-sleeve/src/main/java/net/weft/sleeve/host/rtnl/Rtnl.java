package net.weft.sleeve.host.rtnl;

/** rtnetlink message types, header sizes and attribute numbers (from {@code linux/rtnetlink.h},
 * {@code linux/if_link.h}, {@code linux/if_addr.h}, {@code linux/veth.h}). */
final class Rtnl {

    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_SETLINK = 19;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;

    /** {@code struct ifinfomsg}: family, pad, type, index, flags, change. */
    static final int IFINFOMSG_BYTES = 16;
    static final int IFINFOMSG_INDEX_OFFSET = 4;
    static final int IFINFOMSG_FLAGS_OFFSET = 8;
    /** {@code struct ifaddrmsg}: family, prefix length, flags, scope, index. */
    static final int IFADDRMSG_BYTES = 8;
    static final int IFADDRMSG_FAMILY_OFFSET = 0;
    static final int IFADDRMSG_PREFIX_OFFSET = 1;
    static final int IFADDRMSG_INDEX_OFFSET = 4;

    static final int IFF_UP = 0x1;

    static final int IFLA_ADDRESS = 1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_LINK = 5;
    static final int IFLA_MASTER = 10;
    static final int IFLA_TXQLEN = 13;
    static final int IFLA_LINKINFO = 18;
    static final int IFLA_EXT_MASK = 29;
    static final int IFLA_NET_NS_FD = 28;
    static final int IFLA_INFO_KIND = 1;
    static final int IFLA_INFO_DATA = 2;
    static final int VETH_INFO_PEER = 1;
    /** {@code RTEXT_FILTER_SKIP_STATS}: leave the large statistics blocks out of link dumps. */
    static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFA_BROADCAST = 4;

    private Rtnl() {
    }
}
