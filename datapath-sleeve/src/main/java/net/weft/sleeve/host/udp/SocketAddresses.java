package net.weft.sleeve.host.udp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Encodes and decodes the Linux x86-64 {@code struct sockaddr_in} and {@code struct sockaddr_in6}: the
 * family in host (little-endian) byte order, the port and address in network byte order.
 */
final class SocketAddresses {

    /** {@code AF_INET}. */
    static final int AF_INET = 2;
    /** {@code AF_INET6}. */
    static final int AF_INET6 = 10;
    /** {@code sizeof(struct sockaddr_in)}. */
    static final int SOCKADDR_IN_BYTES = 16;
    /** {@code sizeof(struct sockaddr_in6)}, also the room kept for any sender address. */
    static final int SOCKADDR_IN6_BYTES = 28;
    private static final int PORT_OFFSET = 2;
    private static final int IN_ADDR_OFFSET = 4;
    private static final int IN6_ADDR_OFFSET = 8;
    private static final int IN6_SCOPE_OFFSET = 24;
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;

    private SocketAddresses() {
    }

    /** The sockaddr bytes of a resolved address: 16 for IPv4, 28 for IPv6 (with its scope id). */
    static byte[] encode(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("UDP address must be resolved: " + address);
        }
        InetAddress ip = address.getAddress();
        int port = address.getPort();
        if (ip instanceof Inet4Address) {
            byte[] out = new byte[SOCKADDR_IN_BYTES];
            putFamilyAndPort(out, AF_INET, port);
            System.arraycopy(ip.getAddress(), 0, out, IN_ADDR_OFFSET, IPV4_BYTES);
            return out;
        }
        byte[] out = new byte[SOCKADDR_IN6_BYTES];
        putFamilyAndPort(out, AF_INET6, port);
        System.arraycopy(ip.getAddress(), 0, out, IN6_ADDR_OFFSET, IPV6_BYTES);
        int scope = ((Inet6Address) ip).getScopeId();
        for (int i = 0; i < Integer.BYTES; i++) {
            out[IN6_SCOPE_OFFSET + i] = (byte) (scope >>> (Byte.SIZE * i));
        }
        return out;
    }

    /**
     * Decodes sockaddr bytes the kernel wrote. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, what a
     * dual-stack socket reports for an IPv4 sender) decodes to the plain IPv4 address.
     *
     * @throws IllegalArgumentException if the family is neither AF_INET nor AF_INET6 or the length is short
     */
    static InetSocketAddress decode(byte[] sockaddr, int length) {
        int family = Byte.toUnsignedInt(sockaddr[0]) | Byte.toUnsignedInt(sockaddr[1]) << Byte.SIZE;
        int port = Byte.toUnsignedInt(sockaddr[PORT_OFFSET]) << Byte.SIZE
                | Byte.toUnsignedInt(sockaddr[PORT_OFFSET + 1]);
        byte[] ip;
        int scope = 0;
        if (family == AF_INET && length >= SOCKADDR_IN_BYTES) {
            ip = new byte[IPV4_BYTES];
            System.arraycopy(sockaddr, IN_ADDR_OFFSET, ip, 0, IPV4_BYTES);
        } else if (family == AF_INET6 && length >= SOCKADDR_IN6_BYTES) {
            ip = new byte[IPV6_BYTES];
            System.arraycopy(sockaddr, IN6_ADDR_OFFSET, ip, 0, IPV6_BYTES);
            for (int i = 0; i < Integer.BYTES; i++) {
                scope |= Byte.toUnsignedInt(sockaddr[IN6_SCOPE_OFFSET + i]) << (Byte.SIZE * i);
            }
        } else {
            throw new IllegalArgumentException("not an IP socket address: family " + family + ", " + length + " bytes");
        }
        return new InetSocketAddress(toInetAddress(ip, scope), port);
    }

    private static InetAddress toInetAddress(byte[] ip, int scope) {
        try {
            InetAddress plain = InetAddress.getByAddress(ip);
            if (plain instanceof Inet6Address && scope != 0) {
                return Inet6Address.getByAddress(null, ip, scope);
            }
            return plain;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad IP address length " + ip.length, e);
        }
    }

    private static void putFamilyAndPort(byte[] out, int family, int port) {
        out[0] = (byte) family;
        out[1] = (byte) (family >>> Byte.SIZE);
        out[PORT_OFFSET] = (byte) (port >>> Byte.SIZE);
        out[PORT_OFFSET + 1] = (byte) port;
    }
}
