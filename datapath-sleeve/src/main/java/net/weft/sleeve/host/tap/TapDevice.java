package net.weft.sleeve.host.tap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.libc.Errno;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;
import net.weft.sleeve.host.rtnl.Rtnetlink;

/**
 * A TAP interface: an Ethernet port whose other side is this object. Every frame the kernel sends out
 * of the interface (for instance a bridge flooding or forwarding to it) is read here, one frame per
 * {@link #readFrame}; every frame written here is received by the kernel as if it had arrived on the
 * wire. Weft attaches one to its bridge as the capture/injection port of the sleeve data path.
 *
 * <p>The device is not persistent: it disappears when {@link #close()} closes the descriptor. Frames
 * carry no packet-information prefix (IFF_NO_PI) and no virtio header. {@code read(2)} on a TAP cannot be
 * woken by closing the descriptor from another thread, so a reader that must stop waits with
 * {@link #awaitFrame(int)} and checks its own stop flag between waits.
 *
 * <p>Reads and writes may run on different threads; each direction must be used by one thread at a time.
 */
public final class TapDevice implements AutoCloseable {

    /** Largest frame read or written: the 64 KiB the kernel's TAP path can carry. */
    public static final int MAX_FRAME_BYTES = 65_535;
    /** A name with {@code %d} lets the kernel pick the first free number, e.g. {@code weft-tap0}. */
    public static final String DEFAULT_NAME_PATTERN = "weft-tap%d";

    private static final String CLONE_DEVICE = "/dev/net/tun";
    private static final int O_RDWR = 2;
    private static final int O_CLOEXEC = 0x80000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final int IFF_TAP = 0x0002;
    private static final int IFF_NO_PI = 0x1000;
    private static final int IFREQ_BYTES = 40;
    private static final int IFREQ_FLAGS_OFFSET = 16;
    private static final int POLLFD_BYTES = 8;
    private static final int POLLFD_EVENTS_OFFSET = 4;
    private static final int POLLIN = 0x1;

    private final LibC libc = Libc.api();
    private final String name;
    private final byte[] readScratch = new byte[MAX_FRAME_BYTES];
    private volatile int fd;

    private TapDevice(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /**
     * Creates a TAP interface, down and unattached.
     *
     * @param namePattern the interface name, or a pattern with {@code %d} such as {@link #DEFAULT_NAME_PATTERN}
     * @throws HostNetworkException EPERM without CAP_NET_ADMIN, EBUSY when a device of that name exists
     */
    public static TapDevice open(String namePattern) {
        byte[] nameBytes = namePattern.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length == 0 || nameBytes.length > Rtnetlink.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("invalid TAP name (1-15 characters): " + namePattern);
        }
        LibC libc = Libc.api();
        int fd = libc.open(CLONE_DEVICE, O_RDWR | O_CLOEXEC);
        if (fd < 0) {
            throw HostNetworkException.fromErrno("open " + CLONE_DEVICE, Libc.errno());
        }
        byte[] ifreq = new byte[IFREQ_BYTES];
        System.arraycopy(nameBytes, 0, ifreq, 0, nameBytes.length);
        ByteBuffer.wrap(ifreq).order(ByteOrder.nativeOrder()).putShort(IFREQ_FLAGS_OFFSET,
                (short) (IFF_TAP | IFF_NO_PI));
        if (libc.ioctl(fd, TUNSETIFF, ifreq) < 0) {
            int errno = Libc.errno();
            Libc.closeQuietly(fd);
            throw HostNetworkException.fromErrno("create TAP device " + namePattern, errno);
        }
        int end = 0;
        while (end <= Rtnetlink.MAX_NAME_LENGTH && ifreq[end] != 0) {
            end++;
        }
        return new TapDevice(fd, new String(ifreq, 0, end, StandardCharsets.US_ASCII));
    }

