package net.weft.sleeve.fastpath;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import net.weft.core.fastpath.FastPathCounts;
import net.weft.core.fastpath.FastPathTable;
import net.weft.core.fastpath.FastPathTarget;
import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.udp.UdpAddress;

/**
 * The capture thread's work: read bursts of frames from the bridge's TAP port, send each frame the table covers
 * straight to its next hop (packed and batched by a {@link DatagramAssembler}), hand the rest to the router in
 * order, and report sightings and counts about once a second.
 */
final class CaptureLoop implements Runnable {

    /** How long one wait for a frame lasts before the loop checks whether it must stop or report. */
    static final int READ_TIMEOUT_MS = 200;
    /** Most frames read before the batch is sent and the slow-path frames are handed over. */
    static final int MAX_BURST_FRAMES = 64;

    private final FramePort tap;
    private final Supplier<InstalledTable> table;
    private final DatagramAssembler assembler;
    private final SlowPath slow;
    private final Reporter reporter;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(FramePort.MAX_FRAME_BYTES);
    private final byte[] frame = new byte[FramePort.MAX_FRAME_BYTES];
    private final Sightings sightings = new Sightings();
    private volatile boolean running = true;
    private long captured;

    CaptureLoop(FramePort tap, Supplier<InstalledTable> table, DatagramAssembler assembler, SlowPath slow,
            Reporter reporter) {
        this.tap = tap;
        this.table = table;
        this.assembler = assembler;
        this.slow = slow;
        this.reporter = reporter;
    }

    @Override
    public void run() {
        while (running) {
            List<byte[]> slowFrames = List.of();
            int n = read(READ_TIMEOUT_MS);
            InstalledTable t = table.get();
            for (int count = 0; n > 0; ) {
                if (!forward(t, n)) {
                    if (slowFrames.isEmpty()) {
                        slowFrames = new ArrayList<>();
                    }
                    slowFrames.add(Arrays.copyOf(frame, n));
                }
                n = ++count < MAX_BURST_FRAMES ? read(0) : 0;
            }
            assembler.flush();
            if (!slowFrames.isEmpty()) {
                slow.framesCaptured(slowFrames);
            }
            if (reporter.due()) {
                report();
            }
        }
        report();
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

    /** Sends the frame in {@code frame[0, length)} if the table covers it; false leaves it to the router. */
    private boolean forward(InstalledTable t, int length) {
        FastPathTable ft = t.table;
        FastPathTarget target = ft.forCaptured(frame, 0, length);
        if (target == null) {
            return false;
        }
        UdpAddress address = t.address(target.hop());
        if (address == null) {
            return false;
        }
        assembler.add(target.hop(), address, ft.self(), target.dstPeer(), frame, 0, length);
        sightings.record(Frames.srcMac(frame, 0), ft.self());
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
