package net.weft.sleeve.host.udp;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import net.weft.sleeve.host.HostNetworkException;
import net.weft.sleeve.host.libc.Errno;
import net.weft.sleeve.host.libc.LibC;
import net.weft.sleeve.host.libc.Libc;

/**
 * A UDP socket bound to the sleeve port: {@code recvmmsg(2)}/{@code sendmmsg(2)} in batches through a
 * {@link DatagramBatch}, plus single {@code sendto(2)} sends. Thread-safe in the sense the kernel gives:
 * one thread may receive while others send (each send call is one system call, so datagrams of one call
 * are never interleaved with another's).
 *
 * <p>The descriptor is non-blocking; waiting is done with {@code poll(2)} on the batch's own
 * {@code struct pollfd}, so a busy receive loop costs one {@code recvmmsg} per batch and allocates
 * nothing. Sending never throws for a per-datagram failure (no route, too big, refused by a firewall):
 * the datagram is dropped, as the network would, and counted in {@link #sendFailures()}.
 *
 * <p>{@link #close()} shuts the socket down before closing it, which wakes a thread waiting in
 * {@link #receive}; that call returns 0 and later calls throw {@link IllegalStateException}.
 */
public final class UdpSocket implements AutoCloseable {

    /** Receive and send buffer asked for (forced past rmem_max/wmem_max when privileged), to absorb bursts. */
    public static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
    /** How long a send waits for room in a full send buffer before dropping the rest of its datagrams. */
    public static final int SEND_WAIT_MS = 100;
    private static final int AF_INET = SocketAddresses.AF_INET;
    private static final int AF_INET6 = SocketAddresses.AF_INET6;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_SNDBUF = 7;
    private static final int SO_RCVBUF = 8;
    private static final int SO_SNDBUFFORCE = 32;
    private static final int SO_RCVBUFFORCE = 33;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_V6ONLY = 26;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int SHUT_RDWR = 2;
    private static final int POLLIN = 0x1;
    private static final int POLLOUT = 0x4;
    private static final int POLLFD_BYTES = 8;
    private static final int POLLFD_EVENTS_OFFSET = 4;
    private static final long NS_PER_MS = 1_000_000L;

    private final LibC libc = Libc.api();
    private final InetSocketAddress localAddress;
    private final AtomicLong sendFailures = new AtomicLong();
    private volatile TooBigListener tooBig = to -> { };
    private volatile int fd;
    private volatile boolean closed;

    private UdpSocket(int fd, InetSocketAddress localAddress) {
        this.fd = fd;
        this.localAddress = localAddress;
    }

    /**
     * Opens a non-blocking, close-on-exec UDP socket and binds it to {@code local} (port 0 picks a free
     * port). An IPv6 address gives a dual-stack socket (IPV6_V6ONLY off), which also sends to and receives
     * from IPv4 peers.
     *
     * @throws HostNetworkException if the socket cannot be opened or bound; a taken port gives
     *                              {@link HostNetworkException.Reason#ALREADY_EXISTS} and names the port
     * @throws IllegalArgumentException if {@code local} is unresolved
     */
    public static UdpSocket bind(InetSocketAddress local) {
        byte[] sockaddr = SocketAddresses.encode(local);
        boolean ipv4 = local.getAddress() instanceof Inet4Address;
        LibC libc = Libc.api();
        int fd = libc.socket(ipv4 ? AF_INET : AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw HostNetworkException.fromErrno("open a UDP socket", Libc.errno());
        }
        String where = "UDP port " + local.getPort() + " on " + local.getAddress().getHostAddress();
        try {
            if (!ipv4 && !setInt(fd, IPPROTO_IPV6, IPV6_V6ONLY, 0)) {
                throw HostNetworkException.fromErrno("make the socket for " + where + " dual-stack", Libc.errno());
            }
            setBufferSize(fd, SO_RCVBUFFORCE, SO_RCVBUF);
            setBufferSize(fd, SO_SNDBUFFORCE, SO_SNDBUF);
            if (libc.bind(fd, sockaddr, sockaddr.length) < 0) {
                throw HostNetworkException.fromErrno("bind " + where, Libc.errno());
            }
            return new UdpSocket(fd, boundAddress(fd, where));
        } catch (RuntimeException e) {
            Libc.closeQuietly(fd);
            throw e;
        }
    }

    /** The bound port (the kernel's choice when bound to port 0). */
    public int localPort() {
        return localAddress.getPort();
    }

