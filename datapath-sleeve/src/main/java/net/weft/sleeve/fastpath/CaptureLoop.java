package net.weft.sleeve.fastpath;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.forward.EthernetFrame;
import net.weft.core.fastpath.FastPathTarget;
import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.offload.FrameSink;
import net.weft.sleeve.host.offload.GsoSplitter;
import net.weft.sleeve.host.udp.UdpAddress;

/**
 * The capture thread's work: read bursts of frames from the bridge's TAP port (in offload mode, TCP super-frames of
 * up to 64 KB that the {@link GsoSplitter} cuts into wire frames), send each wire frame the table covers
 * straight to its next hop (packed and batched by a {@link DatagramAssembler}), hand the rest to the router in
 * order, and report sightings and counts about once a second.
 */
final class CaptureLoop implements Runnable {

    /** How long one wait for a frame lasts before the loop checks whether it must stop or report. */
    static final int READ_TIMEOUT_MS = 200;
    /** Most frames read before the batch is sent and the slow-path frames are handed over. */
    static final int MAX_BURST_FRAMES = 64;

    private final FramePort tap;
    private final boolean offload;
    private final Supplier<InstalledTable> table;
    private final DatagramAssembler assembler;
    private final SlowPath slow;
    private final Reporter reporter;
    private final ByteBuffer direct;
    private final byte[] frame;
    private final GsoSplitter splitter = new GsoSplitter();
    private final FrameSink wireFrames = this::onWireFrame;
    private final Sightings sightings = new Sightings();
    /** Held while reading and forwarding, by the capture thread or by {@link #forwardWaitingFrames}. */
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean running = true;
    private volatile long rejected;
    private InstalledTable current;
    private List<byte[]> slowFrames = List.of();
    private long captured;

    /**
     * @param offload true when {@code tap} is in offload mode: every read is a virtio header and a frame, possibly
     *                a TCP super-frame, which the {@link GsoSplitter} turns into wire frames first
     */
    CaptureLoop(FramePort tap, boolean offload, Supplier<InstalledTable> table, DatagramAssembler assembler,
            SlowPath slow, Reporter reporter) {
        this.tap = tap;
        this.offload = offload;
        this.table = table;
        this.assembler = assembler;
        this.slow = slow;
        this.reporter = reporter;
        int readBytes = offload ? GsoSplitter.MAX_READ_BYTES : FramePort.MAX_FRAME_BYTES;
        this.direct = ByteBuffer.allocateDirect(readBytes);
        this.frame = new byte[readBytes];
    }

    @Override
    public void run() {
        while (running) {
            boolean ready = tap.awaitFrame(READ_TIMEOUT_MS);
            boolean reportDue = reporter.due();
            if (!ready && !reportDue) {
                continue;
            }
            lock.lock();
            try {
                if (ready) {
                    burst();
                }
                if (reportDue) {
                    report();
                }
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            report();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forwards what is waiting on the TAP now, from the calling thread, if the capture thread is not at it: the
     * receive thread calls this right after delivering frames, so that a reply the local stack produced while
     * the delivery was being written (a ping's echo, a TCP ACK) leaves without waiting for the capture thread to
     * wake up. Reads and sends stay serialised by one lock, so frames leave in the order they were read.
     */
    void forwardWaitingFrames() {
        if (!running || !lock.tryLock()) {
            return;
        }
        try {
            burst();
        } finally {
            lock.unlock();
        }
    }

    /** Reads and forwards up to {@link #MAX_BURST_FRAMES} reads without waiting; call with the lock held. */
    private void burst() {
        slowFrames = List.of();
        current = table.get();
        int n = read(0);
        for (int count = 0; n > 0; ) {
            if (!offload) {
                onWireFrame(frame, 0, n);
            } else if (!splitter.split(frame, 0, n, wireFrames).emitted()) {
                rejected++;
            }
            n = ++count < MAX_BURST_FRAMES ? read(0) : 0;
        }
        assembler.flush();
        if (!slowFrames.isEmpty()) {
            slow.framesCaptured(slowFrames);
        }
    }

    /** Reads the kernel handed over that the splitter refused (malformed offload headers; frames lost). */
    long rejected() {
        return rejected;
    }

    /** Asks the loop to end after its current wait. */
    void stop() {
        running = false;
    }

    private int read(int timeoutMs) {
        direct.clear();
        int n = tap.readFrame(direct, timeoutMs);
        if (n > 0) {
            direct.flip();
            direct.get(frame, 0, n);
        }
        return n;
    }

    /** One wire frame: sent by the table when it covers it, else kept for the router (copied). */
    private void onWireFrame(byte[] buf, int offset, int length) {
        if (!forward(current, buf, offset, length)) {
            if (slowFrames.isEmpty()) {
                slowFrames = new ArrayList<>();
            }
            slowFrames.add(Arrays.copyOfRange(buf, offset, offset + length));
        }
    }

    /** Sends the frame {@code buf[offset, offset + length)} if the table covers it; false leaves it to the router. */
    private boolean forward(InstalledTable t, byte[] buf, int offset, int length) {
        FastPathTable ft = t.table;
        FastPathTarget target = ft.forCaptured(buf, offset, length);
        if (target == null) {
            return false;
        }
        UdpAddress address = t.address(target.hop());
        if (address == null) {
            return false;
        }
        assembler.add(target.hop(), address, ft.self(), target.dstPeer(), buf, offset, length);
        sightings.record(EthernetFrame.macAt(buf, offset + EthernetFrame.SRC_MAC_OFFSET), ft.self());
        captured++;
        return true;
    }

    private void report() {
        if (captured == 0 && sightings.size() == 0) {
            return;
        }
        slow.report(sightings.drain(), new FastPathCounts(captured, 0, 0, 0));
        captured = 0;
    }
}
