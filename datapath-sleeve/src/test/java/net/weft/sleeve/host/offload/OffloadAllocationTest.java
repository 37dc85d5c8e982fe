package net.weft.sleeve.host.offload;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * Splitting and coalescing allocate nothing per frame: after a warm-up, thousands of super-frames split
 * into segments and merged back leave the thread's allocation counter where it was.
 */
class OffloadAllocationTest {

    private static final int ROUNDS = 2_000;
    private static final int MSS = 1_324;
    private static final int PAYLOAD_BYTES = 45 * MSS;

    private long segments;

    @Test
    void splitting_super_frames_and_coalescing_their_segments_allocate_nothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] read = new TcpFrameBuilder().timestamps(1, 2).gsoRead(TcpFrameBuilder.payload(PAYLOAD_BYTES, 3), MSS);
        GsoSplitter splitter = new GsoSplitter();
        FrameSink discard = (buf, off, len) -> segments++;
        GroCoalescer coalescer = new GroCoalescer(discard);
        FrameSink toCoalescer = coalescer::add;
        run(splitter, coalescer, read, toCoalescer, ROUNDS);
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);

        run(splitter, coalescer, read, toCoalescer, ROUNDS);

        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(coalescer.superFrames()).isEqualTo(2L * ROUNDS);
        assertThat(allocated).as("bytes allocated over %d super-frames", ROUNDS).isLessThan(ROUNDS);
    }

    private static void run(GsoSplitter splitter, GroCoalescer coalescer, byte[] read, FrameSink sink, int rounds) {
        for (int r = 0; r < rounds; r++) {
            splitter.split(read, 0, read.length, sink);
            coalescer.flush();
        }
    }
}
