package net.weft.sleeve.host.udp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;

/**
 * The host's view of path MTUs: setting don't-fragment on a socket, and reading the MTU the kernel currently
 * holds for a route (its interface MTU, or a smaller one learned from ICMP "fragmentation needed").
 */
public final class PathMtu {

    private static final int IPPROTO_IP = 0;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IP_MTU_DISCOVER = 10;
    private static final int IP_MTU = 14;
    private static final int IPV6_MTU_DISCOVER = 23;
    private static final int IPV6_MTU = 24;
    /** Always set DF; refuse with EMSGSIZE what exceeds the known path MTU. */
    private static final int PMTUDISC_DO = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;

    private PathMtu() {
    }

    /** Sets {@code IP_PMTUDISC_DO} (and its IPv6 twin, where the socket has one) on {@code fd}. */
    static boolean dontFragment(int fd) {
        boolean v4 = setInt(fd, IPPROTO_IP, IP_MTU_DISCOVER, PMTUDISC_DO);
        setInt(fd, IPPROTO_IPV6, IPV6_MTU_DISCOVER, PMTUDISC_DO);
        return v4;
    }

    /**
     * The IP MTU of the route to {@code to} as the kernel knows it now (connects a throw-away UDP socket and reads
     * {@code IP_MTU}), or -1 when it cannot tell (no route, or the calls failed).
     */
    public static int routeMtu(UdpAddress to) {
        LibC libc = Libc.api();
        byte[] sockaddr = to.sockaddr();
        boolean ipv6 = to.sockaddrLength() == SocketAddresses.SOCKADDR_IN6_BYTES;
        int fd = libc.socket(ipv6 ? SocketAddresses.AF_INET6 : SocketAddresses.AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            return -1;
        }
        try {
            if (libc.connect(fd, sockaddr, to.sockaddrLength()) < 0) {
                return -1;
            }
            byte[] value = new byte[Integer.BYTES];
            int[] length = {value.length};
            int option = ipv6 ? IPV6_MTU : IP_MTU;
            if (libc.getsockopt(fd, ipv6 ? IPPROTO_IPV6 : IPPROTO_IP, option, value, length) < 0) {
                return -1;
            }
            return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
        } finally {
            Libc.closeQuietly(fd);
        }
    }

    private static boolean setInt(int fd, int level, int option, int value) {
        byte[] bytes = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(value).array();
        return Libc.api().setsockopt(fd, level, option, bytes, bytes.length) == 0;
    }
}
