package net.weft.sleeve.host.bench;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;

import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.packet.PacketPort;
import net.weft.sleeve.host.rtnl.Rtnetlink;
import net.weft.sleeve.host.tap.TapDevice;

/**
 * Frame rates of the two frame ports, measured through a real Linux bridge: a TAP device and an
 * AF_PACKET port (veth pair) on one test bridge; one port injects frames as fast as it can, the bridge
 * floods them (the destination is never learnt) to the other port, which captures them. Reported per
 * direction and frame size: frames written per second and frames captured per second.
 *
 * <p>Run with {@code datapath-sleeve/bench/frame-rates.sh} as root. Arguments: seconds per measurement
 * (default 3).
 */
public final class FrameRateBenchmark {

    private static final int BENCH_MTU = 1500;
    private static final int[] FRAME_SIZES = {60, 1400};
    private static final int DEFAULT_SECONDS = 3;
    private static final long WARMUP_NS = 500_000_000L;
    private static final int POLL_MS = 50;
    private static final int ETHERTYPE_LOCAL_EXPERIMENTAL = 0x88b5;

    private FrameRateBenchmark() {
    }

    /** Sets up the bridge and ports, measures, prints a table, removes everything. */
    public static void main(String[] args) throws InterruptedException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SECONDS;
        String suffix = Long.toString(ProcessHandle.current().pid() % 100_000, 36);
        String bridge = "wfbench" + suffix;
        try (Rtnetlink host = Rtnetlink.openHost()) {
            host.createBridge(bridge, Optional.empty(), BENCH_MTU);
            host.setUp(bridge, true);
            try (TapDevice tap = TapDevice.openOnBridge("wftbench" + suffix, bridge, BENCH_MTU);
                 PacketPort packet = PacketPort.openOnBridge("wfpb" + suffix, "wfpc" + suffix, bridge, BENCH_MTU)) {
                System.out.printf("%-26s %6s %14s %14s%n", "direction", "bytes", "written/s", "captured/s");
                for (int size : FRAME_SIZES) {
                    report("TAP -> bridge -> AF_PACKET", size, measure(tap, packet, size, seconds));
                    report("AF_PACKET -> bridge -> TAP", size, measure(packet, tap, size, seconds));
                }
            } finally {
                host.deleteLink(bridge);
            }
        }
    }

    private static void report(String direction, int size, double[] rates) {
        System.out.printf(Locale.ROOT, "%-26s %6d %14.0f %14.0f%n", direction, size, rates[0], rates[1]);
    }

    /** Returns {frames written per second, frames captured per second} over the measured interval. */
    private static double[] measure(FramePort from, FramePort to, int size, int seconds) throws InterruptedException {
        Counter written = new Counter();
        Counter captured = new Counter();
        Thread writer = new Thread(() -> inject(from, size, written), "bench-writer");
        Thread reader = new Thread(() -> capture(to, captured), "bench-reader");
        reader.start();
        writer.start();
        Thread.sleep(WARMUP_NS / 1_000_000);
        long w0 = written.count;
        long c0 = captured.count;
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long elapsedNs = System.nanoTime() - t0;
        double writtenPerSecond = (written.count - w0) * 1e9 / elapsedNs;
        double capturedPerSecond = (captured.count - c0) * 1e9 / elapsedNs;
        written.stop = true;
        captured.stop = true;
        writer.join();
        reader.join();
        return new double[] {writtenPerSecond, capturedPerSecond};
    }

    private static void inject(FramePort port, int size, Counter written) {
        ByteBuffer frame = ByteBuffer.allocateDirect(size);
        byte[] destination = {0x02, 0, 0, 0, 0, 0x02};
        byte[] source = {0x02, 0, 0, 0, 0, 0x01};
        frame.put(destination).put(source).putShort((short) ETHERTYPE_LOCAL_EXPERIMENTAL);
        while (!written.stop) {
            frame.clear();
            port.writeFrame(frame);
            written.count++;
        }
    }

    private static void capture(FramePort port, Counter captured) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(FramePort.MAX_FRAME_BYTES);
        while (!captured.stop) {
            buffer.clear();
            if (port.readFrame(buffer, POLL_MS) > 0) {
                captured.count++;
            }
        }
    }

    /** A count written by one thread and read by another (reads may lag by a frame, which is fine here). */
    private static final class Counter {
        private volatile long count;
        private volatile boolean stop;
    }
}
