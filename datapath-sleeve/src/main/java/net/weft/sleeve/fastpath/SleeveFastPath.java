package net.weft.sleeve.fastpath;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.id.Endpoint;
import net.weft.core.id.PeerName;
import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.udp.DatagramBatch;
import net.weft.sleeve.host.udp.PathMtu;
import net.weft.sleeve.host.udp.UdpAddress;
import net.weft.sleeve.host.udp.UdpSocket;

/**
 * The sleeve data path of a running router: the UDP socket on the sleeve port, a receive thread, and (once a TAP
 * port is attached) a capture thread, forwarding the frames the router's latest {@link FastPathTable} covers
 * without a router step and handing everything else to a {@link SlowPath}. The router thread sends its own
 * datagrams ({@link #send}) through the same socket; its frames for the bridge go into the TAP directly.
 *
 * <p>The socket sends with don't-fragment set, so nothing is fragmented on the way: a datagram larger than its
 * route allows is refused by the host and reported to the router ({@link SlowPath#sendTooBig}), whose forwarder
 * lowers that connection's MTU and verifies it by probing (Weave's path-MTU discovery).
 *
 * <p>Threads: receive ({@code weft-sleeve-rx}) and capture ({@code weft-sleeve-capture}) each own their buffers,
 * batch and assembler; they share only the installed table (a volatile reference) and the channels' synchronized
 * sealing and opening. Writes to the socket and the TAP are single system calls, safe from several threads.
 */
public final class SleeveFastPath implements AutoCloseable {

    /** Datagrams taken or sent per system call. */
    public static final int BATCH_DATAGRAMS = 64;
    /** Largest datagram handled: the UDP maximum. */
    public static final int MAX_DATAGRAM_BYTES = DatagramBatch.MAX_DATAGRAM_BYTES;
    /** Least time between two too-big reports for one destination (the router lowers the MTU on the first). */
    public static final long TOO_BIG_REPORT_INTERVAL_NS = 1_000_000_000L;
    /** How long {@link #close} waits for each thread. */
    static final long JOIN_TIMEOUT_MS = 2_000;

    private final PeerName self;
    private final UdpSocket socket;
    private final SlowPath slow;
    private final LongSupplier clockNs;
    private final ReceiveLoop receiver;
    private final Thread receiveThread;
    private final Object captureLock = new Object();
    private final AtomicLong datagramsSent = new AtomicLong();
    private final Map<UdpAddress, Long> tooBigReportedNs = new ConcurrentHashMap<>();
    private volatile InstalledTable installed;
    private CaptureLoop capturer;
    private Thread captureThread;
    private boolean closed;

    private SleeveFastPath(PeerName self, UdpSocket socket, SlowPath slow, LongSupplier clockNs) {
        this.self = self;
        this.socket = socket;
        this.slow = slow;
        this.clockNs = clockNs;
        this.installed = InstalledTable.of(FastPathTable.empty(self), java.util.List.of());
        this.receiver = new ReceiveLoop(socket, new DatagramBatch(BATCH_DATAGRAMS, MAX_DATAGRAM_BYTES),
                () -> installed, assembler(), slow, new Reporter(clockNs));
        this.receiveThread = new Thread(receiver, "weft-sleeve-rx");
        this.receiveThread.setDaemon(true);
    }

    /**
     * Binds the sleeve socket at {@code local} and starts receiving; nothing is delivered locally until a TAP port
     * is attached ({@link #attachTap}).
     *
     * @throws net.weft.sleeve.host.HostNetworkException when the port cannot be bound
     */
    public static SleeveFastPath start(PeerName self, InetSocketAddress local, SlowPath slow, LongSupplier clockNs) {
        UdpSocket socket = UdpSocket.bind(local);
        socket.dontFragment();
        SleeveFastPath path = new SleeveFastPath(self, socket, slow, clockNs);
        socket.onTooBig(path::tooBig);
        path.receiveThread.start();
        return path;
    }

    /** The bound socket address. */
    public InetSocketAddress localAddress() {
        return socket.localAddress();
    }

    /**
     * Starts capturing from {@code port} and delivering into it. Once only; the port stays the caller's to close,
     * after {@link #close}.
     *
     * @param offload true when the port is a TAP in offload mode (virtio headers on every read and write; TCP
     *                super-frames are split on capture and coalesced on delivery)
     */
    public void attachTap(FramePort port, boolean offload) {
        Objects.requireNonNull(port, "port");
        synchronized (captureLock) {
            if (closed || capturer != null) {
                throw new IllegalStateException(closed ? "fast path closed" : "a TAP port is already attached");
            }
            capturer = new CaptureLoop(port, offload, () -> installed, assembler(), slow, new Reporter(clockNs));
            receiver.attachTap(port, offload, capturer::forwardWaitingFrames);
            captureThread = new Thread(capturer, "weft-sleeve-capture");
            captureThread.setDaemon(true);
            captureThread.start();
        }
    }

    /** Replaces the table the threads decide by (the router's {@code InstallFastPath}; router thread). */
    public void install(FastPathTable table) {
        installed = InstalledTable.of(table, table.hops());
    }

    /** The table in use. */
    public FastPathTable table() {
        return installed.table;
    }

    /** Sends one datagram of the router's (heartbeats, slow-path frames); false when it could not be sent. */
    public boolean send(Endpoint to, byte[] datagram) {
        UdpAddress address = InstalledTable.resolve(to);
        boolean sent = address != null && socket.sendTo(address, datagram, 0, datagram.length);
        if (sent) {
            datagramsSent.incrementAndGet();
        }
        return sent;
    }

    /** Datagrams received on the sleeve port so far. */
    public long datagramsReceived() {
        return receiver.datagramsReceived();
    }

    /** Datagrams handed to the kernel so far, by the router and by both threads. */
    public long datagramsSent() {
        return datagramsSent.get();
    }

    /** Datagrams that failed to send so far (unreachable next hop, full buffers). */
    public long sendFailures() {
        return socket.sendFailures();
    }

    /** Frames the TAP refused on the receive path so far. */
    public long injectFailures() {
        return receiver.injectFailures();
    }

    /** TAP reads the offload splitter refused so far (malformed virtio headers; those frames are lost). */
    public long captureRejects() {
        CaptureLoop c;
        synchronized (captureLock) {
            c = capturer;
        }
        return c == null ? 0 : c.rejected();
    }

    /** Stops both threads (each within its wait timeout) and closes the socket. Idempotent. */
    @Override
    public void close() {
        Thread capture;
        synchronized (captureLock) {
            if (closed) {
                return;
            }
            closed = true;
            capture = captureThread;
            if (capturer != null) {
                capturer.stop();
            }
        }
        receiver.stop();
        join(capture);
        join(receiveThread);
        socket.close();
    }

    /** A datagram to {@code to} was refused as too big: tell the router the route's MTU, once a second at most. */
    private void tooBig(UdpAddress to) {
        long now = clockNs.getAsLong();
        Long last = tooBigReportedNs.get(to);
        if (last != null && now - last < TOO_BIG_REPORT_INTERVAL_NS) {
            return;
        }
        tooBigReportedNs.put(to, now);
        slow.sendTooBig(to.toInetSocketAddress(), PathMtu.routeMtu(to));
    }

    private DatagramAssembler assembler() {
        return new DatagramAssembler(self, socket, new DatagramBatch(BATCH_DATAGRAMS, MAX_DATAGRAM_BYTES),
                datagramsSent);
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(JOIN_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
