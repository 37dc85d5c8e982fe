package net.weft.sleeve.host.bench;

import java.nio.ByteBuffer;
import java.util.Locale;

import net.weft.sleeve.host.offload.FrameSink;
import net.weft.sleeve.host.offload.GroCoalescer;
import net.weft.sleeve.host.offload.GsoSplitter;
import net.weft.sleeve.host.offload.VirtioNetHeader;

/**
 * CPU cost of the offload transforms, no I/O: how many payload bytes per second one thread can cut from
 * 64 KB TCP super-frames into wire frames ({@link GsoSplitter}, full checksums per segment), and how many
 * it can merge back ({@link GroCoalescer}, verifying each segment's checksums). Run with
 * {@code java -cp ... net.weft.sleeve.host.bench.OffloadBenchmark [seconds]}.
 */
public final class OffloadBenchmark {

    private static final int MSS = 1_324;
    private static final int SEGMENTS = 49;
    private static final int DEFAULT_SECONDS = 3;
    private static final long NS_PER_SECOND = 1_000_000_000L;

    private static long sinkBytes;

    private OffloadBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_SECONDS;
        byte[] read = superFrameRead();
        GsoSplitter splitter = new GsoSplitter();
        FrameSink count = (buf, off, len) -> sinkBytes += len;
        GroCoalescer coalescer = new GroCoalescer(count);
        FrameSink toCoalescer = coalescer::add;
        measure("split only", seconds, () -> splitter.split(read, 0, read.length, count));
        measure("split + coalesce", seconds, () -> {
            splitter.split(read, 0, read.length, toCoalescer);
            coalescer.flush();
        });
    }

    private static void measure(String what, int seconds, Runnable superFrame) {
        for (int i = 0; i < 2_000; i++) {
            superFrame.run();
        }
        long start = System.nanoTime();
        long end = start + seconds * NS_PER_SECOND;
        long frames = 0;
        while (System.nanoTime() < end) {
            superFrame.run();
            frames++;
        }
        double elapsed = (System.nanoTime() - start) / (double) NS_PER_SECOND;
        double payloadBits = frames * (double) MSS * SEGMENTS * Byte.SIZE;
        System.out.printf(Locale.ROOT, "%-18s %10.0f super-frames/s %8.1f Gbit/s payload%n", what,
                frames / elapsed, payloadBits / elapsed / 1e9);
    }

    /** A virtio header + IPv4 TCP super-frame of {@link #SEGMENTS} full segments, as the kernel hands it over. */
    private static byte[] superFrameRead() {
        int payload = MSS * SEGMENTS;
        int ipLength = 20 + 32 + payload;
        ByteBuffer b = ByteBuffer.allocate(VirtioNetHeader.BYTES + 14 + ipLength);
        b.put(new byte[VirtioNetHeader.BYTES]);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0});
        b.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putInt(0x4000).put((byte) 64).put((byte) 6)
                .putShort((short) 0).putInt(0x0a2f0001).putInt(0x0a2f0002);
        b.putShort((short) 40_000).putShort((short) 5201).putInt(1).putInt(1).put((byte) 0x80).put((byte) 0x10)
                .putShort((short) 500).putInt(0).putInt(0x0101080a).putLong(0x0102030405060708L);
        byte[] read = b.array();
        for (int i = read.length - payload; i < read.length; i++) {
            read[i] = (byte) (i * 31);
        }
        VirtioNetHeader.write(read, 0, 0, VirtioNetHeader.GSO_TCPV4, 66, MSS, 0, 0);
        return read;
    }
}
