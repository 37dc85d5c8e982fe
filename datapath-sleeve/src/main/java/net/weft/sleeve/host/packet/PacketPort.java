package net.weft.sleeve.host.packet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.frame.DescriptorFramePort;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;
import net.weft.sleeve.host.rtnl.Rtnetlink;

/**
 * The AF_PACKET alternative to a TAP port, as Weave's sleeve does it: a veth pair whose bridge end is a
 * port of the bridge and whose capture end carries a raw packet socket. Frames the bridge sends to the
 * port are read from the socket; frames written to the socket leave the capture end and so enter the
 * bridge. Closing the port closes the socket and deletes the veth pair.
 */
public final class PacketPort extends DescriptorFramePort {

    /** Receive buffer asked for (forced past rmem_max when root), so bursts wait instead of being dropped. */
    public static final int RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    private static final int AF_PACKET = 17;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    /** ETH_P_ALL in network byte order, as {@code socket(2)} and {@code sockaddr_ll} want it. */
    private static final int ETH_P_ALL_NETWORK_ORDER = Short.toUnsignedInt(Short.reverseBytes((short) 0x0003));
    private static final int SOCKADDR_LL_BYTES = 20;
    private static final int SOL_PACKET = 263;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVBUF = 8;
    private static final int SO_RCVBUFFORCE = 33;
    /** Do not hand our own transmitted frames back to us. */
    private static final int PACKET_IGNORE_OUTGOING = 23;

    private final String bridgeEnd;

    private PacketPort(int fd, String captureEnd, String bridgeEnd) {
        super(fd, captureEnd);
        this.bridgeEnd = bridgeEnd;
    }

    /**
     * Creates the veth pair {@code bridgeEnd}/{@code captureEnd}, puts {@code bridgeEnd} on the bridge,
     * brings both up with {@code mtu}, and binds a packet socket to {@code captureEnd}.
     */
    public static PacketPort openOnBridge(String bridgeEnd, String captureEnd, String bridgeName, int mtu) {
        try (Rtnetlink host = Rtnetlink.openHost()) {
            host.createVethPair(bridgeEnd, captureEnd, Optional.empty(), mtu);
            try {
                host.setMaster(bridgeEnd, bridgeName);
                host.setUp(bridgeEnd, true);
                host.setUp(captureEnd, true);
                int fd = bind(captureEnd, host.link(captureEnd).index());
                return new PacketPort(fd, captureEnd, bridgeEnd);
            } catch (RuntimeException e) {
                host.deleteLink(bridgeEnd);
                throw e;
            }
        }
    }

    private static int bind(String captureEnd, int index) {
        LibC libc = Libc.api();
        int fd = libc.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, ETH_P_ALL_NETWORK_ORDER);
        if (fd < 0) {
            throw HostNetworkException.fromErrno("open a packet socket", Libc.errno());
        }
        byte[] address = new byte[SOCKADDR_LL_BYTES];
        ByteBuffer.wrap(address).order(ByteOrder.nativeOrder()).putShort(0, (short) AF_PACKET)
                .putShort(2, (short) ETH_P_ALL_NETWORK_ORDER).putInt(4, index);
        byte[] on = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(1).array();
        if (libc.bind(fd, address, address.length) < 0
                || libc.setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, on, on.length) < 0) {
            int errno = Libc.errno();
            Libc.closeQuietly(fd);
            throw HostNetworkException.fromErrno("bind a packet socket to " + captureEnd, errno);
        }
        byte[] size = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder())
                .putInt(RECEIVE_BUFFER_BYTES).array();
        if (libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, size, size.length) < 0) {
            libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, size, size.length);
        }
        return fd;
    }

    /** The veth end that is a port of the bridge. */
    public String bridgeEnd() {
        return bridgeEnd;
    }

    /** Closes the socket and deletes the veth pair. */
    @Override
    public void close() {
        super.close();
        try (Rtnetlink host = Rtnetlink.openHost()) {
            if (host.findLink(bridgeEnd).isPresent()) {
                host.deleteLink(bridgeEnd);
            }
        }
    }
}