    /** The bound address and port. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * Waits up to {@code timeoutMs} (0 = don't wait, -1 = forever) for datagrams, then receives as many as
     * are waiting, up to {@code batch.capacity()}, with one {@code recvmmsg}. The datagrams are entries
     * {@code 0..count-1} of the batch; one longer than {@code batch.maxBytes()} is cut and flagged
     * {@link DatagramBatch#truncated}. Allocates nothing.
     *
     * @return how many datagrams were received; 0 on timeout or when the socket was closed meanwhile
     * @throws IllegalStateException if the socket is closed
     * @throws HostNetworkException  if the kernel reports an error other than a transient one
     */
    public int receive(DatagramBatch batch, int timeoutMs) {
        int current = checkedFd();
        batch.prepareForReceive();
        long deadlineNs = timeoutMs > 0 ? System.nanoTime() + timeoutMs * NS_PER_MS : 0;
        int received = tryReceive(current, batch);
        int waitMs = timeoutMs;
        while (received == 0 && waitMs != 0 && !closed) {
            int ready = poll(current, batch, POLLIN, waitMs);
            if (ready > 0 && !closed) {
                received = tryReceive(current, batch);
            }
            if (timeoutMs > 0) {
                waitMs = remainingMs(deadlineNs);
            } else if (ready == 0) {
                break;
            }
        }
        batch.received(received);
        return received;
    }

    /**
     * Sends entries {@code 0..count-1} of {@code batch} with as few {@code sendmmsg} calls as the kernel
     * allows. A datagram the kernel refuses (ENETUNREACH, EMSGSIZE, EPERM, ...) is skipped and counted and
     * the rest still go; when the send buffer stays full for {@link #SEND_WAIT_MS} the remaining datagrams
     * are dropped and counted. The batch is left as it was. Allocates nothing.
     *
     * @return how many datagrams the kernel accepted
     * @throws IllegalStateException if the socket is closed
     */
    public int send(DatagramBatch batch) {
        int current = checkedFd();
        int count = batch.count();
        int next = 0;
        int sent = 0;
        while (next < count && !closed) {
            int n = libc.sendmmsg(current, batch.headerAddress(next), count - next, 0);
            if (n > 0) {
                next += n;
                sent += n;
                continue;
            }
            int errno = Libc.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (n == 0 || errno == Errno.EAGAIN) {
                if (poll(current, batch, POLLOUT, SEND_WAIT_MS) == 0) {
                    break;
                }
                continue;
            }
            sendFailures.incrementAndGet();
            if (errno == Errno.EMSGSIZE) {
                tooBig.tooBig(batch.senderAddress(next));
            }
            next++;
        }
        sendFailures.addAndGet(count - next);
        return sent;
    }

    /**
     * Sends one datagram with one {@code sendto(2)}, waiting up to {@link #SEND_WAIT_MS} for room in a full
     * send buffer. For control traffic and slow paths; the data path batches with {@link #send}.
     *
     * @return true if the kernel accepted it; false (and counted in {@link #sendFailures()}) if it refused
     * @throws IllegalStateException if the socket is closed
     */
    public boolean sendTo(UdpAddress to, byte[] data, int offset, int length) {
        int current = checkedFd();
        Objects.checkFromIndexSize(offset, length, data.length);
        ByteBuffer buffer = ByteBuffer.wrap(data, offset, length);
        long n = sendToOnce(current, to, buffer, length);
        if (n < 0 && Libc.errno() == Errno.EAGAIN && awaitWritable(current)) {
            n = sendToOnce(current, to, buffer, length);
        }
        if (n < 0) {
            sendFailures.incrementAndGet();
            if (Libc.errno() == Errno.EMSGSIZE) {
                tooBig.tooBig(to);
            }
            return false;
        }
        return true;
    }

    /**
     * Has every datagram leave with don't-fragment set ({@code IP_PMTUDISC_DO}, for IPv4 and IPv6): a datagram
     * larger than the route's MTU is then refused with EMSGSIZE (reported to {@link #onTooBig}) instead of being
     * fragmented, which is what makes path-MTU probes mean something.
     *
     * @return false when the kernel refused the option (the socket keeps fragmenting)
     */
    public boolean dontFragment() {
        return PathMtu.dontFragment(checkedFd());
    }

    /** Calls {@code listener} (on the sending thread) with the destination of every datagram refused as too big. */
    public void onTooBig(TooBigListener listener) {
        tooBig = Objects.requireNonNull(listener, "listener");
    }

    /** Told about datagrams the kernel refused as larger than their route allows (EMSGSIZE). */
    @FunctionalInterface
    public interface TooBigListener {
        /** A datagram to {@code to} was refused as too big; see {@link PathMtu#routeMtu}. */
        void tooBig(UdpAddress to);
    }

    /**
     * The receive buffer the kernel granted, in its own accounting (twice the size asked for, covering
     * per-datagram overhead); less than twice {@link #SOCKET_BUFFER_BYTES} when the process may not exceed
     * {@code net.core.rmem_max}. Worth logging: a small buffer drops bursts.
     */
    public int receiveBufferBytes() {
        return getInt(checkedFd(), SOL_SOCKET, SO_RCVBUF);
    }

    /** The send buffer the kernel granted, as {@link #receiveBufferBytes()} (bounded by wmem_max). */
    public int sendBufferBytes() {
        return getInt(checkedFd(), SOL_SOCKET, SO_SNDBUF);
    }

