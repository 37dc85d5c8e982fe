/**
 * Netlink plumbing independent of any family: message encoding, parsing and the request/response loop.
 *
 * <p>A message is a 16-byte {@code nlmsghdr} (length, type, flags, sequence, port id, host byte order)
 * followed by a family's fixed header and then type-length-value attributes padded to 4 bytes, which
 * may nest. {@link net.weft.sleeve.host.netlink.NetlinkMessageWriter} builds one,
 * {@link net.weft.sleeve.host.netlink.NetlinkMessage} splits a received datagram into messages and
 * {@link net.weft.sleeve.host.netlink.Attributes} decodes their attributes.
 * {@link net.weft.sleeve.host.netlink.NetlinkSocket} numbers each request, sends it, and reads until the
 * kernel's NLMSG_ERROR (errno 0 means success) or, for dumps, NLMSG_DONE; a negative errno becomes a
 * {@link net.weft.sleeve.host.HostNetworkException} with the errno name and the kernel's extended-ack
 * text when present.
 */
package net.weft.sleeve.host.netlink;
