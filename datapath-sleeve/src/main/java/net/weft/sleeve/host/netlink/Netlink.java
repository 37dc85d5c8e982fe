package net.weft.sleeve.host.netlink;

/** Netlink constants shared by every netlink family (from {@code linux/netlink.h}). */
public final class Netlink {

    /** Address family of netlink sockets. */
    public static final int AF_NETLINK = 16;
    /** Protocol number of the routing family (links, addresses, routes). */
    public static final int NETLINK_ROUTE = 0;
    /** Size of {@code struct nlmsghdr}. */
    public static final int HEADER_BYTES = 16;
    /** Size of {@code struct nlattr}. */
    public static final int ATTRIBUTE_HEADER_BYTES = 4;
    /** Messages and attributes start on 4-byte boundaries. */
    public static final int ALIGNMENT = 4;

    /** Message type: an error or, with errno 0, an acknowledgement. */
    public static final int NLMSG_ERROR = 2;
    /** Message type: the end of a multi-part dump. */
    public static final int NLMSG_DONE = 3;

    /** Flag: this is a request. */
    public static final int NLM_F_REQUEST = 0x1;
    /** Flag: part of a multi-part reply. */
    public static final int NLM_F_MULTI = 0x2;
    /** Flag: acknowledge success with an NLMSG_ERROR carrying 0. */
    public static final int NLM_F_ACK = 0x4;
    /** Flag (GET): return the whole table. */
    public static final int NLM_F_DUMP = 0x300;
    /** Flag (NEW): fail with EEXIST if the object exists. */
    public static final int NLM_F_EXCL = 0x200;
    /** Flag (NEW): create the object if it does not exist. */
    public static final int NLM_F_CREATE = 0x400;

    /** The attribute type bits; the top two are the NESTED and NET_BYTEORDER flags. */
    public static final int ATTRIBUTE_TYPE_MASK = 0x3fff;
    /** Flag on nested attributes; set when encoding, masked off when decoding. */
    public static final int NLA_F_NESTED = 0x8000;

    private Netlink() {
    }

    /** Rounds a length up to the netlink alignment. */
    public static int align(int length) {
        return (length + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    }
}
