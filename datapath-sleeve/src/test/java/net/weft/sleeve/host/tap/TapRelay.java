package net.weft.sleeve.host.tap;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

import net.weft.sleeve.host.offload.FrameSink;
import net.weft.sleeve.host.offload.GsoSplitter;
import net.weft.sleeve.host.offload.SplitOutcome;
import net.weft.sleeve.host.offload.VirtioNetHeader;

/**
 * A wire between two offload TAPs, one direction, on its own thread: reads header+frame from {@code from},
 * splits it into wire frames with a {@link GsoSplitter}, checks each wire frame (size, checksums), and
 * hands it to an injector that writes it into {@code to}. The test's stand-in for the sleeve data path.
 */
final class TapRelay implements Runnable {

    /** How a wire frame reaches the other TAP. */
    interface Injector {
        /** Takes one wire frame (bytes valid during the call). */
        void wireFrame(byte[] buf, int off, int len);

        /** The end of a read burst: write anything held back. */
        void endOfBurst();
    }

    private static final int POLL_MS = 50;
    private static final int MAX_BURST = 64;

    private final TapDevice from;
    private final int maxWireFrameBytes;
    private final Injector injector;
    private final GsoSplitter splitter = new GsoSplitter();
    private final ByteBuffer direct = ByteBuffer.allocateDirect(GsoSplitter.MAX_READ_BYTES);
    private final byte[] read = new byte[GsoSplitter.MAX_READ_BYTES];
    private final FrameSink check = this::checked;
    private volatile boolean running = true;
    final AtomicReference<String> firstProblem = new AtomicReference<>();
    volatile long reads;
    volatile long superFrameReads;
    volatile long openChecksumReads;
    volatile long wireFrames;
    volatile long tcpWireFrames;

    TapRelay(TapDevice from, int mtu, Injector injector) {
        this.from = from;
        this.maxWireFrameBytes = mtu + 14;
        this.injector = injector;
    }

    /** An injector that writes every wire frame into {@code to} with a plain (all-zero) virtio header. */
    static Injector plainWrites(TapDevice to) {
        byte[] out = new byte[GsoSplitter.MAX_READ_BYTES];
        return new Injector() {
            @Override
            public void wireFrame(byte[] buf, int off, int len) {
                VirtioNetHeader.writePlain(out, 0);
                System.arraycopy(buf, off, out, VirtioNetHeader.BYTES, len);
                to.writeFrame(out, 0, VirtioNetHeader.BYTES + len);
            }

            @Override
            public void endOfBurst() {
            }
        };
    }

    @Override
    public void run() {
        try {
            while (running) {
                int n = readOne(POLL_MS);
                for (int count = 0; n > 0; ) {
                    relay(n);
                    n = ++count < MAX_BURST ? readOne(0) : 0;
                }
                injector.endOfBurst();
            }
        } catch (RuntimeException | AssertionError e) {
            firstProblem.compareAndSet(null, "relay from " + from.name() + " failed: " + e);
        }
    }

    void stop() {
        running = false;
    }

    private int readOne(int timeoutMs) {
        direct.clear();
        int n = from.readFrame(direct, timeoutMs);
        direct.flip().get(read, 0, n);
        return n;
    }

    private void relay(int n) {
        reads++;
        int gso = VirtioNetHeader.gsoType(read, 0);
        if (gso != VirtioNetHeader.GSO_NONE) {
            superFrameReads++;
        } else if ((VirtioNetHeader.flags(read, 0) & VirtioNetHeader.FLAG_NEEDS_CSUM) != 0) {
            openChecksumReads++;
        }
        SplitOutcome outcome = splitter.split(read, 0, n, check);
        if (!outcome.emitted()) {
            firstProblem.compareAndSet(null, "splitter rejected a read: " + outcome.reason());
        }
    }

    private void checked(byte[] buf, int off, int len) {
        wireFrames++;
        if (len > maxWireFrameBytes) {
            firstProblem.compareAndSet(null, "wire frame of " + len + " bytes");
        }
        byte[] frame = java.util.Arrays.copyOfRange(buf, off, off + len);
        if (WireChecks.isIpv4Tcp(frame)) {
            tcpWireFrames++;
            if (!WireChecks.ipv4TcpChecksumsValid(frame)) {
                firstProblem.compareAndSet(null, "wire frame with a bad IPv4/TCP checksum");
            }
        } else if (WireChecks.isIpv6Tcp(frame)) {
            tcpWireFrames++;
            if (!WireChecks.ipv6TcpChecksumValid(frame)) {
                firstProblem.compareAndSet(null, "wire frame with a bad IPv6 TCP checksum");
            }
        }
        injector.wireFrame(buf, off, len);
    }
}