    /**
     * Creates a TAP interface, makes it a port of {@code bridgeName} with the given MTU and brings it up:
     * the usual way to get a capture/injection port.
     */
    public static TapDevice openOnBridge(String namePattern, String bridgeName, int mtu) {
        TapDevice tap = open(namePattern);
        try (Rtnetlink rtnl = Rtnetlink.openHost()) {
            rtnl.setMtu(tap.name(), mtu);
            rtnl.setMaster(tap.name(), bridgeName);
            rtnl.setUp(tap.name(), true);
            return tap;
        } catch (RuntimeException e) {
            tap.close();
            throw e;
        }
    }

    /** The interface name the kernel gave the device. */
    public String name() {
        return name;
    }

    /**
     * Waits until a frame can be read or the timeout passes.
     *
     * @param timeoutMs how long to wait; 0 checks without waiting, negative waits without limit
     * @return true when {@link #readFrame} will not block
     */
    public boolean awaitFrame(int timeoutMs) {
        byte[] pollFd = new byte[POLLFD_BYTES];
        ByteBuffer.wrap(pollFd).order(ByteOrder.nativeOrder()).putInt(0, checkedFd())
                .putShort(POLLFD_EVENTS_OFFSET, (short) POLLIN);
        int ready = libc.poll(pollFd, 1, timeoutMs);
        if (ready < 0 && Libc.errno() != Errno.EINTR) {
            throw HostNetworkException.fromErrno("wait for a frame on " + name, Libc.errno());
        }
        return ready > 0;
    }

    /**
     * Reads one frame into {@code buffer[offset, offset + length)}, blocking until one arrives. A frame
     * longer than {@code length} is truncated.
     *
     * @return the number of bytes stored
     */
    public int readFrame(byte[] buffer, int offset, int length) {
        int count = Math.min(length, MAX_FRAME_BYTES);
        long n = retrying(() -> libc.read(checkedFd(), readScratch, count));
        if (n < 0) {
            throw HostNetworkException.fromErrno("read a frame from " + name, Libc.errno());
        }
        System.arraycopy(readScratch, 0, buffer, offset, (int) n);
        return (int) n;
    }

    /**
     * Reads one frame into a direct buffer between its position and limit, with no copy, and advances
     * the position past it.
     *
     * @return the number of bytes stored
     */
    public int readFrame(ByteBuffer direct) {
        requireDirect(direct);
        long n = retrying(() -> libc.read(checkedFd(), direct, direct.remaining()));
        if (n < 0) {
            throw HostNetworkException.fromErrno("read a frame from " + name, Libc.errno());
        }
        direct.position(direct.position() + (int) n);
        return (int) n;
    }

    /** Injects one Ethernet frame (destination MAC first, no FCS). */
    public void writeFrame(byte[] frame, int offset, int length) {
        byte[] bytes = offset == 0 ? frame : Arrays.copyOfRange(frame, offset, offset + length);
        long n = retrying(() -> libc.write(checkedFd(), bytes, length));
        checkWritten(n, length);
    }

    /** Injects the frame between a direct buffer's position and limit, with no copy; advances the position. */
    public void writeFrame(ByteBuffer direct) {
        requireDirect(direct);
        int length = direct.remaining();
        long n = retrying(() -> libc.write(checkedFd(), direct, length));
        checkWritten(n, length);
        direct.position(direct.limit());
    }

    /** Closes the descriptor, which removes the interface. Idempotent. */
    @Override
    public void close() {
        int old = fd;
        fd = -1;
        Libc.closeQuietly(old);
    }

    private void checkWritten(long n, int length) {
        if (n < 0) {
            throw HostNetworkException.fromErrno("write a frame to " + name, Libc.errno());
        }
        if (n != length) {
            throw HostNetworkException.of(HostNetworkException.Reason.FAILED,
                    "short write to " + name + ": " + n + " of " + length + " bytes");
        }
    }

    private int checkedFd() {
        int current = fd;
        if (current < 0) {
            throw new IllegalStateException("TAP device " + name + " is closed");
        }
        return current;
    }

    private static void requireDirect(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("frame buffers passed without copy must be direct");
        }
    }

    private static long retrying(LongSupplier call) {
        long n;
        do {
            n = call.getAsLong();
        } while (n < 0 && Libc.errno() == Errno.EINTR);
        return n;
    }
}
