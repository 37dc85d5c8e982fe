package net.weft.sleeve.host.tap;

import java.nio.ByteBuffer;

import net.weft.sleeve.host.frame.FramePort;
import net.weft.sleeve.host.offload.FrameSink;
import net.weft.sleeve.host.offload.GsoSplitter;

/**
 * The sink that puts a {@link net.weft.sleeve.host.offload.GroCoalescer}'s output into an offload TAP:
 * each header+frame is copied into one reused direct buffer and written with one {@code write(2)} (the
 * byte-array write path would copy the coalescer's whole arena). A write the kernel refuses (queue full,
 * port gone, a header it rejects) loses that frame, as a wire would, and is counted instead of thrown.
 * One instance per writing thread.
 */
public final class TapWriter implements FrameSink {

    private final FramePort port;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(GsoSplitter.MAX_READ_BYTES);
    private long writes;
    private long failures;

    /** Writes into {@code port}, which must be a TAP in offload mode (every write starts with a header). */
    public TapWriter(FramePort port) {
        this.port = port;
    }

    @Override
    public void frame(byte[] buf, int off, int len) {
        direct.clear();
        direct.put(buf, off, len).flip();
        try {
            port.writeFrame(direct);
            writes++;
        } catch (RuntimeException refused) {
            failures++;
        }
    }

    /** Writes the kernel took. */
    public long writes() {
        return writes;
    }

    /** Writes the kernel refused (frames lost). */
    public long failures() {
        return failures;
    }
}