    /** Datagrams dropped since the socket was opened because the kernel refused them or had no room. */
    public long sendFailures() {
        return sendFailures.get();
    }

    /** The descriptor, for callers that multiplex it themselves; -1 once closed. */
    public int fd() {
        return fd;
    }

    /**
     * Shuts the socket down (waking a thread in {@link #receive}, which returns 0) and closes it.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        int old = fd;
        fd = -1;
        libc.shutdown(old, SHUT_RDWR);
        Libc.closeQuietly(old);
    }

    @Override
    public String toString() {
        return "UdpSocket[" + localAddress + (closed ? ", closed]" : "]");
    }

    /** One non-blocking {@code recvmmsg}: the number received, 0 when nothing is waiting. */
    private int tryReceive(int current, DatagramBatch batch) {
        while (true) {
            int n = libc.recvmmsg(current, batch.headerAddress(0), batch.capacity(), MSG_DONTWAIT, 0);
            if (n >= 0) {
                return n;
            }
            int errno = Libc.errno();
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EAGAIN || closed || isTransient(errno)) {
                return 0;
            }
            throw HostNetworkException.fromErrno("receive datagrams on UDP port " + localPort(), errno);
        }
    }

    /**
     * Errors that describe an earlier datagram's fate rather than the socket (an ICMP error queued on the
     * socket); the next receive works, so they are swallowed like the loss they report.
     */
    private static boolean isTransient(int errno) {
        return errno == Errno.ECONNREFUSED || errno == Errno.ENETUNREACH || errno == Errno.EHOSTUNREACH
                || errno == Errno.EMSGSIZE;
    }

    private long sendToOnce(int current, UdpAddress to, ByteBuffer buffer, int length) {
        long n;
        do {
            n = libc.sendto(current, buffer, length, 0, to.sockaddr(), to.sockaddrLength());
        } while (n < 0 && Libc.errno() == Errno.EINTR);
        return n;
    }

    /** Waits for room to send using a pollfd of its own (sendTo may run on many threads at once). */
    private boolean awaitWritable(int current) {
        byte[] pollFd = new byte[POLLFD_BYTES];
        ByteBuffer.wrap(pollFd).order(ByteOrder.nativeOrder()).putInt(0, current)
                .putShort(POLLFD_EVENTS_OFFSET, (short) POLLOUT);
        return libc.poll(pollFd, 1, SEND_WAIT_MS) > 0;
    }

    /**
     * {@code poll(2)} on the batch's pollfd: &gt;0 when ready (or hung up by close), 0 on timeout, -1 when
     * interrupted (EINTR).
     */
    private int poll(int current, DatagramBatch batch, int events, int timeoutMs) {
        batch.memory().putInt(batch.pollFdOffset(), current);
        batch.memory().putInt(batch.pollFdOffset() + POLLFD_EVENTS_OFFSET, events);
        int ready = libc.poll(batch.pollFdAddress(), 1, timeoutMs);
        if (ready < 0) {
            int errno = Libc.errno();
            if (errno == Errno.EINTR || closed) {
                return -1;
            }
            throw HostNetworkException.fromErrno("wait on UDP port " + localPort(), errno);
        }
        return ready;
    }

    private static int remainingMs(long deadlineNs) {
        long leftNs = deadlineNs - System.nanoTime();
        return leftNs <= 0 ? 0 : (int) ((leftNs + NS_PER_MS - 1) / NS_PER_MS);
    }

    private int checkedFd() {
        int current = fd;
        if (closed || current < 0) {
            throw new IllegalStateException("UDP socket " + localAddress + " is closed");
        }
        return current;
    }

    private static void setBufferSize(int fd, int forced, int plain) {
        if (!setInt(fd, SOL_SOCKET, forced, SOCKET_BUFFER_BYTES)) {
            setInt(fd, SOL_SOCKET, plain, SOCKET_BUFFER_BYTES);
        }
    }

    private static boolean setInt(int fd, int level, int option, int value) {
        byte[] bytes = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(value).array();
        return Libc.api().setsockopt(fd, level, option, bytes, bytes.length) == 0;
    }

    private int getInt(int current, int level, int option) {
        byte[] value = new byte[Integer.BYTES];
        int[] length = {value.length};
        if (libc.getsockopt(current, level, option, value, length) < 0) {
            throw HostNetworkException.fromErrno("read an option of UDP port " + localPort(), Libc.errno());
        }
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
    }

    private static InetSocketAddress boundAddress(int fd, String where) {
        byte[] sockaddr = new byte[SocketAddresses.SOCKADDR_IN6_BYTES];
        int[] length = {sockaddr.length};
        if (Libc.api().getsockname(fd, sockaddr, length) < 0) {
            throw HostNetworkException.fromErrno("read the address of " + where, Libc.errno());
        }
        return SocketAddresses.decode(sockaddr, length[0]);
    }
}
