package net.weft.sleeve.host.tap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.frame.DescriptorFramePort;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;
import net.weft.sleeve.host.offload.GsoSplitter;
import net.weft.sleeve.host.offload.VirtioNetHeader;
import net.weft.sleeve.host.rtnl.Rtnetlink;

/**
 * A TAP interface: an Ethernet port whose other side is this object. Every frame the kernel sends out
 * of the interface (for instance a bridge flooding or forwarding to it) is read here, one frame per
 * {@link #readFrame}; every frame written here is received by the kernel as if it had arrived on the
 * wire. Weft attaches one to its bridge as the capture/injection port of the sleeve data path.
 *
 * <p>The device is not persistent: it disappears when {@link #close()} closes the descriptor. Frames
 * carry no packet-information prefix (IFF_NO_PI). Threading and wake-up rules are those of
 * {@link net.weft.sleeve.host.frame.FramePort}.
 *
 * <p>In <em>offload mode</em> ({@link #offload()}; {@code IFF_VNET_HDR}) every byte sequence read or
 * written through the {@link net.weft.sleeve.host.frame.FramePort} methods starts with a 10-byte
 * {@link VirtioNetHeader} followed by the frame, and the kernel may hand over TCP super-frames of up to
 * 64 KB and frames whose transport checksum is still to be computed: cut them into wire frames with a
 * {@link net.weft.sleeve.host.offload.GsoSplitter}, and prefix writes with a header (all zero for a plain,
 * complete frame). Read buffers need
 * {@link #maxReadBytes()} bytes of room.
 */
public final class TapDevice extends DescriptorFramePort {

    /** Frames the kernel holds for the reader before dropping (the TAP's transmit queue length). */
    public static final int QUEUE_FRAMES = 10_000;
    /** A name with {@code %d} lets the kernel pick the first free number, e.g. {@code weft-tap0}. */
    public static final String DEFAULT_NAME_PATTERN = "weft-tap%d";

    private static final String CLONE_DEVICE = "/dev/net/tun";
    private static final int O_RDWR = 2;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final int IFF_TAP = 0x0002;
    private static final int IFF_NO_PI = 0x1000;
    private static final int IFF_VNET_HDR = 0x4000;
    private static final long TUNSETOFFLOAD = 0x400454d0L;
    private static final long TUNSETVNETHDRSZ = 0x400454d8L;
    /** TUNSETOFFLOAD bits: we complete checksums, and take IPv4 and IPv6 TCP super-frames. */
    private static final int TUN_F_CSUM = 0x01;
    private static final int TUN_F_TSO4 = 0x02;
    private static final int TUN_F_TSO6 = 0x04;
    private static final int OFFLOADS = TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6;
    private static final int IFREQ_BYTES = 40;
    private static final int IFREQ_FLAGS_OFFSET = 16;

    private final boolean offload;

    private TapDevice(int fd, String name, boolean offload) {
        super(fd, name, offload ? GsoSplitter.MAX_READ_BYTES : MAX_FRAME_BYTES);
        this.offload = offload;
    }

    /** True when reads and writes carry a {@link VirtioNetHeader} before each frame (see the class comment). */
    public boolean offload() {
        return offload;
    }

    /**
     * Creates a TAP interface, down and unattached.
     *
     * @param namePattern the interface name, or a pattern with {@code %d} such as {@link #DEFAULT_NAME_PATTERN}
     * @throws HostNetworkException EPERM without CAP_NET_ADMIN, EBUSY when a device of that name exists
     */
    public static TapDevice open(String namePattern) {
        return open(namePattern, false);
    }

    /**
     * Creates a TAP interface, down and unattached; with {@code offload} in offload mode (virtio headers,
     * checksum and TCP segmentation offloads), see the class comment.
     *
     * @throws HostNetworkException EPERM without CAP_NET_ADMIN, EBUSY when a device of that name exists,
     *         EINVAL when the kernel refuses the offloads
     */
    public static TapDevice open(String namePattern, boolean offload) {
        byte[] nameBytes = namePattern.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length == 0 || nameBytes.length > Rtnetlink.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("invalid TAP name (1-15 characters): " + namePattern);
        }
        LibC libc = Libc.api();
        int fd = libc.open(CLONE_DEVICE, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            throw HostNetworkException.fromErrno("open " + CLONE_DEVICE, Libc.errno());
        }
        byte[] ifreq = new byte[IFREQ_BYTES];
        System.arraycopy(nameBytes, 0, ifreq, 0, nameBytes.length);
        ByteBuffer.wrap(ifreq).order(ByteOrder.nativeOrder()).putShort(IFREQ_FLAGS_OFFSET,
                (short) (IFF_TAP | IFF_NO_PI | (offload ? IFF_VNET_HDR : 0)));
        if (libc.ioctl(fd, TUNSETIFF, ifreq) < 0) {
            int errno = Libc.errno();
            Libc.closeQuietly(fd);
            throw HostNetworkException.fromErrno("create TAP device " + namePattern, errno);
        }
        if (offload) {
            enableOffloads(libc, fd, namePattern);
        }
        int end = 0;
        while (end <= Rtnetlink.MAX_NAME_LENGTH && ifreq[end] != 0) {
            end++;
        }
        return new TapDevice(fd, new String(ifreq, 0, end, StandardCharsets.US_ASCII), offload);
    }

    private static void enableOffloads(LibC libc, int fd, String namePattern) {
        byte[] headerSize = new byte[Integer.BYTES];
        ByteBuffer.wrap(headerSize).order(ByteOrder.nativeOrder()).putInt(0, VirtioNetHeader.BYTES);
        if (libc.ioctl(fd, TUNSETVNETHDRSZ, headerSize) < 0) {
            int errno = Libc.errno();
            Libc.closeQuietly(fd);
            throw HostNetworkException.fromErrno("set the virtio header size of TAP " + namePattern, errno);
        }
        if (libc.ioctl(fd, TUNSETOFFLOAD, (long) OFFLOADS) < 0) {
            int errno = Libc.errno();
            Libc.closeQuietly(fd);
            throw HostNetworkException.fromErrno("enable offloads on TAP " + namePattern, errno);
        }
    }

    /**
     * Creates a TAP interface, makes it a port of {@code bridgeName} with the given MTU and a queue of
     * {@link #QUEUE_FRAMES}, and brings it up: the usual way to get a capture/injection port.
     */
    public static TapDevice openOnBridge(String namePattern, String bridgeName, int mtu) {
        return openOnBridge(namePattern, bridgeName, mtu, false);
    }

    /** Like {@link #openOnBridge(String, String, int)}, in offload mode when {@code offload} is true. */
    public static TapDevice openOnBridge(String namePattern, String bridgeName, int mtu, boolean offload) {
        TapDevice tap = open(namePattern, offload);
        try (Rtnetlink rtnl = Rtnetlink.openHost()) {
            rtnl.setMtu(tap.name(), mtu);
            rtnl.setTxQueueLength(tap.name(), QUEUE_FRAMES);
            rtnl.setMaster(tap.name(), bridgeName);
            rtnl.setUp(tap.name(), true);
            return tap;
        } catch (RuntimeException e) {
            tap.close();
            throw e;
        }
    }
}
