package net.weft.sleeve.host.udp;

import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A UDP destination encoded once as the {@code struct sockaddr_in}/{@code sockaddr_in6} bytes the kernel
 * wants, so that sending to a peer many times costs no encoding. An IPv4 destination stays a
 * {@code sockaddr_in} even when it is used on an IPv6 socket: Linux accepts an AF_INET address on a
 * dual-stack (not IPV6_V6ONLY) socket. Immutable; equal when address and port are equal.
 */
public final class UdpAddress {

    private final InetSocketAddress address;
    private final byte[] sockaddr;

    private UdpAddress(InetSocketAddress address, byte[] sockaddr) {
        this.address = address;
        this.sockaddr = sockaddr;
    }

    /**
     * Encodes a resolved socket address.
     *
     * @throws IllegalArgumentException if the address is unresolved
     */
    public static UdpAddress of(InetSocketAddress address) {
        return new UdpAddress(address, SocketAddresses.encode(address));
    }

    /** The address this was built from. */
    public InetSocketAddress toInetSocketAddress() {
        return address;
    }

    /** The encoded sockaddr; shared, never to be modified. */
    byte[] sockaddr() {
        return sockaddr;
    }

    /** Length of the encoded sockaddr in bytes (16 or 28). */
    int sockaddrLength() {
        return sockaddr.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpAddress && Arrays.equals(sockaddr, ((UdpAddress) o).sockaddr);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sockaddr);
    }

    @Override
    public String toString() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
