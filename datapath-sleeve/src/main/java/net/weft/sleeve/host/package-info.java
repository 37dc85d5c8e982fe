/**
 * Host plumbing for containers on Linux: bridges, veth pairs, network namespaces, addresses and a TAP
 * port, all driven through rtnetlink and ioctl from Java (no {@code ip} command is run).
 *
 * <p>Layers, bottom up: {@code libc} (the jnr-ffi binding), {@code netlink} (sockets, message and
 * attribute encoding, request/ack/dump), {@code netns} (running code or opening sockets inside another
 * network namespace), {@code rtnl} (link and address operations), {@code tap} (the capture/injection
 * port) and {@code weft} (Weft's naming and policy: the {@code weft} bridge, {@code vethwepl/vethwepg}
 * pairs, {@code ethwe} inside containers). Every failure surfaces as a
 * {@link net.weft.sleeve.host.HostNetworkException} with a message meant for the user.
 */
package net.weft.sleeve.host;
