package net.weft.sleeve.host.frame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.LongSupplier;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.libc.Errno;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;

/**
 * A {@link FramePort} over one file descriptor on which each {@code read(2)} returns one frame and each
 * {@code write(2)} sends one (true of a TAP descriptor and of a bound AF_PACKET socket).
 *
 * <p>The descriptor must be non-blocking: a read tries first and only polls when nothing is waiting, so
 * a busy port costs one system call per frame; blocking behaviour is rebuilt with {@code poll(2)}.
 */
public abstract class DescriptorFramePort implements FramePort {

    private static final int POLLFD_BYTES = 8;
    private static final int POLLFD_EVENTS_OFFSET = 4;
    private static final int POLLIN = 0x1;
    private static final int POLLOUT = 0x4;

    private final LibC libc = Libc.api();
    private final String name;
    private final byte[] readScratch;
    private volatile int fd;

    /** Takes ownership of {@code fd}, which must be in non-blocking mode (O_NONBLOCK). */
    protected DescriptorFramePort(int fd, String name) {
        this(fd, name, MAX_FRAME_BYTES);
    }

    /**
     * Like {@link #DescriptorFramePort(int, String)} for a descriptor whose reads can be longer than
     * {@link #MAX_FRAME_BYTES} (a TAP with virtio headers returns a header and a super-frame): the most
     * one {@link #readFrame(byte[], int, int)} returns.
     */
    protected DescriptorFramePort(int fd, String name, int maxReadBytes) {
        this.fd = fd;
        this.name = name;
        this.readScratch = new byte[maxReadBytes];
    }

    /** The most bytes one read can return: give direct read buffers at least this much room. */
    public final int maxReadBytes() {
        return readScratch.length;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean awaitFrame(int timeoutMs) {
        return await(POLLIN, timeoutMs, "wait for a frame on ");
    }

    @Override
    public final int readFrame(ByteBuffer direct) {
        int n;
        while ((n = tryRead(direct)) == 0) {
            await(POLLIN, -1, "wait for a frame on ");
        }
        return n;
    }

    @Override
    public final int readFrame(ByteBuffer direct, int timeoutMs) {
        int n = tryRead(direct);
        if (n == 0 && timeoutMs != 0 && await(POLLIN, timeoutMs, "wait for a frame on ")) {
            n = tryRead(direct);
        }
        return n;
    }

    @Override
    public final int readFrame(byte[] buffer, int offset, int length) {
        int count = Math.min(length, readScratch.length);
        long n;
        while ((n = retrying(() -> libc.read(checkedFd(), readScratch, count))) < 0 && Libc.errno() == Errno.EAGAIN) {
            await(POLLIN, -1, "wait for a frame on ");
        }
        if (n < 0) {
            throw HostNetworkException.fromErrno("read a frame from " + name, Libc.errno());
        }
        System.arraycopy(readScratch, 0, buffer, offset, (int) n);
        return (int) n;
    }

    @Override
    public final void writeFrame(byte[] frame, int offset, int length) {
        byte[] bytes = offset == 0 ? frame : Arrays.copyOfRange(frame, offset, offset + length);
        long n;
        while ((n = retrying(() -> libc.write(checkedFd(), bytes, length))) < 0 && Libc.errno() == Errno.EAGAIN) {
            await(POLLOUT, -1, "wait for room to write to ");
        }
        checkWritten(n, length);
    }

    @Override
    public final void writeFrame(ByteBuffer direct) {
        requireDirect(direct);
        int length = direct.remaining();
        long n;
        while ((n = retrying(() -> libc.write(checkedFd(), direct, length))) < 0 && Libc.errno() == Errno.EAGAIN) {
            await(POLLOUT, -1, "wait for room to write to ");
        }
        checkWritten(n, length);
        direct.position(direct.limit());
    }

    /** One non-blocking read into the direct buffer: the frame length, or 0 when none is waiting. */
    private int tryRead(ByteBuffer direct) {
        requireDirect(direct);
        long n = retrying(() -> libc.read(checkedFd(), direct, direct.remaining()));
        if (n < 0) {
            if (Libc.errno() == Errno.EAGAIN) {
                return 0;
            }
            throw HostNetworkException.fromErrno("read a frame from " + name, Libc.errno());
        }
        direct.position(direct.position() + (int) n);
        return (int) n;
    }

    private boolean await(int events, int timeoutMs, String action) {
        byte[] pollFd = new byte[POLLFD_BYTES];
        ByteBuffer.wrap(pollFd).order(ByteOrder.nativeOrder()).putInt(0, checkedFd())
                .putShort(POLLFD_EVENTS_OFFSET, (short) events);
        int ready = libc.poll(pollFd, 1, timeoutMs);
        if (ready < 0 && Libc.errno() != Errno.EINTR) {
            throw HostNetworkException.fromErrno(action + name, Libc.errno());
        }
        return ready > 0;
    }

    /** Closes the descriptor; subclasses then remove what they created. Idempotent. */
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
            throw new IllegalStateException("frame port " + name + " is closed");
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
